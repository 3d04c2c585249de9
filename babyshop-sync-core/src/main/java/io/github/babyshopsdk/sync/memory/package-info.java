/**
 * In-memory reference implementations of the engine's SPIs, for tests, demos and single-node hosts that
 * do not need their state to survive a restart.
 */
package io.github.babyshopsdk.sync.memory;
