package io.github.babyshopsdk.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * The parsed form of a {@link DeadLetter#key()}: {@code outbox:<id>}, {@code quarantine:<FLOW>:<recordKey>} or
 * {@code inventory:<vendorSkuCode>}. Keys come from outside (a command line, an admin screen) and are treated as
 * hostile: {@link #parse(String)} refuses anything else with an {@link IllegalArgumentException} whose message
 * names the problem but never repeats the key. Immutable and thread-safe.
 */
public final class DeadLetterKey {
    /** The longest key text accepted: a prefix, a flow name and a {@link RemoteKey} of at most its maximum length. */
    static final int MAX_LENGTH = 32 + RemoteKey.MAX_LENGTH;
    private static final String FORMS = "expected outbox:<id>, quarantine:<FLOW>:<key> or inventory:<vendorSkuCode>";

    private final DeadLetterKind kind;
    private final Flow flow;
    private final String recordKey;

    private DeadLetterKey(DeadLetterKind kind, Flow flow, String recordKey) {
        this.kind = kind;
        this.flow = flow;
        this.recordKey = recordKey;
    }

    /**
     * The key of a dead letter of {@code kind}; {@code flow} is part of the key of a quarantine entry only.
     *
     * @throws NullPointerException if an argument is null
     */
    public static DeadLetterKey of(DeadLetterKind kind, Flow flow, String recordKey) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(recordKey, "recordKey");
        return new DeadLetterKey(kind, kind == DeadLetterKind.QUARANTINE ? flow : null, recordKey);
    }

    /**
     * Parses a key given by an operator.
     *
     * @throws IllegalArgumentException when {@code text} is null, too long, of no known form, names an unknown
     *     flow, or its record key is not a valid {@link RemoteKey}; the message does not repeat {@code text}
     */
    public static DeadLetterKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw malformed("it is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw malformed("it is longer than " + MAX_LENGTH + " characters");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw malformed(FORMS);
        }
        String prefix = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        for (DeadLetterKind kind : DeadLetterKind.values()) {
            if (kind.prefix().equals(prefix)) {
                return kind == DeadLetterKind.QUARANTINE ? quarantine(rest) : new DeadLetterKey(kind, null, record(rest));
            }
        }
        throw malformed(FORMS);
    }

    private static DeadLetterKey quarantine(String rest) {
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw malformed("a quarantine key is quarantine:<FLOW>:<key>");
        }
        String flowName = rest.substring(0, colon);
        for (Flow flow : Flow.values()) {
            if (flow.name().equals(flowName)) {
                return new DeadLetterKey(DeadLetterKind.QUARANTINE, flow, record(rest.substring(colon + 1)));
            }
        }
        throw malformed("a quarantine key names a flow (e.g. ORDERS, CATALOG) after quarantine:");
    }

    private static String record(String recordKey) {
        Optional<String> problem = RemoteKey.problem(recordKey);
        if (problem.isPresent()) {
            throw malformed("its record key is " + problem.get());
        }
        return recordKey;
    }

    private static IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("malformed dead letter key: " + why);
    }

    /** Where the dead letter lives. */
    public DeadLetterKind kind() {
        return kind;
    }

    /** The flow of a quarantine entry; empty for other kinds (their flow follows from the record). */
    public Optional<Flow> flow() {
        return Optional.ofNullable(flow);
    }

    /** The record's key in its store. */
    public String recordKey() {
        return recordKey;
    }

    /** The key as text, e.g. {@code quarantine:ORDERS:BS-1001}. */
    public String text() {
        return kind.prefix() + ":" + (flow == null ? "" : flow.name() + ":") + recordKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeadLetterKey that && kind == that.kind && flow == that.flow
                && recordKey.equals(that.recordKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, flow, recordKey);
    }

    /** The key as text ({@link #text()}). */
    @Override
    public String toString() {
        return text();
    }
}
