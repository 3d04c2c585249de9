package io.github.babyshopsdk.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link SellerPanelSimulator} and injects it into test and lifecycle
 * method parameters of type {@code SellerPanelSimulator}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SellerPanelExtension SIM = SellerPanelExtension.create(b -> b.fixture(Fixture.of(7, 50, 20)));
 *
 * @Test
 * void importsOrders(SellerPanelSimulator sim) { ... sim.baseUrl() ... }
 * }</pre>
 *
 * <p>Lifecycle: registered on a {@code static} field, one simulator serves the whole test class
 * (started before all tests, closed after all); registered on an instance field, or made with
 * {@link #perTest()}, each test gets a fresh simulator (started before each, closed after each).
 * {@code @Nested} classes inherit the extension and share the enclosing class's simulator. Register
 * one {@code SellerPanelExtension} per test class hierarchy (two would compete for the parameter);
 * for several simulators in one test, build {@link SellerPanelSimulator}s directly.
 * Needs {@code junit-jupiter-api} on the test class path (the testkit declares it optional).
 * Thread-safe for parallel test execution when injected as a parameter; {@link #simulator()}
 * returns the latest started one.
 */
public final class SellerPanelExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final String KEY = "simulator";

    private final Consumer<SellerPanelSimulator.Builder> configuration;
    private final boolean perTest;
    private volatile SellerPanelSimulator latest;

    private SellerPanelExtension(Consumer<SellerPanelSimulator.Builder> configuration, boolean perTest) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.perTest = perTest;
    }

    /**
     * An extension with the builder's defaults.
     *
     * @return the extension
     */
    public static SellerPanelExtension create() {
        return new SellerPanelExtension(b -> { }, false);
    }

    /**
     * An extension that configures each simulator it starts.
     *
     * @param configuration applied to a fresh builder before every build
     * @return the extension
     */
    public static SellerPanelExtension create(Consumer<SellerPanelSimulator.Builder> configuration) {
        return new SellerPanelExtension(configuration, false);
    }

    /**
     * A copy that starts a fresh simulator for every test, even when registered on a static field.
     *
     * @return the copy
     */
    public SellerPanelExtension perTest() {
        return new SellerPanelExtension(configuration, true);
    }

    /**
     * The latest simulator this extension started.
     *
     * @return the simulator
     * @throws IllegalStateException before the first start
     */
    public SellerPanelSimulator simulator() {
        SellerPanelSimulator s = latest;
        if (s == null) {
            throw new IllegalStateException("no simulator started yet");
        }
        return s;
    }

    private ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(SellerPanelExtension.class, this);
    }

    private SellerPanelSimulator startInto(ExtensionContext context) {
        SellerPanelSimulator.Builder builder = SellerPanelSimulator.builder();
        configuration.accept(builder);
        SellerPanelSimulator sim = builder.build().start();
        context.getStore(namespace()).put(KEY, sim);
        latest = sim;
        return sim;
    }

    private void closeIn(ExtensionContext context) {
        SellerPanelSimulator sim = context.getStore(namespace()).remove(KEY, SellerPanelSimulator.class);
        if (sim != null) {
            sim.close();
        }
    }

    /** Starts the class-wide simulator unless in per-test mode or an enclosing class already runs one. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest && context.getStore(namespace()).get(KEY, SellerPanelSimulator.class) == null) {
            startInto(context);
        }
    }

    /** Starts a simulator for the test when none serves the class (instance field or per-test mode). */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (perTest || context.getStore(namespace()).get(KEY, SellerPanelSimulator.class) == null) {
            startInto(context);
        }
    }

    /** Closes the test's own simulator, if it has one. */
    @Override
    public void afterEach(ExtensionContext context) {
        closeIn(context);
    }

    /** Closes the class-wide simulator. */
    @Override
    public void afterAll(ExtensionContext context) {
        closeIn(context);
    }

    /** Supports parameters of type {@link SellerPanelSimulator}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SellerPanelSimulator.class;
    }

    /** Injects the simulator of the nearest context (the test's own, else the class's). */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        SellerPanelSimulator sim = extensionContext.getStore(namespace()).get(KEY, SellerPanelSimulator.class);
        if (sim == null) {
            throw new org.junit.jupiter.api.extension.ParameterResolutionException(
                    "no SellerPanelSimulator is running in this context");
        }
        return sim;
    }
}
