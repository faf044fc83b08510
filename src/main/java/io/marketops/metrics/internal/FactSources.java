package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;

import java.util.List;
import java.util.Map;

/**
 * SQL for orders, ad costs and content statistics. These facts have fewer dimensions than events
 * (channel and campaign; content: channel = the platform); asking for another is a 400 naming it.
 * Money is counted in the workspace currency only.
 */
final class FactSources {
    private FactSources() {
    }

    private static String dims(QueryScope q, Map<String, String> columns, String alias, Source source, String metric) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < q.dims().size(); k++) {
            String dim = q.dims().get(k), col = Dimensions.column(columns, dim);
            if (col == null) {
                throw new InvalidRequest("dimensions[" + k + "]", "metric '" + metric + "' comes from " + source.label() + ", which cannot be broken down by '"
                        + dim + "'; " + source.label() + " have " + String.join(" and ", columns.keySet().stream().sorted().toList()));
            }
            b.append(", ").append(alias).append('.').append(col).append(" AS d").append(k);
        }
        return b.toString();
    }

    private static Sql where(QueryScope q, Map<String, String> columns, String alias, Source source, String metric) {
        Sql f = EventFilters.table(q.filters(), columns, alias, source.label(), metric);
        return f.text().isEmpty() ? f : Sql.of(" AND ").add(f);
    }

    /** Orders placed in the range, first grouped per customer (for buyers, repeat buyers and new customers). */
    static Sql orders(QueryScope q, List<Measure> measures, String metric, boolean newCustomers) {
        String dims = dims(q, Dimensions.ORDER_COLUMNS, "o", Source.ORDERS, metric);
        Sql s = Sql.of("WITH ");
        if (newCustomers) {
            s.add("fo AS (SELECT coalesce(customer_id, 'order:' || order_id) AS ck, min(order_time) AS first_time FROM orders"
                    + " WHERE workspace_id = ? AND currency = ? GROUP BY 1), ", q.workspace(), q.currency());
        }
        s.add("o AS (SELECT o.*, " + LocalDays.of("o.order_time", q.zone(), q.start(), q.end()) + " AS day, coalesce(o.customer_id, 'order:' || o.order_id) AS ck" + dims
                        + " FROM orders o WHERE o.workspace_id = ? AND o.currency = ? AND o.order_time >= CAST(? AS TIMESTAMPTZ) AND o.order_time < CAST(? AS TIMESTAMPTZ)",
                q.workspace(), q.currency(), q.start().toString(), q.end().toString())
                .add(where(q, Dimensions.ORDER_COLUMNS, "o", Source.ORDERS, metric)).add(")");
        s.add(", p AS (SELECT " + q.period("o.day") + " AS period" + EventScope.dimList(q.dims().size(), "o.") + ", o.ck, count(*) AS n, sum(o.amount) AS amt,"
                + " sum(o.amount) FILTER (WHERE o.status IN ('paid', 'refunded')) AS paid_amt, sum(o.amount) FILTER (WHERE o.status = 'paid') AS net_amt, "
                + (newCustomers ? "bool_or(o.order_time = fo.first_time)" : "false") + " AS is_new FROM o"
                + (newCustomers ? " LEFT JOIN fo ON fo.ck = o.ck" : "") + " GROUP BY ALL)");
        return s.add(" SELECT p.period" + EventScope.dimList(q.dims().size(), "p.")).add(EventSources.select(measures)).add(" FROM p GROUP BY ALL");
    }

    /** Ad-platform report lines by report date. */
    static Sql ads(QueryScope q, List<Measure> measures, String metric) {
        String dims = dims(q, Dimensions.AD_COLUMNS, "a", Source.ADS, metric);
        return Sql.of("SELECT " + q.period("a.date") + " AS period" + dims).add(EventSources.select(measures))
                .add(" FROM ad_costs a WHERE a.workspace_id = ? AND a.currency = ? AND a.date BETWEEN ? AND ?", q.workspace(), q.currency(), q.from(), q.to())
                .add(where(q, Dimensions.AD_COLUMNS, "a", Source.ADS, metric)).add(" GROUP BY ALL");
    }

    /** Daily content statistics by date. */
    static Sql content(QueryScope q, List<Measure> measures, String metric) {
        String dims = dims(q, Dimensions.CONTENT_COLUMNS, "c", Source.CONTENT, metric);
        return Sql.of("SELECT " + q.period("c.date") + " AS period" + dims).add(EventSources.select(measures))
                .add(" FROM content_metrics c WHERE c.workspace_id = ? AND c.date BETWEEN ? AND ?", q.workspace(), q.from(), q.to())
                .add(where(q, Dimensions.CONTENT_COLUMNS, "c", Source.CONTENT, metric)).add(" GROUP BY ALL");
    }
}
