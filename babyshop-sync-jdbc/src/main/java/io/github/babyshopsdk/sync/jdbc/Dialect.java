package io.github.babyshopsdk.sync.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The few statements that differ between the supported databases: atomic upserts and insert-if-absent.
 * Everything else is one SQL dialect. Detected from {@link DatabaseMetaData#getDatabaseProductName()}.
 */
enum Dialect {
    /**
     * PostgreSQL: {@code INSERT ... ON CONFLICT (key) DO UPDATE / DO NOTHING}, atomic against concurrent
     * inserts of the same key (a conflicting insert waits for the other transaction, then updates or skips).
     * A failed statement aborts the whole transaction, so nothing here relies on catching one.
     */
    POSTGRESQL {
        @Override
        String upsert(String table, List<String> keys, List<String> values) {
            StringBuilder sql = new StringBuilder(insert(table, keys, values));
            sql.append(" ON CONFLICT (").append(String.join(", ", keys)).append(')');
            if (values.isEmpty()) {
                return sql.append(" DO NOTHING").toString();
            }
            sql.append(" DO UPDATE SET ");
            for (int i = 0; i < values.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(values.get(i)).append(" = EXCLUDED.").append(values.get(i));
            }
            return sql.toString();
        }

        @Override
        boolean insertIfAbsent(PreparedStatement insert) throws SQLException {
            return insert.executeUpdate() > 0;
        }

        @Override
        String insertIfAbsent(String table, List<String> keys, List<String> values) {
            return insert(table, keys, values) + " ON CONFLICT (" + String.join(", ", keys) + ") DO NOTHING";
        }
    },

    /**
     * H2 (any compatibility mode): {@code MERGE INTO ... KEY (key)}, which waits for a concurrent insert of
     * the same key and then updates; insert-if-absent is a plain insert whose duplicate-key failure is
     * caught (H2 undoes only the failed statement, the transaction goes on).
     */
    H2 {
        @Override
        String upsert(String table, List<String> keys, List<String> values) {
            List<String> columns = new ArrayList<>(keys);
            columns.addAll(values);
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }

        @Override
        boolean insertIfAbsent(PreparedStatement insert) throws SQLException {
            try {
                return insert.executeUpdate() > 0;
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        }

        @Override
        String insertIfAbsent(String table, List<String> keys, List<String> values) {
            return insert(table, keys, values);
        }
    };

    /** SQLState of a unique-constraint violation (both databases). */
    static final String DUPLICATE_KEY = "23505";

    /**
     * An upsert of one row: binds key columns then value columns, in order; afterwards the row has exactly
     * those values (columns not named keep theirs, or their defaults when inserted).
     */
    abstract String upsert(String table, List<String> keys, List<String> values);

    /** An insert of one row (keys then values) that does nothing when the key exists; run it with {@link #insertIfAbsent(PreparedStatement)}. */
    abstract String insertIfAbsent(String table, List<String> keys, List<String> values);

    /** Runs a statement of {@link #insertIfAbsent(String, List, List)}; returns whether it inserted. */
    abstract boolean insertIfAbsent(PreparedStatement insert) throws SQLException;

    private static String insert(String table, List<String> keys, List<String> values) {
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(values);
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /**
     * The dialect of the database behind {@code connection}.
     *
     * @throws IllegalArgumentException for a database other than PostgreSQL and H2
     */
    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.equals("postgresql")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database '" + product
                + "': babyshop-sync-jdbc supports PostgreSQL and H2");
    }
}
