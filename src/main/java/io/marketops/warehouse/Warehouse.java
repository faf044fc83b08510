package io.marketops.warehouse;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The warehouse's query API. SQL stays visible: callers write DuckDB SQL with bound
 * parameters and must filter by {@code workspace_id}; identifiers are never user input.
 * Tables and columns are described in {@code docs/modules/warehouse.md}.
 */
public interface Warehouse {

    /** A client for reads (and small writes) on the warehouse. */
    JdbcClient sql();

    /**
     * Appends facts in one transaction: all rows become visible (and durable) together, or none.
     * Suited to millions of rows (DuckDB appender).
     */
    void append(Consumer<FactAppender> writer);

    /**
     * Appends events (only events) through the landing zone: they are visible in {@code events}
     * and durable when this returns, like {@link #append}, at about half the warehouse CPU; they
     * are moved into the native table later, when appends pause. Made for a steady stream of
     * batches (live collection); bulk loads use {@link #append}.
     */
    void landEvents(Consumer<FactAppender> writer);

    /**
     * Deletes a workspace's rows of a fact table ({@code events}, {@code orders}, {@code ad_costs},
     * {@code content_metrics}, {@code customers}); for events the landing zone is absorbed first, so
     * landed rows go too. Returns the rows deleted. Meant for regenerating data (demo, generate
     * --replace), not for a workspace that is still collecting.
     */
    long deleteWorkspaceRows(String table, long workspaceId);

    /** The same as {@link #landEvents} in two steps: stage rows (on any one thread), then land them. */
    EventBatch startLanding();

    /**
     * Writes a table's rows of one workspace for local days [from, to] of {@code zone} as Parquet
     * files partitioned by that local day ({@code <table>/workspace_id=N/day=YYYY-MM-DD/}).
     */
    Path exportParquet(String table, long workspaceId, java.time.ZoneId zone, LocalDate from, LocalDate to);

    /** Where Parquet partitions are kept. */
    Path parquetDir();
}
