package io.marketops.metrics;

import io.marketops.core.WorkspaceId;

/**
 * Runs metric queries against the warehouse: the one way every module computes a catalog metric.
 * Invalid queries (unknown metric, dimension or property, inverted or too long range) throw
 * {@link io.marketops.core.InvalidRequest} naming the field.
 */
public interface MetricQueries {
    MetricResult run(WorkspaceId workspace, MetricQuery query);

    /** The DuckDB SQL statements the query runs, with {@code ?} for bound values, for display. */
    java.util.List<String> sql(WorkspaceId workspace, MetricQuery query);
}
