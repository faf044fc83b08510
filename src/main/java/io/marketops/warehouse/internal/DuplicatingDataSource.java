package io.marketops.warehouse.internal;

import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.datasource.AbstractDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands each caller its own connection to the one in-process DuckDB database. */
final class DuplicatingDataSource extends AbstractDataSource {
    private final DuckDBConnection root;

    DuplicatingDataSource(DuckDBConnection root) {
        this.root = root;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return root.duplicate();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }
}
