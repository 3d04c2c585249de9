package io.github.babyshopsdk.client.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;

/**
 * Logs each request and response at DEBUG with bounded memory: the request line, the headers, the form
 * body and at most {@link #MAX_LOGGED_BODY} bytes of a textual response body (peeked, never buffered
 * whole; a binary body is only counted). Every line is redacted (password, {@code ApiKey} header and
 * value, every issued key) and escaped ({@link LogText}), so a remote value can neither leak a secret
 * nor forge a log line. Replaces OkHttp's {@code HttpLoggingInterceptor}, which buffers a whole body.
 *
 * <p>Wiring for the client, not for direct use. Thread-safe.
 */
public final class WireLogInterceptor implements Interceptor {
    /** The most bytes of one body that are logged (16 KiB). */
    public static final int MAX_LOGGED_BODY = 16 * 1024;

    private final Logger log;
    private final Redactor redactor;

    /** Logs to {@code log} through {@code redactor}. */
    public WireLogInterceptor(Logger log, Redactor redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!log.isDebugEnabled()) {
            return chain.proceed(request);
        }
        line("--> " + request.method() + " " + url(request.url()));
        headers(request.headers());
        RequestBody body = request.body();
        if (body != null && body.contentLength() <= MAX_LOGGED_BODY && !body.isDuplex() && !body.isOneShot()) {
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            line(buffer.readString(StandardCharsets.UTF_8));
        }
        line("--> END " + request.method());
        long started = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            line("<-- HTTP FAILED: " + e.getClass().getSimpleName());
            throw e;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        line("<-- " + response.code() + " " + url(response.request().url()) + " (" + millis + " ms)");
        headers(response.headers());
        ResponseBody responseBody = response.body();
        if (responseBody != null) {
            if (isText(responseBody.contentType())) {
                ResponseBody excerpt = response.peekBody(MAX_LOGGED_BODY);
                long length = responseBody.contentLength();
                line(excerpt.string() + (length < 0 || length > MAX_LOGGED_BODY ? " [excerpt]" : ""));
            } else {
                line("(binary body, " + responseBody.contentLength() + " bytes declared, not logged)");
            }
        }
        line("<-- END HTTP");
        return response;
    }

    private void headers(Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            boolean secret = name.equalsIgnoreCase(SellerPanelApi.API_KEY_HEADER)
                    || name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Cookie")
                    || name.equalsIgnoreCase("Set-Cookie");
            line(name + ": " + (secret ? Redactor.MASK : headers.value(i)));
        }
    }

    private static String url(HttpUrl url) {
        HttpUrl.Builder shown = url.newBuilder().username("").password("");
        for (String name : url.queryParameterNames()) {
            if (name.toLowerCase(Locale.ROOT).contains("password")) {
                shown.setQueryParameter(name, Redactor.MASK);
            }
        }
        return shown.build().toString();
    }

    private static boolean isText(MediaType type) {
        if (type == null) {
            return true;
        }
        String subtype = type.subtype().toLowerCase(Locale.ROOT);
        return type.type().equalsIgnoreCase("text") || subtype.contains("json") || subtype.contains("xml")
                || subtype.contains("x-www-form-urlencoded");
    }

    private void line(String text) {
        log.debug(LogText.escape(redactor.redact(text)));
    }
}
