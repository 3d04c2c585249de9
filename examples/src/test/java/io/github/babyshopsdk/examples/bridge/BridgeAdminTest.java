package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The bridge's admin commands: {@code --dead-letters} lists the dead letters of the state database (log-safe),
 * {@code --redrive KEY|all} and {@code --discard KEY --reason TEXT} act on them and are recorded in the configuration
 * log, and {@code --explain ORDERNO} answers "my order is not appearing" from the state, with one orderFetch for an
 * order never seen. None runs a flow; bad keys are bad input (2), a running flow is exit code 4.
 */
class BridgeAdminTest extends MinimalBridgeWorldTest {
    private static final Instant FAILED = Instant.parse("2026-01-02T03:04:05Z");

    private <T> T withState(Function<JdbcSyncStateStore, T> work) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(world.stateUrl());
        return work.apply(JdbcSyncStateStore.builder().dataSource(ds).storeId(BridgeWorld.USER).build());
    }

    /** A dead shipment, a dead-lettered order and a dead-lettered stock push in the state database. */
    private void deadLetters() {
        withState(store -> {
            store.runInTransaction(tx -> {
                tx.outbox().add(OutboxEntry.builder().id("ev-1").operation(OutboxOperation.CREATE_SHIPMENT)
                        .orderNo("500000001").status(OutboxStatus.DEAD).attempts(5)
                        .lastError("code 22: refused\n[FORGED] line").notBefore(FAILED).createdAt(FAILED)
                        .updatedAt(FAILED.plusSeconds(60)).firstFailedAt(FAILED).build());
                tx.quarantine().save(QuarantineEntry.builder().flow(Flow.ORDERS).key("500000002")
                        .reason("orderDate unreadable").attempts(5).deadLettered(true).firstFailedAt(FAILED)
                        .lastFailedAt(FAILED.plusSeconds(120)).build());
                tx.inventory().save(InventoryState.builder().vendorSkuCode("V-1").sku("BS-V-1")
                        .pendingQuantity(new BigDecimal("3")).attempts(1).lastError("unknown SKU").deadLettered(true)
                        .updatedAt(FAILED.plusSeconds(180)).build());
            });
            return null;
        });
    }

    /** Only what the dead letter commands need: the store (username) and the state database. */
    private BridgeWorld.Result admin(String... command) {
        List<String> args = new ArrayList<>(List.of("--username", BridgeWorld.USER, "--state", world.stateUrl()));
        args.addAll(Arrays.asList(command));
        return world.runWith(java.util.Map.of("USER", "alice"), args.toArray(String[]::new));
    }

    private List<ConfigurationChange> log() {
        return withState(store -> store.inTransaction((SyncTransaction tx) -> tx.settings().changes()));
    }

    @Test
    void deadLettersAreListedOldestFirstWithLogSafeReasons() {
        deadLetters();

        BridgeWorld.Result listed = admin("--dead-letters");

        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        List<String> lines = listed.lines();
        assertThat(lines.get(0)).startsWith("KEY").contains("FLOW", "ATTEMPTS", "FIRST FAILURE", "LAST FAILURE", "REASON");
        assertThat(lines.get(1)).startsWith("outbox:ev-1").contains("shipments", "2026-01-02T03:04:05Z",
                "2026-01-02T03:05:05Z", "code 22: refused\\n[FORGED] line");
        assertThat(lines.get(2)).startsWith("quarantine:ORDERS:500000002").contains("orders", "orderDate unreadable");
        assertThat(lines.get(3)).startsWith("inventory:V-1").contains("inventory", "unknown SKU");
        assertThat(lines).contains("dead letters   3 (oldest last failure first)");
        assertThat(lines).noneMatch(l -> l.startsWith("[FORGED]"));
        assertThat(world.sim.requests().size()).as("no call to Babyshop").isZero();
    }

    @Test
    void noDeadLettersSaysSo() {
        BridgeWorld.Result listed = admin("--dead-letters");
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stdout()).startsWith("no dead letters");
    }

    @Test
    void aReDriveMakesTheEntryDueAgainAndIsLogged() {
        deadLetters();

        BridgeWorld.Result redriven = admin("--redrive", "outbox:ev-1");

        assertThat(redriven.exitCode()).as(redriven.stderr()).isZero();
        assertThat(redriven.stdout()).startsWith("re-driven      outbox:ev-1 (shipments, 5 attempt(s))");
        OutboxEntry entry = withState(store -> store.inTransaction((SyncTransaction tx) -> tx.outbox().find("ev-1")))
                .orElseThrow();
        assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry.attempts()).isZero();
        assertThat(log()).last().satisfies(change -> {
            assertThat(change.subject()).isEqualTo("deadLetter.redrive");
            assertThat(change.actor()).isEqualTo("babyshop-bridge (alice)");
            assertThat(change.before()).startsWith("outbox:ev-1");
        });
        assertThat(admin("--dead-letters").lines()).noneMatch(l -> l.startsWith("outbox:ev-1"));
    }

    @Test
    void reDriveAllReDrivesEveryOne() {
        deadLetters();

        BridgeWorld.Result redriven = admin("--redrive", "all");

        assertThat(redriven.exitCode()).as(redriven.stderr()).isZero();
        assertThat(redriven.stdout()).startsWith("re-driven      3 dead letter(s)");
        assertThat(admin("--dead-letters").stdout()).startsWith("no dead letters");
        assertThat(log()).filteredOn(c -> c.subject().equals("deadLetter.redrive")).hasSize(3);
    }

    @Test
    void aDiscardNeedsAReasonAndIsLoggedWithIt() {
        deadLetters();

        BridgeWorld.Result noReason = admin("--discard", "inventory:V-1");
        assertThat(noReason.exitCode()).isEqualTo(BridgeFailure.BAD_INPUT);
        assertThat(noReason.stderr()).contains("--discard KEY needs --reason TEXT");

        BridgeWorld.Result discarded = admin("--discard", "inventory:V-1", "--reason", "SKU delisted");

        assertThat(discarded.exitCode()).as(discarded.stderr()).isZero();
        assertThat(discarded.stdout()).startsWith("discarded      inventory:V-1 (inventory): SKU delisted");
        InventoryState state = withState(store -> store.inTransaction((SyncTransaction tx) -> tx.inventory()
                .find("V-1"))).orElseThrow();
        assertThat(state.pendingQuantity()).isEmpty();
        assertThat(state.deadLettered()).isFalse();
        assertThat(log()).last().satisfies(change -> {
            assertThat(change.subject()).isEqualTo("deadLetter.discard");
            assertThat(change.after()).isEqualTo("discarded by babyshop-bridge (alice): SKU delisted");
        });
    }

    @Test
    void malformedAndUnknownKeysAreBadInputAndChangeNothing() {
        deadLetters();

        BridgeWorld.Result malformed = admin("--redrive", "mailbox:1");
        assertThat(malformed.exitCode()).isEqualTo(BridgeFailure.BAD_INPUT);
        assertThat(malformed.stderr()).contains("--redrive: malformed dead letter key");
        BridgeWorld.Result unknown = admin("--redrive", "outbox:ev-404");
        assertThat(unknown.exitCode()).isEqualTo(BridgeFailure.BAD_INPUT);
        assertThat(unknown.stderr()).contains("no dead letter with key outbox:ev-404");
        BridgeWorld.Result two = admin("--dead-letters", "--redrive", "all");
        assertThat(two.exitCode()).isEqualTo(BridgeFailure.BAD_INPUT);
        BridgeWorld.Result withRun = admin("--redrive", "all", "--once");
        assertThat(withRun.exitCode()).isEqualTo(BridgeFailure.BAD_INPUT);

        assertThat(log()).noneMatch(c -> c.subject().startsWith("deadLetter."));
        assertThat(admin("--dead-letters").lines()).contains("dead letters   3 (oldest last failure first)");
    }

    @Test
    void aDeadLetterOfAFlowRunningElsewhereIsLeftAndTheExitCodeSaysSo() {
        deadLetters();
        withState(store -> store.leases().acquire(Flow.SHIPMENTS, "bridge@other-host:1", world.sim.clock().instant(),
                Duration.ofHours(1)).orElseThrow());

        BridgeWorld.Result busy = admin("--redrive", "outbox:ev-1");

        assertThat(busy.exitCode()).isEqualTo(BabyshopBridge.EXIT_FLOWS_SKIPPED);
        assertThat(busy.stderr()).contains("the SHIPMENTS flow is running (lease held by bridge@other-host:1");
        BridgeWorld.Result all = admin("--redrive", "all");
        assertThat(all.exitCode()).isEqualTo(BabyshopBridge.EXIT_FLOWS_SKIPPED);
        assertThat(all.stdout()).startsWith("re-driven      2 dead letter(s)");
        assertThat(admin("--dead-letters").lines()).anySatisfy(l -> assertThat(l).startsWith("outbox:ev-1"));
    }

    @Test
    void explainAnswersFromTheStateForAnImportedOrder() {
        BridgeWorld.Result run = world.run("--once");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        SimOrder imported = world.sim.store().orders().stream().filter(o -> !o.jit())
                .filter(o -> o.status() == OrderStatus.PENDING.code() || o.status() == OrderStatus.CONFIRMED.code())
                .findFirst().orElseThrow();
        int calls = world.sim.requests().size();

        BridgeWorld.Result explained = world.runExactly("--base-url", world.sim.baseUrl(), "--allow-insecure-http",
                "--username", BridgeWorld.USER, "--password-env", BridgeWorld.PASSWORD_ENV, "--state", world.stateUrl(),
                "--explain", imported.orderNo());

        assertThat(explained.exitCode()).as(explained.stderr()).isZero();
        assertThat(explained.stdout()).startsWith("order          " + imported.orderNo() + ": imported (host order ");
        assertThat(world.sim.requests().size()).as("answered from the state").isEqualTo(calls);
    }

    @Test
    void explainFetchesAnOrderNeverSeenAndSaysWhetherItsStatusIsMapped() {
        SimOrder cancelled = world.sim.store().orders().stream().filter(o -> !o.jit()).findFirst().orElseThrow();
        world.sim.store().cancelOnChannel(cancelled.orderNo());
        List<String> base = List.of("--base-url", world.sim.baseUrl(), "--allow-insecure-http", "--username",
                BridgeWorld.USER, "--password-env", BridgeWorld.PASSWORD_ENV, "--state", world.stateUrl());

        List<String> withConfig = new ArrayList<>(base);
        withConfig.addAll(List.of("--config", dir.resolve("config.yml").toString(), "--explain", cancelled.orderNo()));
        BridgeWorld.Result seen = world.runExactly(withConfig.toArray(String[]::new));

        assertThat(seen.exitCode()).as(seen.stderr()).isZero();
        assertThat(seen.stdout()).contains("order          " + cancelled.orderNo() + ": sync off")
                .contains("on Babyshop    Babyshop has it: status Cancelled (code 8)")
                .contains("mapped inbound to host stage CANCELLED");

        List<String> unknown = new ArrayList<>(base);
        unknown.addAll(List.of("--explain", "999999999"));
        BridgeWorld.Result missing = world.runExactly(unknown.toArray(String[]::new));
        assertThat(missing.exitCode()).as(missing.stderr()).isZero();
        assertThat(missing.stdout()).contains("Babyshop does not know this order number");

        List<String> unmapped = new ArrayList<>(base);
        unmapped.addAll(List.of("--explain", cancelled.orderNo()));
        assertThat(world.runExactly(unmapped.toArray(String[]::new)).stdout())
                .as("without --config, the store's (empty) mapping").contains("that status is not mapped inbound");
    }

    @Test
    void explainNeedsTheServerAndAValidOrderNumber() {
        BridgeWorld.Result noServer = admin("--explain", "500000001");
        assertThat(noServer.exitCode()).isEqualTo(BridgeFailure.BAD_INPUT);
        assertThat(noServer.stderr()).contains("--base-url is required");
        BridgeWorld.Result tooLong = admin("--explain", "9".repeat(200));
        assertThat(tooLong.exitCode()).isEqualTo(BridgeFailure.BAD_INPUT);
        assertThat(tooLong.stderr()).contains("--explain needs an order number");
    }

    @Test
    void helpListsTheAdminOptions() {
        BridgeWorld.Result help = world.runExactly("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("--dead-letters", "--redrive=KEY|all", "--discard=KEY", "--reason=TEXT",
                "--explain=ORDERNO");
    }
}
