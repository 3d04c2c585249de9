package io.github.babyshopsdk.testkit.internal;

import io.github.babyshopsdk.testkit.NotificationSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Pushes notifications with an HTTP POST (the JDK's client, HTTP/1.1, no redirects, no proxy): the status answered, or an
 * {@link IOException} when the destination cannot be reached or does not answer within the timeout. Thread-safe.
 */
public final class HttpNotificationSink implements NotificationSink {

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * A sink posting to {@code url}.
     *
     * @param url the destination
     * @param timeout how long connecting, and then the whole exchange, may take
     */
    public HttpNotificationSink(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY).build();
    }

    @Override
    public int deliver(byte[] body, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
