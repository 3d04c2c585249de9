package io.github.babyshopsdk.sync.hostile;

import io.github.babyshopsdk.client.BabyshopClient;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;

/** Builder options the harness sets (TEMPORARY: reflective until the client branch with callTimeout is merged). */
final class ClientOptions {
    private ClientOptions() {
    }

    static void callTimeout(BabyshopClient.Builder builder, Duration timeout) {
        try {
            builder.getClass().getMethod("callTimeout", Duration.class).invoke(builder, timeout);
        } catch (NoSuchMethodException e) {
            // a client without callTimeout: the watchdog catches what hangs
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
