package io.marketops.warehouse;

/** Receives facts to append; implemented over DuckDB's appender by the warehouse. */
public interface FactAppender {
    void event(EventRow row);

    void order(OrderRow row);

    void adCost(AdCostRow row);

    void contentMetric(ContentMetricRow row);

    void customer(CustomerRow row);
}
