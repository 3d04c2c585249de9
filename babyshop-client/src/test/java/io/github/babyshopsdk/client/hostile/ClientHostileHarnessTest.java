package io.github.babyshopsdk.client.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.OperationInterruptedException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.error.TransientException;
import io.github.babyshopsdk.client.hostile.support.Outcomes;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import io.github.babyshopsdk.client.support.ManualClock;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.Store;

/**
 * The hostile-input harness of the client (issue 9): every one of the 15 operations against every kind
 * of hostile answer, through the public client over HTTP. Each case asserts the client's contract:
 * <ul>
 *   <li>the call returns (records and per-record failures, the failures bounded) or throws a
 *       {@link BabyshopException} subtype, never another exception (nor an {@link OutOfMemoryError}: the
 *       harness runs in a small heap, see the module's {@code hostile-harness} surefire execution);</li>
 *   <li>an answer that cannot be a success (a response code that is not zero, a redirect, a body cut
 *       short...) is not read as one;</li>
 *   <li>a non-idempotent write whose outcome is open fails with {@link OutcomeUnknownException} and is
 *       sent exactly once;</li>
 *   <li>a redirect is a typed failure after exactly one request, and the other host sees none;</li>
 *   <li>a slow or stalled answer ends by the call timeout, and the exception's cause says so (no timing
 *       is asserted; a 60 s watchdog only keeps a hung call from hanging the build).</li>
 * </ul>
 * Violations are collected, printed with their reproducer (operation, kind, what was sent, outcome) and
 * fail the property at its end. The summary (cases by kind and operation, by outcome) is printed and
 * written to {@code target/hostile-harness/client-summary.txt}.
 */
@PropertyDefaults(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
        afterFailure = AfterFailureMode.PREVIOUS_SEED)
class ClientHostileHarnessTest {
    /** Cases per operation and kind in the exhaustive property. */
    static final int VARIANTS = 5;
    private static final String OUTCOMES = ClientHostileHarnessTest.class.getName() + ".outcomes";
    private static final long BASE_SEED = 0x9155_2026_1205L;
    private static final Duration WATCHDOG = Duration.ofSeconds(60);
    private static final Duration SHORT_CALL_TIMEOUT = Duration.ofMillis(500);

    private HostileServer server;
    private Mutations mutations;
    private ExecutorService worker;
    private final List<String> violations = new ArrayList<>();

    /** The outcomes and the gzip bombs live at the container, so every property adds to one summary. */
    @BeforeContainer
    static void createStores() {
        Store.create(OUTCOMES, Lifespan.RUN, () -> new Outcomes("client hostile-input harness"));
        Store.create(GzipBombs.class, Lifespan.RUN, GzipBombs::new);
    }

    @BeforeProperty
    void start() {
        server = new HostileServer();
        mutations = new Mutations(server.elsewhereUrl(), Store.<GzipBombs>get(GzipBombs.class).get());
        worker = newWorker();
    }

    @AfterProperty
    void stop() {
        worker.shutdownNow();
        System.out.println("client hostile harness: " + server.staleRequests()
                + " request(s) of earlier cases read late, counted for no case");
        server.close();
        assertThat(violations).as("contract violations (reproducers above and in the summary)").isEmpty();
    }

    @AfterContainer
    static void summary() {
        Outcomes outcomes = outcomes();
        System.out.println(outcomes.summary());
        outcomes.write("client-summary.txt");
    }

    private static Outcomes outcomes() {
        return Store.<Outcomes>get(OUTCOMES).get();
    }

