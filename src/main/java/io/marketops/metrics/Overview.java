package io.marketops.metrics;

import io.marketops.core.WorkspaceId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The home dashboard of a marketing lead: core KPIs for a period of local days with 环比 (the
 * period of the same length just before) and 同比 (the same days a year before), a daily series
 * and a channel table — all computed through {@link MetricQueries}, so with the catalog's definitions.
 */
public interface Overview {
    String[] METRICS = {"uv", "orders", "gmv", "cost", "roas", "pv", "aov", "cvr"};
    String[] CHANNEL_METRICS = {"uv", "orders", "gmv", "cost", "roas", "cvr"};

    Summary summarize(WorkspaceId workspace, LocalDate from, LocalDate to);

    /**
     * A value is null when undefined (a ratio over zero).
     *
     * @param change     relative change vs the previous period (0.12 = +12%), null when the previous value is 0 or undefined
     * @param yearChange relative change vs the same days a year before
     */
    record Kpi(String metric, BigDecimal value, BigDecimal previous, Double change, BigDecimal previousYear, Double yearChange) {
    }

    record Day(LocalDate date, Map<String, BigDecimal> values) {
    }

    /** @param channel null for facts without a channel */
    record ChannelRow(String channel, Map<String, BigDecimal> values) {
    }

    record Summary(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, LocalDate yearFrom, LocalDate yearTo,
                   String currency, List<Kpi> kpis, List<Day> daily, List<ChannelRow> channels) {
        public boolean empty() {
            return kpis.stream().allMatch(k -> zero(k.value()) && zero(k.previous()));
        }

        private static boolean zero(BigDecimal v) {
            return v == null || v.signum() == 0;
        }
    }
}
