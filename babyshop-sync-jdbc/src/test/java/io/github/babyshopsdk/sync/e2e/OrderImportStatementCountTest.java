package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SimOrder;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins what importing one page of new orders costs the JDBC state store, counted (not timed) by a
 * {@link CountingDataSource} around H2 (PostgreSQL mode): one ORDERS run over a simulator holding 100 new orders
 * (a single orderFetch page, 75 of them in a mapped status) executes at most {@value #MAX_STATEMENTS} statements
 * and {@value #MAX_COMMITS} commits, every statement of the run included (lease, settings, listing check, cursor).
 * Before issue 16 the same run executed 2,078 statements and 283 commits (about 3 commits per order); with the
 * page's reads and writes batched it is 259 statements and 85 commits: one commit per order created in the host
 * (its link, committed right after the host call so that a crash repeats at most that call) and a few per page.
 */
class OrderImportStatementCountTest {
    /** The ceiling on statements for the run (measured: 259; before issue 16: 2,078). */
    static final int MAX_STATEMENTS = 350;
    /** The ceiling on commits for the run (measured: 85, 75 of them one per created order; before: 283). */
    static final int MAX_COMMITS = 100;

    private HikariDataSource pool;
    private CountingDataSource counting;
    private SimWorld world;

    @BeforeEach
    void start() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:count-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        counting = new CountingDataSource(pool);
        JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(counting).storeId("count").build();
        world = SimWorld.with(Fixture.of(20261205L, 100, 30)).stateStore(store).start();
    }

    @AfterEach
    void stop() {
        try {
            world.close();
        } finally {
            pool.close();
        }
    }

    @Test
    void importingAPageOfNewOrdersTakesAFewStatementsAndCommitsNotSomePerOrder() {
        List<SimOrder> mapped = world.simOrders().values().stream().filter(o -> SimWorld.mapped(o.status())).toList();
        counting.reset();

        FlowReport report = world.engine.run(Flow.ORDERS);

        CountingDataSource.Counts counts = counting.counts();
        System.out.println("one ORDERS run importing " + report.imported() + " of 100 new orders on H2: " + counts);
        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.fetched()).isEqualTo(100);
        assertThat(report.imported()).isEqualTo(mapped.size()).isGreaterThan(50);
        assertThat(report.skipped()).containsEntry(OrderReason.STATUS_UNMAPPED, 100 - mapped.size());
        assertThat(world.host.orders()).hasSize(mapped.size());
        assertThat(world.host.createCalls()).isEqualTo(mapped.size());
        assertThat(counts.executed()).as("statements executed: %s", counts).isLessThanOrEqualTo(MAX_STATEMENTS);
        assertThat(counts.commits()).as("commits: %s", counts).isLessThanOrEqualTo(MAX_COMMITS);

        // a second run finds nothing new to do and stays cheap too
        counting.reset();
        FlowReport again = world.engine.run(Flow.ORDERS);
        assertThat(again.imported()).isZero();
        assertThat(world.host.createCalls()).isEqualTo(mapped.size());
        assertThat(counting.counts().executed()).as("statements executed: %s", counting.counts())
                .isLessThanOrEqualTo(MAX_STATEMENTS);
    }
}
