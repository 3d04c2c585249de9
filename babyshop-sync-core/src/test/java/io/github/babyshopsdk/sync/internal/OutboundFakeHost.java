package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.spi.HostFulfilment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A host with a programmable event feed: the token is the index of the next event; pages hold
 * {@link #pageSize} events. {@link #ignoreTokens} makes it answer every event from the start on every
 * read (a host that repeats its feed). Records the labels it receives. Single-threaded.
 */
final class OutboundFakeHost implements HostFulfilment {
    final List<HostEvent> feed = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final List<Optional<String>> tokensAsked = new ArrayList<>();
    int pageSize = 100;
    boolean ignoreTokens;
    RuntimeException feedFailure;
    RuntimeException labelRefusal;
    /** Runs once, inside the next feed read (e.g. another engine run moving the cursor meanwhile). */
    Runnable duringRead;

    OutboundFakeHost emit(HostEvent... events) {
        feed.addAll(List.of(events));
        return this;
    }

    @Override
    public ChangeFeed<HostEvent> events(Optional<String> afterToken) {
        tokensAsked.add(afterToken);
        if (feedFailure != null) {
            throw feedFailure;
        }
        if (duringRead != null) {
            Runnable hook = duringRead;
            duringRead = null;
            hook.run();
        }
        int from = ignoreTokens ? 0 : afterToken.map(Integer::parseInt).orElse(0);
        int to = ignoreTokens ? feed.size() : Math.min(feed.size(), from + pageSize);
        return ChangeFeed.of(List.copyOf(feed.subList(from, to)), String.valueOf(to), to < feed.size());
    }

    @Override
    public void shipmentCreated(String orderNo, String invoiceNo, Document label) {
        if (labelRefusal != null) {
            RuntimeException refusal = labelRefusal;
            labelRefusal = null;
            throw refusal;
        }
        labels.add(orderNo + "/" + invoiceNo + "/" + label.fileName().orElse("?"));
    }
}
