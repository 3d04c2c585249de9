package io.github.babyshopsdk.sync.e2e;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts what its connections do: statements executed (each {@code execute*} call,
 * a batch counting once), rows sent in batches ({@code addBatch}), statements prepared, commits and
 * connections taken. Counting only: every call is passed on unchanged. Thread-safe.
 */
final class CountingDataSource implements DataSource {
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final DataSource delegate;
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong batchedRows = new AtomicLong();
    private final AtomicLong prepared = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> nanosByCall =
            new java.util.concurrent.ConcurrentHashMap<>();

    CountingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** What was counted since the last {@link #reset()}. */
    record Counts(long executed, long batchedRows, long prepared, long commits, long connections, long jdbcMillis) {
        /** Statements executed per {@code n} units of work. */
        double executedPer(int n) {
            return (double) executed / n;
        }

        /** Commits per {@code n} units of work. */
        double commitsPer(int n) {
            return (double) commits / n;
        }

        @Override
        public String toString() {
            return executed + " statements executed (" + batchedRows + " rows in batches), " + prepared
                    + " prepared, " + commits + " commits, " + connections + " connections, " + jdbcMillis
                    + " ms in JDBC calls";
        }
    }

    Counts counts() {
        return new Counts(executed.get(), batchedRows.get(), prepared.get(), commits.get(), connections.get(),
                nanos.get() / 1_000_000);
    }

    void reset() {
        executed.set(0);
        batchedRows.set(0);
        prepared.set(0);
        commits.set(0);
        connections.set(0);
        nanos.set(0);
        nanosByCall.clear();
    }

    /** The milliseconds spent in each JDBC method (by name, slowest first), since the last {@link #reset()}. */
    String timeByCall() {
        return nanosByCall.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                .map(e -> e.getKey() + " " + e.getValue().get() / 1_000_000 + " ms")
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    @Override
    public Connection getConnection() throws SQLException {
        long start = System.nanoTime();
        try {
            return counted(delegate.getConnection());
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(delegate.getConnection(username, password));
    }

    private Connection counted(Connection connection) {
        connections.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new Handler(connection, true));
    }

    /** Counts the calls of a connection or a statement. */
    private final class Handler implements InvocationHandler {
        private final Object target;
        private final boolean connection;

        Handler(Object target, boolean connection) {
            this.target = target;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (connection && name.equals("commit")) {
                commits.incrementAndGet();
            } else if (!connection && EXECUTES.contains(name)) {
                executed.incrementAndGet();
            } else if (!connection && name.equals("addBatch")) {
                batchedRows.incrementAndGet();
            } else if (connection && name.equals("prepareStatement")) {
                prepared.incrementAndGet();
            }
            Object result;
            long start = System.nanoTime();
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                long spent = System.nanoTime() - start;
                nanos.addAndGet(spent);
                nanosByCall.computeIfAbsent((connection ? "Connection." : "Statement.") + name,
                        k -> new AtomicLong()).addAndGet(spent);
            }
            if (connection && result instanceof PreparedStatement ps) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                        new Handler(ps, false));
            }
            if (connection && result instanceof Statement s) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                        new Handler(s, false));
            }
            return result;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
