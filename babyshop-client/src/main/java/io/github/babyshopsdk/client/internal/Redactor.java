package io.github.babyshopsdk.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a log line or an exception message: every secret value it
 * was told about (the password, each API key issued), and the {@code password} query parameter, the {@code ApiKey} header
 * and the {@code apiKey} field of an {@code authToken} answer, whoever wrote them. Thread-safe.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "██";
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&\\s\"']*");
    private static final Pattern API_KEY_JSON = Pattern.compile("(?i)(\"apiKey\"\\s*:\\s*\")[^\"]*");
    private static final Pattern API_KEY_HEADER = Pattern.compile("(?i)(apikey\\s*[:=]\\s*)[^\\s,;\"'}]+");

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    /** Remembers {@code secret} (and its URL-encoded form) so that {@link #redact} hides it; blank values are ignored. */
    public void addSecret(String secret) {
        if (secret != null && !secret.isBlank()) {
            secrets.add(secret);
            secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
    }

    /** {@code text} with every known secret and every password or ApiKey value masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        result = PASSWORD_PARAM.matcher(result).replaceAll("$1" + MASK);
        result = API_KEY_JSON.matcher(result).replaceAll("$1" + MASK);
        return API_KEY_HEADER.matcher(result).replaceAll("$1" + MASK);
    }
}
