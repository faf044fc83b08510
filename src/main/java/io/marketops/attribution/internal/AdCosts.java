package io.marketops.attribution.internal;

import io.marketops.warehouse.Warehouse;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ad cost per channel over local days from..to, in the workspace currency, from {@code ad_costs}. */
@Component
class AdCosts {
    private final Warehouse warehouse;

    AdCosts(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    Map<String, BigDecimal> byChannel(long workspace, String currency, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        warehouse.sql().sql("""
                SELECT channel, sum(cost) FROM ad_costs
                WHERE workspace_id = ? AND currency = ? AND date BETWEEN ? AND ?
                GROUP BY channel ORDER BY channel""")
                .params(workspace, currency, from, to)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP));
                });
        return out;
    }
}
