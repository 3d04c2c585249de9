/**
 * The JSON wire mapping of SellerPanel V3: request bodies (the JSON text of the {@code RequestBody} form
 * field) and response lists, over Jackson's tree model. Not public API: its types may change without
 * notice.
 *
 * <p>Models carry no Jackson annotations; every wire name appears here and nowhere else. Reading is
 * lenient where the API is loose (numbers as strings or JSON numbers, {@code null}/{@code ""} for
 * absent numbers and dates, case-insensitive names, a single object where a list is expected) and strict
 * where it matters: a list element that cannot be read becomes a
 * {@link io.github.babyshopsdk.client.model.RecordFailure} and the rest of the list is still read.
 */
package io.github.babyshopsdk.client.internal.wire;
