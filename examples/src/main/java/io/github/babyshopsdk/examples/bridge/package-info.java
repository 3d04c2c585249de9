/**
 * The Babyshop bridge: a standalone program ({@link io.github.babyshopsdk.examples.bridge.BabyshopBridge}) that
 * syncs one Babyshop store with a file-backed host ({@link io.github.babyshopsdk.examples.bridge.FileHost}),
 * configured by a YAML file and CSV inputs; without arguments, a demo against the testkit simulator.
 */
package io.github.babyshopsdk.examples.bridge;
