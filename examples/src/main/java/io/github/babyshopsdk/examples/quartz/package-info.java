/**
 * The engine's flows as Quartz jobs in a clustered JDBC job store
 * ({@link io.github.babyshopsdk.examples.quartz.QuartzSync}): several nodes share the sync, Quartz decides who
 * runs what, and a flow never runs on two nodes at once.
 */
package io.github.babyshopsdk.examples.quartz;
