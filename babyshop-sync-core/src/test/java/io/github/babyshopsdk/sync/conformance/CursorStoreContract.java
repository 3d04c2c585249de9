package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.state.SyncTransaction;
import org.junit.jupiter.api.Test;

/** {@link io.github.babyshopsdk.sync.state.CursorStore}: named opaque values, empty until saved. */
public abstract class CursorStoreContract extends StoreContractSupport {

    @Test
    void emptyUntilSaved() {
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("orders.updatedSince"))).isEmpty();
    }

    @Test
    void putThenGet() {
        write(tx -> tx.cursors().put("orders.updatedSince", "2024-05-01T08:00:00.123456Z"));
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("orders.updatedSince"))).contains("2024-05-01T08:00:00.123456Z");
    }

    @Test
    void putReplacesTheValue() {
        write(tx -> tx.cursors().put("feed", "token-1"));
        write(tx -> tx.cursors().put("feed", "token-2"));
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("feed"))).contains("token-2");
    }

    @Test
    void namesAreIndependentAndExact() {
        write(tx -> {
            tx.cursors().put("orders", "1");
            tx.cursors().put("Orders", "2");
            tx.cursors().put("orders.page", "3");
        });
        read(tx -> {
            assertThat(tx.cursors().get("orders")).contains("1");
            assertThat(tx.cursors().get("Orders")).contains("2");
            assertThat(tx.cursors().get("orders.page")).contains("3");
            assertThat(tx.cursors().get("orders.")).isEmpty();
            assertThat(tx.cursors().get("catalog")).isEmpty();
            return null;
        });
    }

    /** Values are kept exactly: JSON, non-ASCII, surrounding spaces, and at least 4,000 characters. */
    @Test
    void valuesAreKeptExactly() {
        String json = "{\"token\":\"abc==\",\"hub\":\"مستودع الرياض\",\"pad\":\"  x  \"}";
        String longValue = "x".repeat(4000);
        write(tx -> {
            tx.cursors().put("json", json);
            tx.cursors().put("long", longValue);
        });
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("json"))).contains(json);
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("long"))).contains(longValue);
    }

    @Test
    void putIsVisibleLaterInTheSameTransaction() {
        write(tx -> {
            tx.cursors().put("a", "1");
            assertThat(tx.cursors().get("a")).contains("1");
            tx.cursors().put("a", "2");
            assertThat(tx.cursors().get("a")).contains("2");
        });
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("a"))).contains("2");
    }
}
