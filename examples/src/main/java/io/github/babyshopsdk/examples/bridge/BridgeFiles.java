package io.github.babyshopsdk.examples.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the bridge's input files (configuration, CSV files) with a size cap, strictly as UTF-8. Every problem
 * is {@link BridgeFailure#badInput bad input} naming the file. Stateless and thread-safe.
 */
final class BridgeFiles {

    private BridgeFiles() {
    }

    /**
     * The bytes of {@code file}, at most {@code maxBytes} of them.
     *
     * @throws BridgeFailure (bad input) when the file is missing, not a regular file, larger than
     *     {@code maxBytes} or unreadable
     */
    static byte[] readBytes(Path file, int maxBytes) {
        String name = SafeText.of(file.toString());
        if (Files.isDirectory(file)) {
            throw BridgeFailure.badInput(name + ": is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw BridgeFailure.badInput(name + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw BridgeFailure.badInput(name + ": larger than " + maxBytes + " bytes; is it the right file?");
            }
            return bytes;
        } catch (IOException e) {
            throw BridgeFailure.badInput(name + ": cannot read: " + SafeText.of(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * The text of {@code file}: UTF-8 (a leading byte-order mark is dropped), at most {@code maxBytes} bytes.
     *
     * @throws BridgeFailure (bad input) as {@link #readBytes}, and for text that is not UTF-8
     */
    static String readText(Path file, int maxBytes) {
        return decode(file, readBytes(file, maxBytes));
    }

    /**
     * {@code bytes} of {@code file} as UTF-8 text, a leading byte-order mark dropped.
     *
     * @throws BridgeFailure (bad input) for text that is not UTF-8
     */
    static String decode(Path file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw BridgeFailure.badInput(SafeText.of(file.toString()) + ": not UTF-8 text (save it as UTF-8)", e);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
