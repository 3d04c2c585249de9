package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.sync.HintReceipt;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.notify.NotificationParser;
import io.github.babyshopsdk.sync.notify.NotificationRejectedException;
import io.github.babyshopsdk.sync.notify.ParsedNotification;
import io.github.babyshopsdk.testkit.NotificationSink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The receiver of the simulator's order notifications inside the JVM, as the bridge's {@code --listen} endpoint does
 * over HTTP: the body through {@link NotificationParser#standard()}, its order numbers to {@link SyncEngine#hint}, 200
 * once the hint is durable, 400 for a body the parser refuses; an engine failure propagates (the simulator counts it
 * as a failed attempt and pushes again). The engine is set after the world is built (the simulator, built first, holds
 * this sink). Thread-safe.
 */
final class HintingSink implements NotificationSink {
    private final NotificationParser parser = NotificationParser.standard();
    private final List<HintReceipt> receipts = new CopyOnWriteArrayList<>();
    private volatile SyncEngine engine;

    /** Hints go to {@code target} from now on. */
    void to(SyncEngine target) {
        this.engine = target;
    }

    @Override
    public int deliver(byte[] body, String contentType) {
        ParsedNotification parsed;
        try {
            parsed = parser.parse(body, Optional.ofNullable(contentType));
        } catch (NotificationRejectedException e) {
            return 400;
        }
        SyncEngine target = engine;
        if (target == null) {
            return 503;
        }
        receipts.add(target.hint(parsed.orderNumbers()));
        return 200;
    }

    /** What each accepted notification's hint call returned, in order. */
    List<HintReceipt> receipts() {
        return List.copyOf(receipts);
    }
}
