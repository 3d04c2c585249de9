package io.github.babyshopsdk.client.support;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaDecision;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Wraps a budget and records every permit it grants (tier and instant) and every refusal. Thread-safe. */
public final class RecordingBudget implements QuotaBudget {
    /** One granted permit. */
    public record Grant(int tier, Instant at) {
    }

    private final QuotaBudget delegate;
    private final List<Grant> grants = new ArrayList<>();
    private final List<Integer> refusedTiers = new ArrayList<>();
    private final List<Instant> blocks = new ArrayList<>();
    private Instant latest = Instant.MIN;

    public RecordingBudget(QuotaBudget delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized QuotaDecision tryAcquire(int tier, Instant requested) {
        // threads read the clock before calling; recording in arrival order keeps the instants monotonic
        latest = requested.isAfter(latest) ? requested : latest;
        QuotaDecision decision = delegate.tryAcquire(tier, latest);
        if (decision.isGranted()) {
            grants.add(new Grant(tier, latest));
        } else {
            refusedTiers.add(tier);
        }
        return decision;
    }

    @Override
    public synchronized void block(Instant blockedUntil) {
        blocks.add(blockedUntil);
        delegate.block(blockedUntil);
    }

    @Override
    public QuotaSnapshot snapshot(Instant now) {
        return delegate.snapshot(now);
    }

    @Override
    public QuotaLimits limits() {
        return delegate.limits();
    }

    public synchronized List<Grant> grants() {
        return new ArrayList<>(grants);
    }

    public synchronized List<Integer> grantedTiers() {
        return grants.stream().map(Grant::tier).toList();
    }

    public synchronized List<Integer> refusedTiers() {
        return new ArrayList<>(refusedTiers);
    }

    public synchronized List<Instant> blocks() {
        return new ArrayList<>(blocks);
    }
}
