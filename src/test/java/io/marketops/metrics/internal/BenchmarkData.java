package io.marketops.metrics.internal;

import io.marketops.warehouse.StandaloneWarehouse;

/**
 * A deterministic event generator for the metrics benchmarks (the demo generator is not on this
 * branch): DuckDB's {@code hash(i * 64 + salt)} drives every choice, so the same call always writes the
 * same rows (each choice hashes a different input, so choices are independent). People have a stable channel, device and region and are active over four days from
 * their own first day; about 83 % of events are page views, the rest the shop funnel
 * view_item → add_to_cart → checkout → purchase in falling numbers. Rows are written in time order,
 * as live collection writes them.
 */
final class BenchmarkData {
    private BenchmarkData() {
    }

    /** {@code events} events of {@code people} people spread over {@code days} days from {@code startUtc}. */
    static void events(StandaloneWarehouse w, long ws, long events, long people, int days, String startUtc) {
        w.sql().sql("""
                INSERT INTO events_stored (workspace_id, message_id, type, event, user_id, anonymous_id, ts, received_at, session_id,
                                    channel, utm_source, utm_medium, utm_campaign, device, region, platform, properties)
                SELECT ?, 'b' || i, CASE WHEN r < 83 THEN 'page' ELSE 'track' END,
                       CASE WHEN r < 83 THEN 'page_' || CAST(hash(i * 64 + 1) % 20 AS VARCHAR) WHEN r < 93 THEN 'view_item'
                            WHEN r < 97 THEN 'add_to_cart' WHEN r < 99 THEN 'checkout' ELSE 'purchase' END,
                       CASE WHEN p % 4 = 0 THEN NULL ELSE 'u' || CAST(p AS VARCHAR) END, 'a' || CAST(p AS VARCHAR), t, t,
                       'a' || CAST(p AS VARCHAR) || '-' || CAST(CAST(t AS DATE) AS VARCHAR),
                       (['douyin', 'wechat', 'xiaohongshu', 'weibo', 'bilibili', 'baidu', 'tmall', 'direct'])[CAST(hash(p * 64 + 5) % 8 AS INTEGER) + 1],
                       'src' || CAST(hash(p * 64 + 5) % 8 AS VARCHAR), 'cpc', 'campaign_' || CAST(hash(p * 64 + 6) % 40 AS VARCHAR),
                       (['mobile', 'desktop', 'tablet'])[CAST(hash(p * 64 + 7) % 3 AS INTEGER) + 1],
                       (['广东', '浙江', '上海', '北京', '江苏', '四川'])[CAST(hash(p * 64 + 8) % 6 AS INTEGER) + 1],
                       (['web', 'ios', 'android', 'miniprogram'])[CAST(hash(p * 64 + 9) % 4 AS INTEGER) + 1],
                       CASE WHEN r >= 83 THEN '{"plan":"' || (['free', 'pro'])[CAST(hash(i * 64 + 10) % 2 AS INTEGER) + 1] || '"}' END
                FROM (SELECT i, CAST(hash(i * 64 + 2) % 100 AS INTEGER) AS r, CAST(hash(i * 64 + 3) % ? AS BIGINT) AS p,
                             CAST(? AS TIMESTAMPTZ) + to_seconds(CAST((hash((hash(i * 64 + 3) % ?) * 64 + 20) % (? - 3)) * 86400 + hash(i * 64 + 4) % (4 * 86400) AS BIGINT)) AS t
                      FROM range(?) r(i))
                ORDER BY t""")
                .params(ws, people, startUtc, people, days, events).update();
    }

    /** Orders (a third of them by known people) and daily ad costs per channel and campaign. */
    static void ordersAndCosts(StandaloneWarehouse w, long ws, long orders, long people, int days, String startUtc) {
        w.sql().sql("""
                INSERT INTO orders SELECT ?, 'o' || i, 'u' || CAST(hash(i * 64 + 11) % ? AS VARCHAR),
                       CAST(? AS TIMESTAMPTZ) + to_seconds(CAST(hash(i * 64 + 12) % (? * 86400) AS BIGINT)),
                       CAST(19 + hash(i * 64 + 13) % 500 AS DECIMAL(18, 2)), 'CNY',
                       (['paid', 'paid', 'paid', 'refunded', 'cancelled', 'pending'])[CAST(hash(i * 64 + 14) % 6 AS INTEGER) + 1], 1,
                       (['douyin', 'wechat', 'xiaohongshu', 'weibo', 'bilibili', 'baidu', 'tmall', 'direct'])[CAST(hash(i * 64 + 15) % 8 AS INTEGER) + 1],
                       'campaign_' || CAST(hash(i * 64 + 16) % 40 AS VARCHAR), NULL
                FROM range(?) r(i)""").params(ws, people, startUtc, days, orders).update();
        w.sql().sql("""
                INSERT INTO ad_costs SELECT ?, CAST(CAST(? AS TIMESTAMPTZ) AS DATE) + CAST(d AS INTEGER), c, 'campaign_' || CAST(k AS VARCHAR), 'g1',
                       1000 + hash(d, c, k, 0) % 9000, 20 + hash(d, c, k, 1) % 300, CAST(50 + hash(d, c, k, 2) % 500 AS DECIMAL(18, 2)), 'CNY',
                       hash(d, c, k, 3) % 20, CAST(hash(d, c, k, 4) % 2000 AS DECIMAL(18, 2))
                FROM range(?) a(d), (SELECT unnest(['douyin', 'wechat', 'xiaohongshu', 'weibo', 'bilibili', 'baidu', 'tmall']) AS c), range(5) b(k)""")
                .params(ws, startUtc, days).update();
    }
}
