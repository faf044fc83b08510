package io.marketops.warehouse.internal;

import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.StandaloneWarehouse;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;

/** Opens the DuckDB warehouse without Spring. */
public final class Standalone implements StandaloneWarehouse {
    private final DuckDbWarehouse delegate;

    private Standalone(DuckDbWarehouse delegate) {
        this.delegate = delegate;
    }

    public static StandaloneWarehouse open(Path dir) {
        try {
            return new Standalone(new DuckDbWarehouse(dir));
        } catch (Exception e) {
            throw new IllegalStateException("cannot open warehouse in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override public JdbcClient sql() { return delegate.sql(); }
    @Override public void append(Consumer<FactAppender> writer) { delegate.append(writer); }
    @Override public Path exportParquet(String table, long ws, java.time.ZoneId zone, LocalDate from, LocalDate to) { return delegate.exportParquet(table, ws, zone, from, to); }
    @Override public void landEvents(Consumer<FactAppender> writer) { delegate.landEvents(writer); }
    @Override public io.marketops.warehouse.EventBatch startLanding() { return delegate.startLanding(); }
    @Override public long deleteWorkspaceRows(String table, long ws) { return delegate.deleteWorkspaceRows(table, ws); }
    @Override public Path parquetDir() { return delegate.parquetDir(); }

    @Override
    public void close() {
        try {
            delegate.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
