/**
 * An in-JVM simulator of Vinculum's SellerPanel V3 API, for tests, benchmarks and demos.
 *
 * <p>Start a {@link io.github.babyshopsdk.testkit.SellerPanelSimulator} (or register the
 * {@link io.github.babyshopsdk.testkit.SellerPanelExtension} in a JUnit 5 test), point the client
 * at {@link io.github.babyshopsdk.testkit.SellerPanelSimulator#baseUrl()}, then drive and inspect
 * the simulated marketplace through {@link io.github.babyshopsdk.testkit.SimulatorStore},
 * {@link io.github.babyshopsdk.testkit.RequestLog} and {@link io.github.babyshopsdk.testkit.FaultPlan}; with
 * {@link io.github.babyshopsdk.testkit.OrderNotifications} it also emits Vinculum-style order notifications
 * ({@link io.github.babyshopsdk.testkit.OrderNotifier}).
 * Everything in this package is thread-safe unless a type says otherwise; records are immutable
 * snapshots.
 */
package io.github.babyshopsdk.testkit;
