package io.marketops.warehouse.internal;

import io.marketops.runtime.MarketOpsProperties;
import io.marketops.warehouse.EventsAppended;
import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.Warehouse;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * DuckDB over {@code <data dir>/warehouse/marketops.duckdb}. One database instance per process;
 * each caller works on its own duplicated connection, so reads run in parallel with appends.
 */
@Component
class DuckDbWarehouse implements Warehouse, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DuckDbWarehouse.class);

    private final DuckDBConnection root;
    private final DuplicatingDataSource dataSource;
    private final JdbcClient jdbc;
    private final Path dir;
    /** Announces {@link EventsAppended} after each committed append; a no-op outside the server. */
    private final ApplicationEventPublisher publisher;

    @org.springframework.beans.factory.annotation.Autowired
    DuckDbWarehouse(MarketOpsProperties props, ApplicationEventPublisher publisher) throws IOException, SQLException {
        this(props.warehouseDir(), publisher);
    }

    DuckDbWarehouse(Path dir) throws IOException, SQLException {
        this(dir, event -> { });
    }

    DuckDbWarehouse(Path dir, ApplicationEventPublisher publisher) throws IOException, SQLException {
        this.publisher = publisher;
        this.dir = dir.toAbsolutePath();
        Files.createDirectories(this.dir);
        Properties p = new Properties();
        p.setProperty("memory_limit", System.getProperty("marketops.warehouse.memory", "2GB"));
        p.setProperty("threads", Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors())));
        this.root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + this.dir.resolve("marketops.duckdb"), p);
        this.dataSource = new DuplicatingDataSource(root);
        this.jdbc = JdbcClient.create(dataSource);
        new WarehouseSchema(root).migrate();
        log.info("Warehouse open at {}", this.dir);
    }

    @Override
    public JdbcClient sql() {
        return jdbc;
    }

    @Override
    public void append(Consumer<FactAppender> writer) {
        List<EventsAppended> appended;
        try (DuckDBConnection c = root.duplicate()) {
            c.setAutoCommit(false);
            try (CsvStagedAppender appender = new CsvStagedAppender(dir.resolve("staging"))) {
                writer.accept(appender);
                appender.load(c);
                appended = appender.eventsAppended();
            } catch (RuntimeException | SQLException | IOException e) {
                c.rollback();
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("warehouse append failed: " + e.getMessage(), e);
        }
        for (EventsAppended e : appended) {
            try {
                publisher.publishEvent(e);
            } catch (RuntimeException ex) {
                // the rows are committed: a failing listener must not make the caller append them again
                log.warn("A listener of {} failed: {}", e, ex.toString());
            }
        }
    }

    @Override
    public Path exportParquet(String table, long workspaceId, java.time.ZoneId zone, LocalDate from, LocalDate to) {
        String timeColumn = switch (table) {
            case "events" -> "ts";
            case "orders" -> "order_time";
            case "ad_costs", "content_metrics" -> "date";
            default -> throw new IllegalArgumentException("no Parquet export for table " + table);
        };
        Path out = parquetDir().resolve(table).resolve("workspace_id=" + workspaceId);
        // the zone id and dates are typed values, the table and column come from the switch above
        String local = timeColumn.equals("date") ? "date" : "CAST(timezone('" + zone.getId() + "', " + timeColumn + ") AS DATE)";
        try (var c = root.duplicate(); var st = c.createStatement()) {
            Files.createDirectories(out);
            st.execute("COPY (SELECT * EXCLUDE (workspace_id), " + local + " AS day FROM " + table + " WHERE workspace_id = " + workspaceId
                    + " AND " + local + " BETWEEN DATE '" + from + "' AND DATE '" + to + "') TO '" + out.toString().replace("'", "''")
                    + "' (FORMAT PARQUET, PARTITION_BY (day), OVERWRITE_OR_IGNORE TRUE)");
            return out;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Parquet export of " + table + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Path parquetDir() {
        return dir.resolve("parquet");
    }

    @Override
    public void close() throws SQLException {
        try (var st = root.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            log.warn("Warehouse checkpoint on close failed: {}", e.getMessage());
        }
        root.close();
    }
}
