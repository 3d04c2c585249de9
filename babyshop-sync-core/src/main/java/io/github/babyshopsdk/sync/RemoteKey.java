package io.github.babyshopsdk.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one rule for keys and codes the engine receives from Babyshop or the host and keeps in its state
 * (order numbers, SKUs, Vendor SKU Codes, invoice numbers, moderation ids, status codes, host event ids,
 * host order ids, hubs): checked before any state write, so one bad value sets one record aside instead of
 * failing the write, and with it the flow's run.
 *
 * <p>A valid key has 1 to {@value #MAX_LENGTH} characters, is not blank, and holds no control character
 * (ISO control characters such as CR, LF, TAB and NUL, the Unicode line and paragraph separators) and no
 * unpaired surrogate. SellerPanel's API reference types {@code orderNo} and {@code skuCode} as
 * {@code Varchar(50)}; the limit leaves headroom over that, so a longer real key is not lost, and stays far
 * below the state stores' key columns ({@code VARCHAR(512)} in babyshop-sync-jdbc).
 *
 * <p>A record whose key is invalid is reported (quarantined, rejected or skipped, with a reason) under
 * {@link #storageForm(String)}: the key itself when valid, otherwise a bounded, printable stand-in made of
 * a prefix of the key and a hash of all of it, so the record is recorded once and the same key always maps
 * to the same stand-in.
 *
 * <p>Stateless and thread-safe; not instantiable.
 */
public final class RemoteKey {
    /** The longest valid key, in UTF-16 characters. */
    public static final int MAX_LENGTH = 128;
    /** How many characters of an invalid key its {@link #storageForm} keeps (control characters escaped). */
    static final int PREFIX_LENGTH = 24;
    /** The start of every stand-in of an invalid key. */
    public static final String INVALID_PREFIX = "invalid-key:";

    private RemoteKey() {
    }

    /**
     * Whether {@code key} is valid (see the class rule).
     *
     * @param key the value; {@code null} is not valid
     * @return true when it may be stored as it is
     */
    public static boolean isValid(String key) {
        return problem(key).isEmpty();
    }

    /**
     * What is wrong with {@code key}, in words fit for a log line or a reason (the key itself is not
     * repeated), or empty when it is valid.
     *
     * @param key the value; {@code null} is reported as missing
     * @return the problem, or empty
     */
    public static Optional<String> problem(String key) {
        if (key == null) {
            return Optional.of("missing");
        }
        if (key.isBlank()) {
            return Optional.of("blank");
        }
        if (key.length() > MAX_LENGTH) {
            return Optional.of(key.length() + " characters long (at most " + MAX_LENGTH + " are accepted)");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (isControl(c)) {
                return Optional.of(String.format("holds the control character U+%04X at position %d", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("holds an unpaired surrogate at position " + i);
            }
        }
        return Optional.empty();
    }

    /**
     * The form under which a record with this key is stored and reported: {@code key} itself when valid;
     * otherwise {@value #INVALID_PREFIX} followed by at most {@value #PREFIX_LENGTH} characters of its
     * start (control characters, unpaired surrogates and backslashes escaped as {@code \\uXXXX} and
     * {@code \\\\}), a {@code #} and the first 16 hex
     * digits of the SHA-256 of the whole key (UTF-8). The stand-in is itself a valid key (at most
     * {@value #MAX_LENGTH} characters, printable) and is the same for the same key on every run.
     *
     * @param key the value; {@code null} gives the stand-in of the empty text
     * @return a valid key
     */
    public static String storageForm(String key) {
        if (isValid(key)) {
            return key;
        }
        String text = key == null ? "" : key;
        String prefix = escape(text.length() > PREFIX_LENGTH ? text.substring(0, PREFIX_LENGTH) : text);
        if (prefix.length() > PREFIX_LENGTH) {
            // escapes lengthen it: cut, never inside an escape or a surrogate pair
            int cut = PREFIX_LENGTH;
            int escapeStart = prefix.lastIndexOf('\\', cut);
            if (escapeStart >= 0 && escapeStart > cut - 6) {
                cut = escapeStart;
            }
            if (cut > 0 && Character.isHighSurrogate(prefix.charAt(cut - 1))) {
                cut--;
            }
            prefix = prefix.substring(0, cut);
        }
        return INVALID_PREFIX + prefix + "#" + sha256(text).substring(0, 16);
    }

    /** Whether {@code c} may not appear in a key: an ISO control character or a line or paragraph separator. */
    static boolean isControl(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** {@code text} with every control character and unpaired surrogate written as {@code \\uXXXX}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (isControl(c) || Character.isSurrogate(c) || c == '\\') {
                out.append(c == '\\' ? "\\\\" : String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
