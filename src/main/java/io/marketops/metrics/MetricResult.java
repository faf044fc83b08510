package io.marketops.metrics;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer of a {@link MetricQuery}: one row per period and dimension values. A value is null
 * when it is undefined (a ratio over zero).
 */
public record MetricResult(LocalDate from, LocalDate to, String granularity, List<String> dimensions,
                           LocalDate compareFrom, LocalDate compareTo, List<Row> rows) {

    /**
     * @param period     first local day of the bucket (clamped to {@code from}), ISO date
     * @param dimensions dimension name → value (null when the fact has none); written as top-level fields
     * @param values     metric id → value
     * @param compare    metric id → value in the comparison period and relative change; absent without compare
     */
    @JsonPropertyOrder({"period", "values", "compare"})
    public record Row(String period, @JsonIgnore Map<String, String> dimensions,
                      @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Number> values,
                      Map<String, Change> compare) {
        @JsonAnyGetter
        @JsonInclude(JsonInclude.Include.ALWAYS)
        public Map<String, String> dimensionValues() {
            return dimensions;
        }

        public Number value(String metric) {
            return values.get(metric);
        }
    }

    /** @param change (value − previous) / previous, e.g. 0.118 for +11.8 %; null when the previous value is 0 or missing */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(Number value, Double change) {
    }
}
