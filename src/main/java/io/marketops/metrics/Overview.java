package io.marketops.metrics;

import io.marketops.core.WorkspaceId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The home dashboard's numbers: UV, orders, GMV, ad cost and ROAS for a period of local days,
 * with the change against the period of the same length just before, and a daily series.
 */
public interface Overview {
    String[] METRICS = {"uv", "orders", "gmv", "cost", "roas"};

    Summary summarize(WorkspaceId workspace, LocalDate from, LocalDate to);

    /** @param change relative change vs the previous period (0.12 = +12%), null when the previous value is 0 */
    record Kpi(String metric, BigDecimal value, BigDecimal previous, Double change) {
    }

    record Day(LocalDate date, Map<String, BigDecimal> values) {
    }

    record Summary(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, String currency, List<Kpi> kpis, List<Day> daily) {
        public boolean empty() {
            return kpis.stream().allMatch(k -> k.value().signum() == 0 && k.previous().signum() == 0);
        }
    }
}
