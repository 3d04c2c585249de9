package io.github.babyshopsdk.client.hostile.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import mockwebserver3.MockResponseBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Response bodies the harness sends without holding them: a body is a list of segments, each a byte
 * pattern written a number of times, generated while the server writes, so a 64 MiB body costs no heap
 * on the test side. Also builds gzip bombs (compressed once, streaming, never inflated in memory). Shared
 * by the client's and the engine's harness (this module's {@code hostile-tests} test-jar). Stateless.
 */
public final class Bodies {
    private Bodies() {
    }

    /** One byte pattern written {@code times} times. */
    public record Segment(byte[] bytes, long times) {
        /** The bytes the segment writes: the pattern's length times {@code times}. */
        public long length() {
            return bytes.length * times;
        }

        @Override
        public String toString() {
            return bytes.length + "B x " + times;
        }
    }

    /** The UTF-8 text written once. */
    public static Segment once(String text) {
        return new Segment(utf8(text), 1);
    }

    /** The bytes written once. */
    public static Segment once(byte[] bytes) {
        return new Segment(bytes, 1);
    }

    /** {@code unit} repeated so that the segment is about {@code totalBytes} long (whole units only). */
    public static Segment repeat(String unit, long totalBytes) {
        byte[] one = utf8(unit);
        // write units in blocks of about 8 KiB, then the remainder unit by unit
        int perBlock = Math.max(1, 8192 / one.length);
        long units = Math.max(1, totalBytes / one.length);
        if (units < perBlock) {
            return new Segment(times(one, (int) units), 1);
        }
        return new Segment(times(one, perBlock), units / perBlock);
    }

    /**
     * {@code unit} repeated in blocks of about 1 MiB, so that each block compresses on its own to about a
     * kilobyte: the form gzip bombs are built from.
     */
    public static Segment repeatBlock(String unit, long totalBytes) {
        byte[] one = utf8(unit);
        int perBlock = Math.max(1, (1024 * 1024) / one.length);
        long units = Math.max(1, totalBytes / one.length);
        if (units < perBlock) {
            return new Segment(times(one, (int) units), 1);
        }
        return new Segment(times(one, perBlock), units / perBlock);
    }

    /** {@code count} copies of {@code unit}, one after the other. */
    public static byte[] times(byte[] unit, int count) {
        byte[] out = new byte[unit.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    /** The UTF-8 bytes of {@code text}. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A streamed body of the segments, with a declared length or chunked (framing written here). */
    public static MockResponseBody streamed(List<Segment> segments, boolean chunked) {
        long total = segments.stream().mapToLong(Segment::length).sum();
        return new StreamedBody(List.copyOf(segments), chunked, total);
    }

    /** The total length of the segments. */
    public static long length(List<Segment> segments) {
        return segments.stream().mapToLong(Segment::length).sum();
    }

    /** A body written from the segments, see {@link #streamed}. Stateless: it may be served any number of times. */
    private static final class StreamedBody implements MockResponseBody {
        private final List<Segment> segments;
        private final boolean chunked;
        private final long total;

        StreamedBody(List<Segment> segments, boolean chunked, long total) {
            this.segments = segments;
            this.chunked = chunked;
            this.total = total;
        }

        @Override
        public long getContentLength() {
            return chunked ? -1 : total;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            for (Segment segment : segments) {
                for (long i = 0; i < segment.times(); i++) {
                    if (chunked) {
                        if (segment.bytes().length == 0) {
                            continue;
                        }
                        sink.writeUtf8(Integer.toHexString(segment.bytes().length)).writeUtf8("\r\n");
                        sink.write(segment.bytes()).writeUtf8("\r\n");
                    } else {
                        sink.write(segment.bytes());
                    }
                    if (sink.getBuffer().size() > 64 * 1024) {
                        sink.emit();
                    }
                }
            }
            if (chunked) {
                sink.writeUtf8("0\r\n\r\n");
            }
            sink.flush();
        }
    }

    /** A plain in-memory body (small bodies only). */
    public static Buffer buffer(byte[] bytes) {
        return new Buffer().write(bytes);
    }

    /**
     * The gzip form of the segments, built without ever holding the inflated bytes: each segment's pattern
     * is deflated once on its own (ending on a byte boundary with a full flush, so the compressed pattern
     * can be repeated as it is), then the compressed segments are framed by the gzip header and a trailer
     * whose CRC-32 and size are computed over the inflated stream. A gigabyte of zeros costs about a
     * megabyte on the wire and a few tens of milliseconds to build.
     */
    public static List<Segment> gzip(List<Segment> inflated) {
        List<Segment> out = new ArrayList<>();
        out.add(once(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        long size = 0;
        for (Segment segment : inflated) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            try {
                deflater.setInput(segment.bytes());
                byte[] buffer = new byte[segment.bytes().length + 1024];
                int length = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                out.add(new Segment(Arrays.copyOf(buffer, length), segment.times()));
            } finally {
                deflater.end();
            }
            for (long i = 0; i < segment.times(); i++) {
                crc.update(segment.bytes());
            }
            size += segment.length();
        }
        Deflater last = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] end = new byte[64];
        int endLength;
        try {
            last.finish();
            endLength = last.deflate(end);
        } finally {
            last.end();
        }
        long check = crc.getValue();
        byte[] trailer = {(byte) check, (byte) (check >>> 8), (byte) (check >>> 16), (byte) (check >>> 24),
            (byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)};
        out.add(once(concat(Arrays.copyOf(end, endLength), trailer)));
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The raw deflate (zlib) compression of a small text, for a {@code Content-Encoding: deflate} answer. */
    public static byte[] deflate(byte[] bytes) {
        ByteSink out = new ByteSink();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A growable byte sink that keeps its chunks apart until asked (no doubling copies of a large array). */
    private static final class ByteSink extends java.io.OutputStream {
        private final List<byte[]> chunks = new ArrayList<>();
        private int size;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            chunks.add(Arrays.copyOfRange(b, off, off + len));
            size += len;
        }

        byte[] toByteArray() {
            byte[] out = new byte[size];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, out, at, chunk.length);
                at += chunk.length;
            }
            return out;
        }
    }
}
