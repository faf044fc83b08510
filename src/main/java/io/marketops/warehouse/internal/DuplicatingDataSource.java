package io.marketops.warehouse.internal;

import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.datasource.AbstractDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands each caller its own connection to the one in-process DuckDB database, and counts the
 * connections open, so that landed files are deleted only while no reader could have listed them
 * ({@link #whileNoReaders}): DuckDB lists a glob's files when it plans a statement and opens them
 * later, and a file deleted in between fails the statement.
 */
final class DuplicatingDataSource extends AbstractDataSource {
    private final DuckDBConnection root;
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean gate;

    DuplicatingDataSource(DuckDBConnection root) {
        this.root = root;
    }

    @Override
    public Connection getConnection() throws SQLException {
        while (true) {
            while (gate) Thread.onSpinWait();
            open.incrementAndGet();
            if (!gate) break;
            open.decrementAndGet();
        }
        Connection c;
        try {
            c = root.duplicate();
        } catch (SQLException | RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
        return counted(c);
    }

    /** Runs {@code work} (short: it holds up new connections) if no connection is open now; returns whether it ran. */
    boolean whileNoReaders(Runnable work) {
        gate = true;
        try {
            if (open.get() != 0) return false;
            work.run();
            return true;
        } finally {
            gate = false;
        }
    }

    private Connection counted(Connection c) {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, (proxy, m, args) -> {
            if (m.getName().equals("close") && m.getParameterCount() == 0) {
                try {
                    c.close();
                } finally {
                    if (closed.compareAndSet(false, true)) open.decrementAndGet();
                }
                return null;
            }
            try {
                return m.invoke(c, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }
}
