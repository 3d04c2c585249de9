package io.github.babyshopsdk.benchmarks.world;

import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.notify.NotificationParser;
import io.github.babyshopsdk.sync.notify.NotificationRejectedException;
import io.github.babyshopsdk.testkit.NotificationSink;
import java.util.Optional;

/**
 * The host's receiver of order notifications, in the JVM: the body through {@link NotificationParser#standard()}, the
 * order numbers it carries to {@link SyncEngine#hint}, HTTP 200 once the hint is durable, 400 for a body the parser
 * refuses, 503 before the engine is set; an engine failure propagates (the simulator pushes the notification again).
 * Thread-safe.
 */
public final class HintReceiver implements NotificationSink {
    private final NotificationParser parser = NotificationParser.standard();
    private volatile SyncEngine engine;

    /** Hints go to {@code target} from now on. */
    void to(SyncEngine target) {
        this.engine = target;
    }

    @Override
    public int deliver(byte[] body, String contentType) {
        SyncEngine target = engine;
        if (target == null) {
            return 503;
        }
        try {
            target.hint(parser.parse(body, Optional.ofNullable(contentType)).orderNumbers());
            return 200;
        } catch (NotificationRejectedException e) {
            return 400;
        }
    }
}
