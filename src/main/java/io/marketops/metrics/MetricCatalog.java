package io.marketops.metrics;

import io.marketops.core.WorkspaceId;

import java.util.List;
import java.util.Optional;

/** Lists the metrics MarketOps knows, with their definitions: the built-in ones and a workspace's custom ones. */
public interface MetricCatalog {
    /** The built-in metrics, the same in every workspace. */
    List<Metric> all();

    Optional<Metric> find(String id);

    /** Built-in metrics followed by the workspace's custom metrics. */
    List<Metric> all(WorkspaceId workspace);

    Optional<Metric> find(WorkspaceId workspace, String id);

    /**
     * The named dimensions (channel, campaign, content, …; not {@code properties.<name>}) the metric can be broken
     * down by: all event dimensions for event metrics, channel and campaign for orders and ad costs, channel and
     * content for content statistics. Empty when the metric is unknown.
     */
    List<String> breakdowns(WorkspaceId workspace, String id);
}
