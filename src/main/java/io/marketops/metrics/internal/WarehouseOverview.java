package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Overview;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the overview from warehouse facts; local days in the workspace time zone. */
@Service
class WarehouseOverview implements Overview {
    private final Warehouse warehouse;
    private final Workspaces workspaces;

    WarehouseOverview(Warehouse warehouse, Workspaces workspaces) {
        this.warehouse = warehouse;
        this.workspaces = workspaces;
    }

    @Override
    public Summary summarize(WorkspaceId ws, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new io.marketops.core.InvalidRequest("to", "must not be before from");
        Workspace w = workspaces.get(ws);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate pFrom = from.minusDays(days), pTo = from.minusDays(1);
        Map<String, BigDecimal> now = totals(w, from, to), before = totals(w, pFrom, pTo);
        List<Kpi> kpis = new ArrayList<>();
        for (String m : METRICS) {
            BigDecimal v = now.get(m), p = before.get(m);
            Double change = p.signum() == 0 ? null : v.subtract(p).divide(p, 6, RoundingMode.HALF_UP).doubleValue();
            kpis.add(new Kpi(m, v, p, change));
        }
        return new Summary(from, to, pFrom, pTo, w.currency(), kpis, daily(w, from, to));
    }

    private static String start(LocalDate d, ZoneId z) {
        return d.atStartOfDay(z).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx"));
    }

    private Map<String, BigDecimal> totals(Workspace w, LocalDate from, LocalDate to) {
        ZoneId z = w.timezone();
        long id = w.id().value();
        String a = start(from, z), b = start(to.plusDays(1), z);
        BigDecimal uv = warehouse.sql().sql("""
                SELECT count(DISTINCT coalesce(user_id, anonymous_id)) FROM events
                WHERE workspace_id = ? AND type IN ('page', 'screen') AND ts >= CAST(? AS TIMESTAMPTZ) AND ts < CAST(? AS TIMESTAMPTZ)""")
                .params(id, a, b).query(BigDecimal.class).single();
        Map<String, Object> o = warehouse.sql().sql("""
                SELECT count(*) AS orders, coalesce(sum(amount), 0) AS gmv FROM orders
                WHERE workspace_id = ? AND currency = ? AND order_time >= CAST(? AS TIMESTAMPTZ) AND order_time < CAST(? AS TIMESTAMPTZ)""")
                .params(id, w.currency(), a, b).query().singleRow();
        BigDecimal cost = warehouse.sql().sql("""
                SELECT coalesce(sum(cost), 0) FROM ad_costs WHERE workspace_id = ? AND currency = ? AND date BETWEEN ? AND ?""")
                .params(id, w.currency(), from, to).query(BigDecimal.class).single();
        Map<String, BigDecimal> out = new HashMap<>();
        out.put("uv", uv);
        out.put("orders", new BigDecimal(o.get("orders").toString()));
        out.put("gmv", new BigDecimal(o.get("gmv").toString()).setScale(2, RoundingMode.HALF_UP));
        out.put("cost", cost.setScale(2, RoundingMode.HALF_UP));
        out.put("roas", roas(out.get("gmv"), out.get("cost")));
        return out;
    }

    private static BigDecimal roas(BigDecimal gmv, BigDecimal cost) {
        return cost.signum() == 0 ? BigDecimal.ZERO : gmv.divide(cost, 2, RoundingMode.HALF_UP);
    }

    private List<Day> daily(Workspace w, LocalDate from, LocalDate to) {
        ZoneId z = w.timezone();
        long id = w.id().value();
        String a = start(from, z), b = start(to.plusDays(1), z), tz = z.getId();
        Map<LocalDate, Map<String, BigDecimal>> rows = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<String, BigDecimal> m = new HashMap<>();
            for (String k : METRICS) m.put(k, BigDecimal.ZERO);
            rows.put(d, m);
        }
        warehouse.sql().sql("""
                SELECT CAST(timezone(?, ts) AS DATE) AS day, count(DISTINCT coalesce(user_id, anonymous_id)) AS uv FROM events
                WHERE workspace_id = ? AND type IN ('page', 'screen') AND ts >= CAST(? AS TIMESTAMPTZ) AND ts < CAST(? AS TIMESTAMPTZ)
                GROUP BY 1""").params(tz, id, a, b)
                .query(rs -> {
                    var m = rows.get(rs.getObject(1, LocalDate.class));
                    if (m != null) m.put("uv", rs.getBigDecimal(2));
                });
        warehouse.sql().sql("""
                SELECT CAST(timezone(?, order_time) AS DATE) AS day, count(*), coalesce(sum(amount), 0) FROM orders
                WHERE workspace_id = ? AND currency = ? AND order_time >= CAST(? AS TIMESTAMPTZ) AND order_time < CAST(? AS TIMESTAMPTZ)
                GROUP BY 1""").params(tz, id, w.currency(), a, b)
                .query(rs -> {
                    var m = rows.get(rs.getObject(1, LocalDate.class));
                    if (m != null) {
                        m.put("orders", BigDecimal.valueOf(rs.getLong(2)));
                        m.put("gmv", rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP));
                    }
                });
        warehouse.sql().sql("SELECT date, sum(cost) FROM ad_costs WHERE workspace_id = ? AND currency = ? AND date BETWEEN ? AND ? GROUP BY 1")
                .params(id, w.currency(), from, to)
                .query(rs -> {
                    var m = rows.get(rs.getObject(1, LocalDate.class));
                    if (m != null) m.put("cost", rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP));
                });
        List<Day> out = new ArrayList<>();
        rows.forEach((d, m) -> {
            m.put("roas", roas(m.get("gmv"), m.get("cost")));
            out.add(new Day(d, m));
        });
        return out;
    }
}
