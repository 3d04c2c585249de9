/**
 * Implementation of the simulator: HTTP dispatch, one handler per operation family, JSON writing,
 * PDF building, fixtures, quota, tokens and faults. Not API: may change without notice.
 */
package io.github.babyshopsdk.testkit.internal;
