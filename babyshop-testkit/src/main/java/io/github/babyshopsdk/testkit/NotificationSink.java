package io.github.babyshopsdk.testkit;

/**
 * Where the simulator delivers order notifications in the JVM, instead of POSTing them to a URL: a test plugs its
 * receiver here (a parser and a hint call) and answers the HTTP status the receiver would have answered. See
 * {@link OrderNotifications}.
 *
 * <p>Called from the thread that runs {@link OrderNotifier#deliverDue()}, never while the simulator holds a lock,
 * so an implementation may call the simulator back. Implementations need to be thread-safe only if several threads
 * deliver.
 */
@FunctionalInterface
public interface NotificationSink {

    /**
     * Receives one notification.
     *
     * @param body the body as it would be POSTed (a fresh copy each call)
     * @param contentType its {@code Content-Type}, e.g. {@code application/json}
     * @return the HTTP status the receiver answers: 200 settles the notification, anything else has it pushed again
     *     (up to {@link OrderNotifications#maxAttempts()} attempts)
     * @throws Exception when the receiver fails: recorded as a failed attempt, then pushed again like a non-200
     */
    int deliver(byte[] body, String contentType) throws Exception;
}
