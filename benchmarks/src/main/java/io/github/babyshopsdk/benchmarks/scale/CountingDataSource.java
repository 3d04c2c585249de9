package io.github.babyshopsdk.benchmarks.scale;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts the JDBC work done through it: statements executed (each {@code execute*}
 * call, a batch counting once) and commits. Delegates everything else. Thread-safe (atomic counters).
 */
final class CountingDataSource implements DataSource {

    private final DataSource delegate;
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    /**
     * Counts the work done through {@code delegate}.
     *
     * @param delegate the real data source
     */
    CountingDataSource(DataSource delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Statements executed so far (a batch counts once). */
    long statements() {
        return statements.get();
    }

    /** Commits so far. */
    long commits() {
        return commits.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counting(delegate.getConnection(username, password));
    }

    private Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (method, result) -> {
            if (method.getName().equals("commit")) {
                commits.incrementAndGet();
            }
            if (result instanceof Statement statement) {
                Class<? extends Statement> type = result instanceof java.sql.CallableStatement
                        ? java.sql.CallableStatement.class
                        : result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class
                        : Statement.class;
                return countingStatement(type, statement);
            }
            return result;
        });
    }

    private <S extends Statement> Object countingStatement(Class<S> type, Statement statement) {
        return proxy(type, type.cast(statement), (method, result) -> {
            if (method.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            return result;
        });
    }

    /** What a proxy does with a delegated call's result. */
    private interface After {
        Object apply(Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (p, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c
                    && c.isInstance(target)) {
                return target;
            }
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler));
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
        return iface.isInstance(delegate) ? iface.cast(delegate) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }
}
