package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Operation;

/**
 * One authorised call reaching a handler.
 *
 * @param operation the operation
 * @param body the {@code RequestBody} JSON object (empty for a body-less skuBackOrder)
 * @param credential the caller's username
 * @param fault the fault to apply while answering (malformed record, drift), or null
 */
public record Call(Operation operation, JsonNode body, String credential, FaultKind fault) {
}
