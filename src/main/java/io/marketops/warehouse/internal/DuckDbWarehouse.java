package io.marketops.warehouse.internal;

import io.marketops.runtime.MarketOpsProperties;
import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.ContentMetricRow;
import io.marketops.warehouse.CustomerRow;
import io.marketops.warehouse.EventBatch;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.EventsAppended;
import io.marketops.warehouse.OrderRow;
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
    private final EventLanding landing;

    @org.springframework.beans.factory.annotation.Autowired
    DuckDbWarehouse(MarketOpsProperties props, WarehouseProperties settings, ApplicationEventPublisher publisher) throws IOException, SQLException {
        this(props.warehouseDir(), settings, publisher);
        landing.startAbsorber();
    }

    DuckDbWarehouse(Path dir) throws IOException, SQLException {
        this(dir, event -> { });
    }

    DuckDbWarehouse(Path dir, ApplicationEventPublisher publisher) throws IOException, SQLException {
        this(dir, WarehouseProperties.defaults(), publisher);
    }

    /** Opens the warehouse; the landing zone's absorber is started only by the server (elsewhere {@link #absorbLanded()} absorbs). */
    DuckDbWarehouse(Path dir, WarehouseProperties settings, ApplicationEventPublisher publisher) throws IOException, SQLException {
        this.publisher = publisher;
        this.dir = dir.toAbsolutePath();
        Files.createDirectories(this.dir);
        clearStaging(this.dir.resolve("staging"));
        Properties p = new Properties();
        p.setProperty("memory_limit", System.getProperty("marketops.warehouse.memory", "2GB"));
        p.setProperty("threads", Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors())));
        this.root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + this.dir.resolve("marketops.duckdb"), p);
        this.dataSource = new DuplicatingDataSource(root);
        this.jdbc = JdbcClient.create(dataSource);
        new WarehouseSchema(root).migrate();
        try (var st = root.createStatement()) {
            // landed event files are read by every query of events: keep their footers in memory
            st.execute("SET GLOBAL parquet_metadata_cache = true");
        }
        this.landing = new EventLanding(root, this.dir.resolve("landing"), settings.absorbIdle(), settings.absorbMaxFiles(), settings.absorbGrace(),
                dataSource::whileNoReaders);
        log.info("Warehouse open at {}", this.dir);
    }

    /** Staging files a crash left behind (one process owns the warehouse: nothing else is using them). */
    private static void clearStaging(Path staging) throws IOException {
        if (!Files.isDirectory(staging)) return;
        try (var paths = Files.walk(staging)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(staging)) Files.deleteIfExists(p);
            }
        }
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
        announce(appended);
    }

    private void announce(List<EventsAppended> appended) {
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
    public void landEvents(Consumer<FactAppender> writer) {
        try (EventBatch batch = startLanding()) {
            writer.accept(new FactAppender() {
                @Override public void event(EventRow row) { batch.event(row); }
                @Override public void order(OrderRow row) { throw onlyEvents("orders"); }
                @Override public void adCost(AdCostRow row) { throw onlyEvents("ad_costs"); }
                @Override public void contentMetric(ContentMetricRow row) { throw onlyEvents("content_metrics"); }
                @Override public void customer(CustomerRow row) { throw onlyEvents("customers"); }
            });
            batch.land();
        }
    }

    private static IllegalArgumentException onlyEvents(String table) {
        return new IllegalArgumentException("only events rows can be landed, not " + table);
    }

    @Override
    public EventBatch startLanding() {
        CsvStagedAppender appender = new CsvStagedAppender(dir.resolve("staging"));
        return new EventBatch() {
            private long size;
            private boolean landed;

            @Override
            public void event(EventRow row) {
                appender.event(row);
                size++;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public void land() {
                if (landed) throw new IllegalStateException("this batch has landed already");
                landed = true;
                try {
                    Path csv = appender.finish("events");
                    if (csv == null) return;
                    landing.land(csv);
                } catch (IOException e) {
                    throw new IllegalStateException("landing events failed: " + e.getMessage(), e);
                }
                announce(appender.eventsAppended());
            }

            @Override
            public void close() {
                appender.close();
            }
        };
    }

    @Override
    public long deleteWorkspaceRows(String table, long workspaceId) {
        String target = switch (table) {
            case "events" -> {
                absorbLanded();
                yield "events_stored";
            }
            case "orders", "ad_costs", "content_metrics", "customers" -> table;
            default -> throw new IllegalArgumentException("not a fact table: " + table);
        };
        return jdbc.sql("DELETE FROM " + target + " WHERE workspace_id = ?").param(workspaceId).update();
    }

    /** Starts the landing zone's absorber (the server does it at start; tests call it). */
    void startAbsorber() {
        landing.startAbsorber();
    }

    /** Absorbs up to {@code files} of the oldest landed event files in one transaction; returns the events moved. */
    long absorbLanded(int files) {
        try {
            return landing.absorb(files);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("absorbing landed events failed: " + e.getMessage(), e);
        }
    }

    /** Absorbs every landed event file into the native table now; returns the events moved. */
    long absorbLanded() {
        long rows = 0, moved;
        while ((moved = absorbLanded(64)) > 0) rows += moved;
        return rows;
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
        landing.close();
        try (var st = root.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            log.warn("Warehouse checkpoint on close failed: {}", e.getMessage());
        }
        root.close();
    }
}
