package io.github.babyshopsdk.sync.notify;

import io.github.babyshopsdk.sync.notify.OrderFields.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds the order numbers in an {@code application/x-www-form-urlencoded} body: {@code name=value} pairs joined by
 * {@code &}, {@code +} for a space, {@code %XX} for a byte, UTF-8. An order-number field's value is an order number
 * (or a JSON array of them); a {@code RequestBody} field's value is a JSON document (Vinculum's own request style),
 * read strictly; every other field is checked for well-formedness and ignored. One pass, O(body). Stateless apart
 * from the JSON scanner it is given; thread-safe.
 */
final class FormOrderScanner {
    private final JsonOrderScanner json;

    FormOrderScanner(JsonOrderScanner json) {
        this.json = json;
    }

    /**
     * Scans {@code form} (trimmed, not empty) into {@code out}.
     *
     * @throws NotificationRejectedException UNREADABLE for a pair without {@code =} or a name, a bad escape, bytes
     *     that are not UTF-8, or a {@code RequestBody} that is not JSON; TOO_MANY_ORDER_NUMBERS from {@code out}
     */
    void scan(String form, OrderNumberCollector out) {
        int start = 0;
        while (start <= form.length()) {
            int end = form.indexOf('&', start);
            if (end < 0) {
                end = form.length();
            }
            if (end > start) {
                field(form, start, end, out);
            }
            start = end + 1;
        }
    }

    private void field(String form, int start, int end, OrderNumberCollector out) {
        int equals = form.indexOf('=', start);
        if (equals < 0 || equals >= end) {
            throw Rejections.unreadable("neither JSON nor a form (a form field without '=')");
        }
        if (equals == start) {
            throw Rejections.unreadable("a form field without a name");
        }
        String name = decode(form, start, equals);
        String value = decode(form, equals + 1, end);
        switch (OrderFields.kind(name)) {
            case ORDER_NUMBER -> json.orderNumberText(value, out, 1);
            case EMBEDDED_JSON -> {
                if (!value.isBlank()) {
                    json.scan(value, Kind.OTHER, out, 1);
                }
            }
            default -> {
                // ignored
            }
        }
    }

    /** {@code form[start, end)} URL-decoded, strictly: a bad escape or an escaped byte run that is not UTF-8 fails. */
    static String decode(String form, int start, int end) {
        int percent = -1;
        for (int i = start; i < end; i++) {
            char c = form.charAt(i);
            if (c == '%' || c == '+') {
                percent = i;
                break;
            }
        }
        if (percent < 0) {
            return form.substring(start, end);
        }
        StringBuilder text = new StringBuilder(end - start);
        text.append(form, start, percent);
        byte[] bytes = null;
        int i = percent;
        while (i < end) {
            char c = form.charAt(i);
            if (c == '+') {
                text.append(' ');
                i++;
            } else if (c == '%') {
                if (bytes == null) {
                    bytes = new byte[(end - i) / 3 + 1];
                }
                int count = 0;
                while (i < end && form.charAt(i) == '%') {
                    if (i + 2 >= end) {
                        throw Rejections.unreadable("a truncated %-escape in the form");
                    }
                    int high = Character.digit(form.charAt(i + 1), 16);
                    int low = Character.digit(form.charAt(i + 2), 16);
                    if (high < 0 || low < 0) {
                        throw Rejections.unreadable("a malformed %-escape in the form");
                    }
                    bytes[count++] = (byte) ((high << 4) | low);
                    i += 3;
                }
                text.append(utf8(bytes, count));
            } else {
                text.append(c);
                i++;
            }
        }
        return text.toString();
    }

    private static CharSequence utf8(byte[] bytes, int count) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, count));
        } catch (CharacterCodingException e) {
            throw Rejections.unreadable("a form value that is not UTF-8");
        }
    }
}
