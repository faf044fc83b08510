package io.marketops.metrics;

import java.util.List;
import java.util.Optional;

/** Lists the metrics MarketOps knows, with their definitions. */
public interface MetricCatalog {
    List<Metric> all();

    Optional<Metric> find(String id);
}
