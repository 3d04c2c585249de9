package io.github.babyshopsdk.examples.bridge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.babyshopsdk.sync.HintReceipt;
import io.github.babyshopsdk.sync.notify.NotificationParser;
import io.github.babyshopsdk.sync.notify.NotificationRejectedException;
import io.github.babyshopsdk.sync.notify.ParsedNotification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's receiver of Vinculum's order notifications ({@code --listen}): an endpoint of the JDK's
 * {@link HttpServer} that reads the order numbers out of a notification and hands them to a {@link HintSink} (the
 * engine's hints). A notification only says "look at these orders": their state always comes from the API.
 *
 * <p>{@code POST} {@value #PATH}{@code /<token>}, or {@value #PATH} with the token in the {@value #TOKEN_HEADER}
 * header. Answers, in the order checked:
 * <ul>
 *   <li>429 the source (remote address) sent more than its rate ({@link SourceRateLimiter});</li>
 *   <li>404 another path; 405 another method than POST;</li>
 *   <li>401 a missing or wrong token (compared in constant time, {@link TokenCheck}), before any of the body is
 *       read;</li>
 *   <li>503 more requests than {@link ReceiverLimits#maxConcurrent()} at once;</li>
 *   <li>413 a body over {@link ReceiverLimits#maxBodyBytes()} (its Content-Length, then while reading, chunked too)
 *       or with more than {@link ReceiverLimits#maxOrderNumbers()} order numbers; 400 a body that cannot be read
 *       ({@link NotificationParser});</li>
 *   <li>no answer (the connection is closed) when the request has not arrived within
 *       {@link ReceiverLimits#requestDeadline()} ({@link ReceiverExecutor});</li>
 *   <li>503 the sink failed (the hints are not durable: the sender delivers again);</li>
 *   <li>200 only after the sink returned, with the counts ({@code {"accepted":1,"added":1,"renewed":0,"invalid":0,
 *       "refused":0}}); a body that names no order gets 200 with zeros, without calling the sink.</li>
 * </ul>
 * A refusal has a one-line text body and closes the connection without reading the rest of the request. No refused
 * request reaches the sink. No message, log line or
 * {@code toString} holds the token or the request's path; the JDK server's own logger ({@code com.sun.net.httpserver},
 * which logs request lines at DEBUG) is kept at INFO while a receiver runs. Thread-safe.
 */
final class NotificationReceiver implements AutoCloseable {
    /** The path notifications are posted to (the token follows as one more segment, or in the header). */
    static final String PATH = "/babyshop/notifications";
    /** The header that may carry the token. */
    static final String TOKEN_HEADER = "X-Babyshop-Token";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationReceiver.class);
    private static final String JDK_LOGGER = "com.sun.net.httpserver";

    private final HttpServer server;
    private final TokenCheck token;
    private final HintSink sink;
    private final ReceiverLimits limits;
    private final NotificationParser parser;
    private final SourceRateLimiter rateLimiter;
    private final ReceiverExecutor executor;
    private final Semaphore permits;
    private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
    private final LongAdder hinted = new LongAdder();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private java.util.logging.Logger jdkLogger; // a strong reference keeps its level

    private NotificationReceiver(HttpServer server, TokenCheck token, HintSink sink, ReceiverLimits limits) {
        this.server = server;
        this.token = token;
        this.sink = sink;
        this.limits = limits;
        this.parser = NotificationParser.builder().maxBodyBytes(limits.maxBodyBytes())
                .maxOrderNumbers(limits.maxOrderNumbers()).build();
        this.rateLimiter = new SourceRateLimiter(limits.perSecond(), limits.burst(), limits.maxSources(),
                System::nanoTime);
        this.executor = new ReceiverExecutor(limits);
        this.permits = new Semaphore(limits.maxConcurrent());
    }

    /**
     * Binds the receiver to {@code address} (port 0: a free port), not yet serving: {@link #start()} does. Binding
     * first lets the bridge fail on a port in use before it writes anything.
     *
     * @throws UncheckedIOException when the address cannot be bound (in use, not local, not resolvable)
     */
    static NotificationReceiver bind(ListenAddress address, TokenCheck token, HintSink sink, ReceiverLimits limits) {
        String where = SafeText.of(address.host()) + ":" + address.port();
        InetSocketAddress socketAddress = new InetSocketAddress(address.host(), address.port());
        if (socketAddress.isUnresolved()) {
            throw new UncheckedIOException("cannot listen on " + where + ": unknown host",
                    new IOException("unresolved"));
        }
        HttpServer server;
        try {
            server = HttpServer.create(socketAddress, limits.queue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + where + ": " + SafeText.of(e.getMessage()), e);
        }
        NotificationReceiver receiver = new NotificationReceiver(server, token, sink, limits);
        server.createContext("/", receiver::handle);
        server.setExecutor(receiver.executor);
        return receiver;
    }

    /** Starts serving (a background dispatcher thread and the receiver's threads). */
    void start() {
        java.util.logging.Logger jdk = java.util.logging.Logger.getLogger(JDK_LOGGER);
        if (jdk.getLevel() == null || jdk.getLevel().intValue() < Level.INFO.intValue()) {
            jdk.setLevel(Level.INFO); // the JDK server logs request lines (the path token) at DEBUG
        }
        jdkLogger = jdk;
        server.start();
    }

    /** The bound address (the real port when 0 was asked for). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** The URL notifications go to, without the token: {@code http://HOST:PORT/babyshop/notifications}. */
    String url() {
        InetSocketAddress bound = address();
        String host = bound.getAddress() instanceof Inet6Address ? "[" + bound.getAddress().getHostAddress() + "]"
                : bound.getAddress().getHostAddress();
        return "http://" + host + ":" + bound.getPort() + PATH;
    }

    /** Requests answered so far, by status code (sorted); the exchanges closed by the deadline under 0. */
    Map<Integer, Long> answers() {
        Map<Integer, Long> counts = new TreeMap<>();
        answers.forEach((status, count) -> counts.put(status, count.sum()));
        if (executor.expired() > 0) {
            counts.put(0, executor.expired());
        }
        return counts;
    }

    /** Order numbers handed to the sink so far (accepted requests only). */
    long hinted() {
        return hinted.sum();
    }

    /** Requests holding one of the {@link ReceiverLimits#maxConcurrent()} permits now. */
    int inFlight() {
        return limits.maxConcurrent() - permits.availablePermits();
    }

    /** Stops serving: closes the listening socket and every connection, and stops the threads. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.close();
        }
    }

    /** What {@link #answers()} shows, never the token. */
    @Override
    public String toString() {
        return "NotificationReceiver{" + url() + ", " + token + ", answers " + answers() + "}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String source = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (!rateLimiter.tryAcquire(source)) {
            refuse(exchange, 429, source, "over the rate limit of its source");
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        String pathToken = null;
        if (path == null || !(path.equals(PATH) || path.startsWith(PATH + "/"))) {
            refuse(exchange, 404, source, "not the notification path");
            return;
        }
        if (path.length() > PATH.length() + 1) {
            pathToken = path.substring(PATH.length() + 1);
            if (pathToken.indexOf('/') >= 0) {
                refuse(exchange, 404, source, "not the notification path");
                return;
            }
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            refuse(exchange, 405, source, "not a POST");
            return;
        }
        boolean inPath = token.matches(pathToken);
        boolean inHeader = token.matches(exchange.getRequestHeaders().getFirst(TOKEN_HEADER));
        if (!(inPath | inHeader)) {
            refuse(exchange, 401, source, "missing or wrong token");
            return;
        }
        if (!permits.tryAcquire()) {
            refuse(exchange, 503, source, "too many requests at once");
            return;
        }
        try {
            receive(exchange, source);
        } finally {
            permits.release();
        }
    }

    private void receive(HttpExchange exchange, String source) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && tooLong(length)) {
            refuse(exchange, 413, source, "Content-Length over " + limits.maxBodyBytes() + " bytes");
            return;
        }
        Optional<String> contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"));
        CappedInputStream body = new CappedInputStream(exchange.getRequestBody(), limits.maxBodyBytes());
        ParsedNotification parsed;
        try {
            parsed = parser.parse(body, contentType);
            body.drain();
        } catch (NotificationRejectedException e) {
            if (body.overflowed() || e.reason() != NotificationRejectedException.Reason.UNREADABLE) {
                refuse(exchange, 413, source, e.getMessage());
            } else {
                refuse(exchange, 400, source, e.getMessage());
            }
            return;
        } catch (IOException | UncheckedIOException e) {
            if (body.overflowed()) {
                refuse(exchange, 413, source, "body over " + limits.maxBodyBytes() + " bytes");
                return;
            }
            if (!executor.received()) {
                throw new IOException("the request did not arrive within " + limits.requestDeadline(), e);
            }
            refuse(exchange, 400, source, "the body could not be read");
            return;
        } catch (RuntimeException e) {
            LOG.warn("notification from {}: the parser failed: {}", source, SafeText.of(e.toString()));
            refuse(exchange, 500, source, "parser failure");
            return;
        }
        if (!executor.received()) {
            throw new IOException("the request did not arrive within " + limits.requestDeadline());
        }
        List<String> orderNos = parsed.orderNumbers(); // at most maxOrderNumbers: the parser refuses more
        HintReceipt receipt = HintReceipt.builder().added(0).renewed(0).invalid(0).refused(0).build();
        if (!orderNos.isEmpty()) {
            try {
                receipt = sink.accept(List.copyOf(orderNos));
            } catch (RuntimeException e) {
                LOG.warn("notification from {}: the hints could not be recorded (answered 503, it will be delivered "
                        + "again): {}", source, SafeText.of(e.toString()));
                refuse(exchange, 503, source, "the hints could not be made durable");
                return;
            }
            hinted.add(orderNos.size());
        }
        byte[] json = String.format(Locale.ROOT,
                "{\"accepted\":%d,\"added\":%d,\"renewed\":%d,\"invalid\":%d,\"refused\":%d}",
                receipt.accepted(), receipt.added(), receipt.renewed(), receipt.invalid() + parsed.invalidValues(),
                receipt.refused()).getBytes(StandardCharsets.US_ASCII);
        count(200); // before the answer: a sender that has its answer sees it counted
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
        LOG.debug("notification from {}: {} order numbers, {} accepted", source, orderNos.size(), receipt.accepted());
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > limits.maxBodyBytes();
        } catch (NumberFormatException e) {
            return true; // the JDK server refuses these before the handler; never trusted here
        }
    }

    /**
     * Answers {@code status} (a one-line text body) and closes the connection without reading the rest of the
     * request's body.
     *
     * <p>The JDK server, when an exchange is closed, drains what is left of the request body (up to
     * {@code sun.net.httpserver.drainAmount}, 64 KiB) with blocking reads: a refused sender that keeps its body coming
     * slowly would hold the thread. So, once the answer is flushed, the thread interrupts itself and closes the
     * exchange: the drain's first read on the (interruptible) channel closes it at once. The interrupt is taken back,
     * and the {@link Refused} thrown makes the JDK server forget the connection (its {@code closeConnection}).
     *
     * @throws Refused always, once answered
     */
    private void refuse(HttpExchange exchange, int status, String source, String why) throws IOException {
        count(status);
        LOG.debug("notification from {} refused with {}: {}", source, status, SafeText.of(why));
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (status == 429 || status == 503) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        byte[] text = (status + " " + phrase(status) + "\n").getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(status, text.length);
        OutputStream out = exchange.getResponseBody();
        out.write(text);
        out.flush();
        Thread.currentThread().interrupt();
        try {
            exchange.close();
        } finally {
            Thread.interrupted();
        }
        throw new Refused(status);
    }

    private static String phrase(int status) {
        return switch (status) {
            case 400 -> "unreadable notification";
            case 401 -> "missing or wrong token";
            case 404 -> "not found";
            case 405 -> "POST only";
            case 413 -> "notification too large";
            case 429 -> "too many requests from this address";
            case 503 -> "unavailable, deliver again later";
            default -> "error";
        };
    }

    /** Ends an exchange that was refused: the JDK server closes and forgets its connection. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(int status) {
            super("refused with " + status + "; connection closed");
        }
    }

    private void count(int status) {
        answers.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** At most {@code max} bytes of a body; reading past them marks it overflowed and fails. Not thread-safe. */
    private static final class CappedInputStream extends InputStream {
        private final InputStream in;
        private final long max;
        private long read;
        private boolean overflowed;

        CappedInputStream(InputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (overflowed) {
                throw new IOException("body over the limit");
            }
            if (length == 0) {
                return 0;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, max - read + 1));
            if (n > 0) {
                read += n;
                if (read > max) {
                    overflowed = true;
                    throw new IOException("body over the limit");
                }
            }
            return n;
        }

        /** Reads what the parser left, up to the limit: the whole body is received before it is answered. */
        void drain() throws IOException {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // discard
            }
        }

        boolean overflowed() {
            return overflowed;
        }
    }
}
