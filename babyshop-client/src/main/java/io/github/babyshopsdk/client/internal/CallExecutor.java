package io.github.babyshopsdk.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.RequestOutcome;
import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.client.auth.AuthToken;
import io.github.babyshopsdk.client.auth.TokenStore;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.OperationInterruptedException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.error.TransientException;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaDecision;
import io.github.babyshopsdk.client.quota.QuotaWait;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs one SellerPanel operation to its end: takes exactly one quota permit, charged to its tier, before
 * every HTTP request it sends (the {@code authToken} call that fetches or replaces the API key, every retry
 * and the re-sent request after re-authentication included); sends the API key, re-authenticates once on
 * code 2000, blocks the budget and backs off on code 13, retries transient failures with full-jitter
 * backoff where a repeat is safe, and reports a write whose outcome is open as
 * {@link OutcomeUnknownException} instead of repeating it. A refused permit goes to the executor's
 * {@link QuotaWaiter}; when it gives up, nothing is sent and the call throws {@link QuotaExceededException}.
 *
 * <p>Thread-safe: one instance serves every thread of a client; {@link #forTier} views share the API key,
 * budget and counters. Interruption stops waiting and retrying at once; the interrupt flag is kept.
 */
public final class CallExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(CallExecutor.class);
    /** Longest API key accepted from {@code authToken}; issued keys are 64 characters. */
    private static final int MAX_API_KEY_LENGTH = 1024;
    /** The most bytes of an error body quoted in an exception message. */
    private static final long ERROR_SNIPPET_BYTES = 4096;

    private final SellerPanelApi api;
    private final Credentials credentials;
    private final QuotaBudget quota;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Redactor redactor;
    private final ResponseClassifier classifier;
    private final TokenManager tokens;
    private final ClientStats stats;
    private final DocumentReader documents;
    private final int tier;
    private final QuotaWaiter waiter;

    /**
     * Creates the executor of a client: its requests are charged to {@link QuotaBudget#TOP_TIER} and wait
     * through {@code waiter}. Every argument is required (the client's builder has validated them).
     */
    public CallExecutor(SellerPanelApi api, Credentials credentials, TokenStore tokenStore, QuotaBudget quota,
                        RetryPolicy retryPolicy, Clock clock, Sleeper sleeper, QuotaWaiter waiter,
                        Redactor redactor, ClientStats stats, ObjectMapper mapper) {
        this.api = api;
        this.credentials = credentials;
        this.quota = quota;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.redactor = redactor;
        this.classifier = new ResponseClassifier(redactor);
        this.stats = stats;
        this.tokens = new TokenManager(credentials.username(), tokenStore, stats::reauthentication);
        this.documents = new DocumentReader(mapper, classifier);
        this.tier = QuotaBudget.TOP_TIER;
        this.waiter = Objects.requireNonNull(waiter, "waiter");
    }

    private CallExecutor(CallExecutor base, int tier, QuotaWaiter waiter) {
        this.api = base.api;
        this.credentials = base.credentials;
        this.quota = base.quota;
        this.retryPolicy = base.retryPolicy;
        this.clock = base.clock;
        this.sleeper = base.sleeper;
        this.redactor = base.redactor;
        this.classifier = base.classifier;
        this.stats = base.stats;
        this.tokens = base.tokens;
        this.documents = base.documents;
        this.tier = tier;
        this.waiter = waiter;
    }

    /**
     * An executor sharing everything with this one (API key, budget, counters, HTTP client) whose requests
     * are charged to {@code tier} and wait through {@code waiter}. Cheap; thread-safe.
     *
     * @throws IllegalArgumentException if {@code tier} is negative
     */
    public CallExecutor forTier(int tier, QuotaWaiter waiter) {
        if (tier < 0) {
            throw new IllegalArgumentException("tier must not be negative, was " + tier);
        }
        return new CallExecutor(this, tier, Objects.requireNonNull(waiter, "waiter"));
    }

    /** The tier this executor's requests are charged to. */
    public int tier() {
        return tier;
    }

    /**
     * Runs a JSON operation and returns its success envelope (the response object whose code is 0).
     *
     * @param call makes the Retrofit call for the given API key
     * @throws BabyshopException the typed failure, after the retries the operation allows
     */
    public JsonNode json(Operation operation, Function<String, Call<JsonNode>> call) {
        return json(operation, call, Function.identity());
    }

    /**
     * Runs a JSON operation and decodes its success envelope with {@code decoder}, inside the attempt: this
     * is the one boundary where every decoding failure (a list field holding a scalar, an unreadable
     * value, any runtime exception of the decoder) becomes typed. Such a failure is a
     * {@link io.github.babyshopsdk.client.error.MalformedResponseException} for an operation that is safe to
     * repeat (after the retries the policy allows) and an {@link OutcomeUnknownException} for a write that
     * is not. A {@link BabyshopException} the decoder throws is passed on as it is.
     *
     * @param call makes the Retrofit call for the given API key
     * @param decoder reads the success envelope into the result
     * @throws BabyshopException the typed failure, after the retries the operation allows
     */
    public <R> R json(Operation operation, Function<String, Call<JsonNode>> call, Function<JsonNode, R> decoder) {
        return run(operation, call, response -> {
            if (!response.isSuccessful()) {
                throw classifier.httpFailure(operation, response, errorSnippet(response));
            }
            JsonNode envelope = classifier.successEnvelope(operation, response.body());
            try {
                return decoder.apply(envelope);
            } catch (BabyshopException e) {
                throw e;
            } catch (RuntimeException e) {
                throw classifier.malformed(operation, "the answer has an impossible shape ("
                        + ResponseClassifier.abbreviate(e.getMessage()) + ")");
            }
        });
    }

    /**
     * Runs {@code fetchDocuments} and returns the file it answers with.
     *
     * @throws BabyshopException the typed failure, after the retries the operation allows
     */
    public Document document(Function<String, Call<ResponseBody>> call) {
        return document(DocumentType.SHIPPING_LABEL, call);
    }

    /**
     * Runs {@code fetchDocuments} for a document of {@code type} and returns the file it answers with; see
     * {@code DocumentReader} for how a body is told apart (JSON envelope, PDF, anything else).
     *
     * @throws BabyshopException the typed failure, after the retries the operation allows
     */
    public Document document(DocumentType type, Function<String, Call<ResponseBody>> call) {
        return run(Operation.FETCH_DOCUMENTS, call, response -> documents.read(response, type));
    }

    /** The API key in use, fetching one if none is held yet. */
    public AuthToken token() {
        return tokens.current(this::fetchToken);
    }

    /** Forces a fresh {@code authToken} call, replacing the key held now. */
    public AuthToken reauthenticate() {
        return tokens.refresh(tokens.held().orElse(null), this::fetchToken);
    }

    private AuthToken fetchToken() {
        return run(Operation.AUTH_TOKEN,
                ignored -> api.authToken(credentials.username(), credentials.password()),
                response -> {
                    if (!response.isSuccessful()) {
                        throw classifier.httpFailure(Operation.AUTH_TOKEN, response, errorSnippet(response));
                    }
                    return readToken(response.body());
                });
    }

    private AuthToken readToken(JsonNode body) throws AttemptFailure {
        JsonNode envelope = body != null && body.isArray() && body.size() > 0 ? body.get(0) : body;
        if (envelope == null || !envelope.isObject()) {
            throw classifier.malformed(Operation.AUTH_TOKEN, "the answer is not a JSON object");
        }
        String apiKey = envelope.path("apiKey").isValueNode() ? envelope.path("apiKey").asText("") : "";
        String status = envelope.path("status").isValueNode() ? envelope.path("status").asText("") : "";
        JsonNode code = envelope.get("responseCode");
        boolean hasCode = code != null && !code.isNull() && !(code.isTextual() && code.textValue().isBlank());
        int codeValue = hasCode ? classifier.parseCode(Operation.AUTH_TOKEN, code) : 0;
        boolean failed = hasCode && codeValue != 0;
        if (apiKey.length() > MAX_API_KEY_LENGTH) {
            throw classifier.malformed(Operation.AUTH_TOKEN, "the API key is longer than "
                    + MAX_API_KEY_LENGTH + " characters");
        }
        if (!failed && "SUCCESS".equalsIgnoreCase(status.trim()) && !apiKey.isBlank()) {
            redactor.addSecret(apiKey);
            JsonNode owner = envelope.get("apiOwner");
            return AuthToken.of(apiKey, owner == null || owner.isNull() ? null : owner.asText(), clock.instant());
        }
        if (failed) {
            AttemptFailure failure = classifier.failure(Operation.AUTH_TOKEN, codeValue,
                    redactor.redact(envelope.path("responseMessage").asText(null)));
            // on authToken every documented failure means the credential itself is refused
            throw new AttemptFailure(failure.exception() instanceof AuthenticationException
                    || failure.retry() == AttemptFailure.Retry.REAUTHENTICATE
                    ? new AuthenticationException(Operation.AUTH_TOKEN, codeValue,
                    failure.exception().serverMessage().orElse(null), "the credentials were refused")
                    : failure.exception(), failure.retry() == AttemptFailure.Retry.REAUTHENTICATE
                    ? AttemptFailure.Retry.NEVER : failure.retry());
        }
        throw new AttemptFailure(new AuthenticationException(Operation.AUTH_TOKEN, null, null,
                "authToken answered status '" + ResponseClassifier.abbreviate(redactor.redact(status))
                        + "' without an API key"), AttemptFailure.Retry.NEVER);
    }

    private <T, R> R run(Operation operation, Function<String, Call<T>> callFactory, ResponseReader<T, R> reader) {
        AuthToken token = operation == Operation.AUTH_TOKEN ? null : tokens.current(this::fetchToken);
        boolean reauthenticated = false;
        int consecutiveQuota = 0;
        BabyshopException serverQuota = null;
        int attempt = 0;
        while (true) {
            attempt++;
            awaitPermit(operation, serverQuota);
            if (serverQuota != null) {
                stats.retry();
                serverQuota = null;
            }
            try {
                R result = attempt(operation, callFactory.apply(token == null ? null : token.apiKey()), reader);
                if (attempt > 1 || reauthenticated) {
                    LOG.debug("{} succeeded after {} attempt(s)", operation, attempt);
                }
                return result;
            } catch (AttemptFailure failure) {
                BabyshopException exception = failure.exception();
                switch (failure.retry()) {
                    case REAUTHENTICATE:
                        if (reauthenticated) {
                            throw exception;
                        }
                        LOG.info("{}: the API key was rejected (2000); re-authenticating once", operation);
                        token = tokens.refresh(token, this::fetchToken);
                        reauthenticated = true;
                        attempt--;
                        continue;
                    case QUOTA:
                        consecutiveQuota++;
                        stats.quotaRejection();
                        Duration backoff = retryPolicy.quotaBackoff(consecutiveQuota);
                        // the server's count is ahead of ours: no tier may call before the backoff is over
                        quota.block(clock.instant().plus(backoff));
                        if (attempt >= retryPolicy.maxAttempts()) {
                            throw serverQuotaExceeded(operation, exception, backoff);
                        }
                        LOG.warn("{}: the server answered quota exceeded; backing off {}", operation, backoff);
                        serverQuota = exception;
                        continue;
                    case NOT_APPLIED:
                        retryOrThrow(operation, attempt, exception);
                        continue;
                    case OUTCOME_OPEN:
                        if (!operation.isSafeToRepeat()) {
                            throw new OutcomeUnknownException(operation, exception.code().isPresent()
                                    ? exception.code().getAsInt() : null, exception.serverMessage().orElse(null),
                                    "the write may or may not have taken effect; read the state back before "
                                            + "repeating it (" + exception.getMessage() + ")", exception);
                        }
                        retryOrThrow(operation, attempt, exception);
                        continue;
                    default:
                        throw exception;
                }
            }
        }
    }

    private void retryOrThrow(Operation operation, int attempt, BabyshopException exception) {
        if (attempt >= retryPolicy.maxAttempts()) {
            throw exception;
        }
        Duration backoff = retryPolicy.transientBackoff(attempt);
        LOG.debug("{}: attempt {} failed ({}); retrying in {}", operation, attempt,
                LogText.escape(exception.getMessage()), backoff);
        stats.retry();
        sleep(operation, backoff);
    }

    private <T, R> R attempt(Operation operation, Call<T> call, ResponseReader<T, R> reader) throws AttemptFailure {
        if (Thread.currentThread().isInterrupted()) {
            throw new OperationInterruptedException(operation, null);
        }
        long started = System.nanoTime();
        stats.requestSent(operation);
        try {
            R result = exchange(operation, call, reader, started);
            stats.requestEnded(operation, RequestOutcome.SUCCESS);
            return result;
        } catch (AttemptFailure failure) {
            stats.requestEnded(operation, ClientStats.outcomeOf(failure.exception()));
            throw failure;
        } catch (RuntimeException | Error e) {
            stats.requestEnded(operation, ClientStats.outcomeOf(e));
            throw e;
        }
    }

    /** Sends one request and reads its answer; {@link #attempt} counts how it ended. */
    private <T, R> R exchange(Operation operation, Call<T> call, ResponseReader<T, R> reader, long started)
            throws AttemptFailure {
        Response<T> response;
        try {
            response = call.execute();
        } catch (JsonProcessingException e) {
            ResponseTooLargeException tooLarge = tooLarge(e);
            throw classifier.malformed(operation, tooLarge != null ? tooLarge.getMessage()
                    : "HTTP 200 with a body that is not valid JSON ("
                    + ResponseClassifier.abbreviate(e.getOriginalMessage()) + ")", null);
        } catch (IOException e) {
            ResponseTooLargeException tooLarge = tooLarge(e);
            if (tooLarge != null) {
                throw classifier.malformed(operation, tooLarge.getMessage(), null);
            }
            throw ioFailure(operation, e);
        } catch (BabyshopException e) {
            throw e;
        } catch (RuntimeException e) {
            throw classifier.malformed(operation, e.getClass().getSimpleName() + ": "
                    + ResponseClassifier.abbreviate(e.getMessage()), null);
        }
        R result;
        try {
            result = reader.read(response);
        } catch (BabyshopException | AttemptFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // the boundary: whatever goes wrong reading an answer is a malformed answer, never untyped
            throw classifier.malformed(operation, e.getClass().getSimpleName() + ": "
                    + ResponseClassifier.abbreviate(e.getMessage()), null);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> HTTP {} in {} ms", operation, response.code(), (System.nanoTime() - started) / 1_000_000);
        }
        return result;
    }

    private static ResponseTooLargeException tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ResponseTooLargeException) {
                return (ResponseTooLargeException) t;
            }
        }
        return null;
    }

    private AttemptFailure ioFailure(Operation operation, IOException e) {
        if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            throw new OperationInterruptedException(operation, null);
        }
        String text = "I/O failure: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + ResponseClassifier.abbreviate(redactor.redact(e.getMessage())));
        TransientException exception = new TransientException(operation, null, null, null, text, null);
        boolean neverSent = e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
        return new AttemptFailure(exception, neverSent ? AttemptFailure.Retry.NOT_APPLIED
                : AttemptFailure.Retry.OUTCOME_OPEN);
    }

    /**
     * Takes the one permit of the next request, charged to this executor's tier; while the budget refuses,
     * asks the waiter (which waits and lets us ask again, or gives up). Never sends anything itself.
     *
     * @param serverQuota the code-13 answer that made the budget block, when the previous attempt got one
     */
    private void awaitPermit(Operation operation, BabyshopException serverQuota) {
        Instant firstRefusal = null;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new OperationInterruptedException(operation, null);
            }
            Instant now = clock.instant();
            QuotaDecision decision = quota.tryAcquire(tier, now);
            if (decision.isGranted()) {
                return;
            }
            if (firstRefusal == null) {
                firstRefusal = now;
            }
            Duration waited = Duration.between(firstRefusal, now);
            QuotaWait wait = QuotaWait.of(operation, tier, now, decision.waitTime(),
                    waited.isNegative() ? Duration.ZERO : waited, sleeper);
            boolean waitedForIt;
            try {
                waitedForIt = waiter.await(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationInterruptedException(operation, e);
            }
            if (!waitedForIt) {
                if (serverQuota != null) {
                    throw serverQuotaExceeded(operation, serverQuota, wait.waitFor());
                }
                throw new QuotaExceededException(operation, null, null, "the local call budget is used up"
                        + (tier == QuotaBudget.TOP_TIER ? "" : " for tier " + tier)
                        + (wait.waited().isZero() ? "" : " after waiting " + wait.waited()),
                        wait.waitFor(), quota.snapshot(clock.instant()).remainingFor(tier));
            }
            LOG.debug("{}: waited for quota (tier {}, until {})", operation, tier, wait.until());
            stats.quotaWait();
        }
    }

    private static QuotaExceededException serverQuotaExceeded(Operation operation, BabyshopException exception,
                                                              Duration retryAfter) {
        return new QuotaExceededException(operation, exception.code().isPresent()
                ? exception.code().getAsInt() : null, exception.serverMessage().orElse(null),
                "the server's call quota is exceeded", retryAfter, 0);
    }

    private void sleep(Operation operation, Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationInterruptedException(operation, e);
        }
    }

    private String errorSnippet(Response<?> response) {
        try (ResponseBody body = response.errorBody()) {
            if (body == null) {
                return null;
            }
            okio.BufferedSource source = body.source();
            source.request(ERROR_SNIPPET_BYTES);
            long available = Math.min(ERROR_SNIPPET_BYTES, source.getBuffer().size());
            String text = ResponseClassifier.abbreviate(source.getBuffer().clone().readUtf8(available));
            return text.toLowerCase(Locale.ROOT).contains("<html") ? "an HTML page" : text;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface ResponseReader<T, R> {
        R read(Response<T> response) throws AttemptFailure;
    }
}
