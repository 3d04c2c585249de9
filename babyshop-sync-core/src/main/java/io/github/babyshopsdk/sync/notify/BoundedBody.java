package io.github.babyshopsdk.sync.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads a body of at most a given size from a stream, never asking the stream for more than that size + 1 bytes
 * (the extra byte tells a body that is too large). The buffer grows with what actually arrives, so a small body
 * costs a small buffer whatever the limit. Stateless; not instantiable.
 */
final class BoundedBody {
    private static final int FIRST_BUFFER = 8 * 1024;

    private BoundedBody() {
    }

    /**
     * The body's bytes.
     *
     * @throws NotificationRejectedException TOO_LARGE when the stream holds more than {@code maxBytes}
     * @throws UncheckedIOException when the stream fails
     */
    static byte[] read(InputStream in, int maxBytes) {
        int cap = maxBytes + 1; // maxBytes <= 16 MiB: no overflow
        byte[] buffer = new byte[Math.min(FIRST_BUFFER, cap)];
        int length = 0;
        try {
            while (true) {
                if (length == buffer.length) {
                    if (buffer.length == cap) {
                        break;
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, cap));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read == 0) {
                    // a stream breaking the contract (0 for a non-empty request) must not spin us: ask for one byte
                    read = in.read();
                    if (read < 0) {
                        break;
                    }
                    buffer[length++] = (byte) read;
                    continue;
                }
                if (read < 0) {
                    break;
                }
                length += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the notification body failed", e);
        }
        if (length > maxBytes) {
            throw Rejections.tooLarge(maxBytes);
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }
}
