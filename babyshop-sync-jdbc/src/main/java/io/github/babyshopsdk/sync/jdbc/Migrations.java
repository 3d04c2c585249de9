package io.github.babyshopsdk.sync.jdbc;

import io.github.babyshopsdk.sync.state.StateStoreException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the schema migrations shipped in this jar with Flyway. */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private static final int MAX_ATTEMPTS = 5;

    private Migrations() {
    }

    /**
     * Brings the tables of {@code prefix} up to date: a no-op on an up-to-date database. The history is kept
     * in {@code <prefix>schema_history}, apart from the host's own Flyway history; a schema that already
     * holds other tables is baselined at version 0 first, so every migration of this jar still runs.
     *
     * @throws StateStoreException when a migration fails
     */
    static void migrate(DataSource dataSource, String prefix) {
        // Nodes starting together race on creating the history table: the loser sees it "exists and is
        // empty" while the winner migrates. Flyway's own lock serialises the rest, so trying again after the
        // winner finished finds the tables up to date.
        for (int attempt = 1; ; attempt++) {
            try {
                migrateOnce(dataSource, prefix);
                return;
            } catch (StateStoreException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.debug("migrating '{}*' failed (attempt {}), trying again: {}", prefix, attempt, e.getMessage());
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void migrateOnce(DataSource dataSource, String prefix) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(JdbcSyncStateStore.MIGRATION_LOCATION)
                    .table(prefix + JdbcSyncStateStore.HISTORY_TABLE_SUFFIX)
                    .placeholders(Map.of(JdbcSyncStateStore.PREFIX_PLACEHOLDER, prefix))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("babyshop-sync-jdbc baseline (tables of other owners present)")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("babyshop state tables '{}*': {} migration(s) applied, now at version {}", prefix,
                        result.migrationsExecuted, result.targetSchemaVersion);
            } else {
                LOG.debug("babyshop state tables '{}*' are up to date", prefix);
            }
        } catch (FlywayException e) {
            throw new StateStoreException("migrating the babyshop state tables '" + prefix + "*' failed: "
                    + e.getMessage(), e);
        }
    }
}