    /** Every operation under every (non-timing) kind, {@value #VARIANTS} mutations each: 1,500 cases. */
    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 2_000)
    void everyOperationUnderEveryKind(@ForAll HostileOperation operation, @ForAll("responseKinds") Kind kind,
                                      @ForAll @IntRange(min = 0, max = VARIANTS - 1) int variant) {
        long seed = BASE_SEED ^ Objects.hash(operation.name(), kind.name(), variant);
        run(mutations.build(operation, kind, new Random(seed)), "seed " + seed);
    }

    /** Operation, kind and mutation all drawn by jqwik, from a fixed seed. */
    @Property(tries = 350, seed = "20261205")
    void randomlyDrawnCases(@ForAll("randomCases") Drawn drawn) {
        run(mutations.build(drawn.operation(), drawn.kind(), new Random(drawn.seed())), "seed " + drawn.seed());
    }

    /** A few slow-drip and stalled answers against a 500 ms call timeout. */
    @Property(tries = 10, seed = "905")
    void slowAnswersEndByTheCallTimeout(@ForAll("deadlineCases") Drawn drawn) {
        run(mutations.build(drawn.operation(), drawn.kind(), new Random(drawn.seed())), "seed " + drawn.seed());
    }

    /** What jqwik drew for one case. */
    record Drawn(HostileOperation operation, Kind kind, long seed) {
    }

    @Provide
    Arbitrary<Kind> responseKinds() {
        return Arbitraries.of(responseKindList());
    }

    private static List<Kind> responseKindList() {
        return Arrays.stream(Kind.values()).filter(k -> !k.isDeadlineKind()).toList();
    }

    @Provide
    Arbitrary<Drawn> randomCases() {
        return Combinators.combine(Arbitraries.of(HostileOperation.class), Arbitraries.of(responseKindList()),
                Arbitraries.longs()).as(Drawn::new);
    }

    @Provide
    Arbitrary<Drawn> deadlineCases() {
        return Combinators.combine(Arbitraries.of(HostileOperation.class),
                Arbitraries.of(EnumSet.of(Kind.SLOW_DRIP, Kind.STALLED_HEADERS)), Arbitraries.longs()).as(Drawn::new);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "hostile-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A fresh OkHttp client per case (no pooled connection crosses cases) tagging requests with the case. */
    private OkHttpClient taggingHttp() {
        String tag = server.caseTag();
        return new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(
                        chain.request().newBuilder().header(HostileServer.CASE_HEADER, tag).build()))
                .build();
    }

    private static void release(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private BabyshopClient client(HostileCase c, ManualClock clock, OkHttpClient http) {
        BabyshopClient.Builder builder = BabyshopClient.builder()
                .okHttpClient(http)
                .baseUrl(server.baseUrl())
                .allowInsecureHttp()
                .credentials(Credentials.of("seller-one", "pa55-w0rd!&secret"))
                .clock(clock)
                .sleeper(clock.sleeper())
                .quota(100_000, Duration.ofMinutes(5))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).random(() -> 0.5).build())
                .readTimeout(Duration.ofSeconds(c.deadline() ? 30 : 10))
                .callTimeout(c.deadline() ? SHORT_CALL_TIMEOUT : Duration.ofSeconds(30));
        return builder.build();
    }

    private void run(HostileCase c, String seed) {
        server.serve(c);
        ManualClock clock = ManualClock.startingAt("2026-12-05T06:30:00Z");
        Object result = null;
        Throwable thrown = null;
        boolean hung = false;
        OkHttpClient http = taggingHttp();
        try (BabyshopClient client = client(c, clock, http)) {
            Future<Object> call = worker.submit(() -> c.operation().invoke(client));
            try {
                result = call.get(WATCHDOG.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                thrown = e.getCause();
            } catch (TimeoutException e) {
                hung = true;
                call.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } finally {
            release(http);
        }
        String outcome = hung ? "HUNG" : thrown == null ? (HostileOperation.failures(result) > 0
                ? "returned+failures" : "returned") : thrown.getClass().getSimpleName();
        outcomes().record(c.kind().name(), c.operation().name(), outcome);
        List<String> problems = check(c, result, thrown, hung);
        for (String problem : problems) {
            String text = problem + " | " + c + " | " + seed + " | outcome " + outcome
                    + (thrown == null ? "" : " | " + describe(thrown));
            violations.add(text);
            outcomes().violation(text);
        }
    }

    private List<String> check(HostileCase c, Object result, Throwable thrown, boolean hung) {
        List<String> problems = new ArrayList<>();
        if (hung) {
            problems.add("the call did not end within the " + WATCHDOG.toSeconds() + " s watchdog");
            return problems;
        }
        if (thrown != null && !(thrown instanceof BabyshopException)) {
            problems.add("untyped exception " + thrown.getClass().getName());
        }
        if (thrown instanceof OperationInterruptedException) {
            problems.add("interrupted without an interrupt");
        }
        if (thrown == null && c.mustFail()) {
            problems.add("read as a success, but the answer cannot be one");
        }
        if (thrown == null && HostileOperation.failures(result) > 1_000) {
            problems.add("unbounded per-record failures: " + HostileOperation.failures(result));
        }
        boolean write = c.operation().isNonIdempotentWrite();
        if (write && thrown instanceof BabyshopException && !c.writeMayBeTyped()
                && !(thrown instanceof OutcomeUnknownException)) {
            problems.add("a write with an open outcome failed with " + thrown.getClass().getSimpleName()
                    + " instead of OutcomeUnknownException");
        }
        if (write && thrown instanceof OutcomeUnknownException && server.targetRequests() > 1) {
            problems.add("a write with an open outcome was sent " + server.targetRequests() + " times");
        }
        if ((c.operation() == HostileOperation.ORDER_FETCH || c.operation() == HostileOperation.ORDER_FETCH_JIT)
                && server.targetRequests() > 10) {
            problems.add("orderFetch of 2 numbers took " + server.targetRequests() + " requests");
        }
        if (c.redirect()) {
            if (server.elsewhereRequests() > 0) {
                problems.add("the redirect was followed: the other host got " + server.elsewhereRequests()
                        + " request(s)");
            }
            if (server.targetRequests() != 1) {
                problems.add("a redirect took " + server.targetRequests() + " requests, not exactly 1");
            }
        }
        if (c.deadline() && thrown instanceof BabyshopException) {
            Class<?> expected = write ? OutcomeUnknownException.class : TransientException.class;
            if (!expected.isInstance(thrown)) {
                problems.add("a call past its deadline failed with " + thrown.getClass().getSimpleName()
                        + ", not " + expected.getSimpleName());
            }
            if (!saysTimeout(thrown)) {
                problems.add("a call past its deadline does not say it timed out (cause chain: "
                        + causes(thrown) + ")");
            }
        }
        return problems;
    }

    /** Whether the exception's cause chain holds a timeout (an InterruptedIOException, or a message saying so). */
    static boolean saysTimeout(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof InterruptedIOException || message.contains("timeout") || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static String causes(Throwable thrown) {
        List<String> names = new ArrayList<>();
        for (Throwable t = thrown; t != null && names.size() < 6; t = t.getCause() == t ? null : t.getCause()) {
            names.add(t.getClass().getSimpleName() + "(" + Mutations.abbreviate(String.valueOf(t.getMessage())) + ")");
        }
        return String.join(" <- ", names);
    }

    private static String describe(Throwable thrown) {
        String top = Arrays.stream(thrown.getStackTrace()).limit(4).map(StackTraceElement::toString)
                .collect(Collectors.joining(" < "));
        return causes(thrown) + " at " + top;
    }
}
