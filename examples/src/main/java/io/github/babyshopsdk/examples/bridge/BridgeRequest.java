package io.github.babyshopsdk.examples.bridge;

/**
 * What the command line asks for: a run of the flows ({@link BridgeInputs}) or a one-shot admin command on the
 * state database ({@link AdminRequest}).
 */
sealed interface BridgeRequest permits BridgeInputs, AdminRequest {
}
