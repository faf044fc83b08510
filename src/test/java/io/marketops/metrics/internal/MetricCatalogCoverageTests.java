package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Metric;
import io.marketops.metrics.MetricCatalog;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static io.marketops.metrics.internal.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in metric the catalog lists has a hand-computed value on one fixture day, Sunday
 * 2026-10-11 in Asia/Shanghai (UTC+8; local midnight is 16:00 UTC). Adding a metric to the catalog
 * without adding its expected value to {@link #KNOWN} fails {@link #everyCatalogMetricHasAKnownValue()}.
 * The engine runs on a fixed clock (2027-01-01) so the 30-day cohort metrics are observable.
 */
class MetricCatalogCoverageTests {
    static final long WS = 81;
    static final String DAY = "2026-10-11";
    @TempDir
    static Path dir;
    static StandaloneWarehouse warehouse;

    /*
     * The fixture, local times (UTC = local − 8 h):
     *  k1: page 10-11 09:00:00 and 09:00:05 (session A: 2 views, 5 s); back 10-12 09:00 (day 1), 10-18 09:00 (day 7), 11-10 09:00 (day 30)
     *  k2: page 10-11 10:00:00, click 10:00:30 (session B: 1 view, 30 s); back 10-12 23:30 (day 1)
     *  k3: page 10-11 23:59 (session C: 1 view, 0 s); back 10-18 00:30 (day 7, 10-17 in UTC)
     *  k4: page 10-01 12:00 (first seen then); page 10-11 12:00 and 12:10 (session D: 2 views, 600 s)
     *  k5: page 10-12 00:30 (10-11 in UTC: not on the fixture day)
     *  k6: page 10-11 14:00, scroll 14:00:20 (session E: 1 view, 20 s); back 10-18 12:00 (day 7)
     *  k7: track 10-06 (active in the last 7 days); k8: track 09-20 (active in the last 30 days)
     *  orders: o0 c9 09-01 10.00 paid; on 10-11: o1 k1 11:00 200.00 paid, o2 k1 15:00 100.00 refunded,
     *          o3 k2 16:00 60.00 cancelled, o4 c9 23:30 40.00 paid; o5 k1 10-12 00:30 300.00 paid (next local day)
     *  ads 10-11: douyin 20,000 impressions, 400 clicks, 600.00, 12 conversions; wechat 5,000, 100, 200.00, 3
     *  content 10-11: douyin 1,200 reads, 30 followers; xiaohongshu 300 reads, 5 followers
     */
    static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("pv", "7");                        // A 2 + B 1 + C 1 + D 2 + E 1
        KNOWN.put("uv", "5");                        // k1, k2, k3, k4, k6 (not k5)
        KNOWN.put("sessions", "5");                  // A..E
        KNOWN.put("bounce_rate", "0.6");             // ≤ 1 view: B, C, E → 3/5
        KNOWN.put("bounce_rate_10s", "0.4");         // under 10 s: A (5 s), C (0 s) → 2/5
        KNOWN.put("avg_session_duration", "131.0");  // (5 + 30 + 0 + 600 + 20) / 5
        KNOWN.put("new_users", "4");                 // k1, k2, k3, k6 (k4 first seen 10-01)
        KNOWN.put("dau", "5");                       // k1, k2, k3, k4, k6
        KNOWN.put("wau", "6");                       // + k7 (10-05..10-11)
        KNOWN.put("mau", "7");                       // + k8 (09-12..10-11)
        KNOWN.put("stickiness", "0.038095");         // person-days in 30 days: 1+1+1+2 (k4: 10-01, 10-11)+1+1+1 = 8; 8 / 30 / 7
        KNOWN.put("impressions", "25000");
        KNOWN.put("clicks", "500");
        KNOWN.put("ctr", "0.02");                    // 500 / 25,000
        KNOWN.put("cvr", "0.8");                     // 4 orders / 5 visitors
        KNOWN.put("ad_cvr", "0.03");                 // 15 conversions / 500 clicks
        KNOWN.put("cpc", "1.60");                    // 800 / 500
        KNOWN.put("cpm", "32.00");                   // 800 / 25,000 × 1000
        KNOWN.put("cpa", "53.33");                   // 800 / 15
        KNOWN.put("cac", "400.00");                  // 800 / 2 new customers (k1, k2; c9 ordered in September)
        KNOWN.put("cost", "800.00");
        KNOWN.put("orders", "4");                    // o1..o4
        KNOWN.put("gmv", "400.00");                  // 200 + 100 + 60 + 40
        KNOWN.put("paid_gmv", "340.00");             // paid or refunded: 200 + 100 + 40
        KNOWN.put("net_gmv", "240.00");              // paid: 200 + 40
        KNOWN.put("buyers", "3");                    // k1, k2, c9
        KNOWN.put("aov", "100.00");                  // 400 / 4
        KNOWN.put("revenue_per_buyer", "133.33");    // 400 / 3
        KNOWN.put("roas", "0.5");                    // 400 / 800
        KNOWN.put("roi", "-0.5");                    // (400 − 800) / 800
        KNOWN.put("repurchase_rate", "0.333333");    // k1 has 2 orders, of 3 buyers
        KNOWN.put("retention_d1", "0.5");            // cohort k1, k2, k3, k6: back on 10-12: k1, k2
        KNOWN.put("retention_d7", "0.75");           // on 10-18: k1, k3, k6
        KNOWN.put("retention_d30", "0.25");          // on 11-10: k1
        KNOWN.put("ltv_30", "165.00");               // k1 200 + 100 + 300 (o5 within 30 days), k2 60; 660 / 4 new users
        KNOWN.put("follower_growth", "35");          // 30 + 5
        KNOWN.put("content_reads", "1500");          // 1,200 + 300
    }

    @BeforeAll
    static void facts() {
        warehouse = warehouse(dir);
        warehouse.append(a -> {
            a.event(page(WS, "k1", null, "2026-10-11T01:00:00Z", null));
            a.event(page(WS, "k1", null, "2026-10-11T01:00:05Z", null));
            a.event(page(WS, "k1", null, "2026-10-12T01:00:00Z", null));
            a.event(page(WS, "k1", null, "2026-10-18T01:00:00Z", null));
            a.event(page(WS, "k1", null, "2026-11-10T01:00:00Z", null));
            a.event(page(WS, "k2", null, "2026-10-11T02:00:00Z", null));
            a.event(track(WS, "click", "k2", "2026-10-11T02:00:30Z"));
            a.event(page(WS, "k2", null, "2026-10-12T15:30:00Z", null));
            a.event(page(WS, "k3", null, "2026-10-11T15:59:00Z", null));
            a.event(track(WS, "open", "k3", "2026-10-17T16:30:00Z"));
            a.event(page(WS, "k4", null, "2026-10-01T04:00:00Z", null));
            a.event(page(WS, "k4", null, "2026-10-11T04:00:00Z", null));
            a.event(page(WS, "k4", null, "2026-10-11T04:10:00Z", null));
            a.event(page(WS, "k5", null, "2026-10-11T16:30:00Z", null));
            a.event(page(WS, "k6", null, "2026-10-11T06:00:00Z", null));
            a.event(track(WS, "scroll", "k6", "2026-10-11T06:00:20Z"));
            a.event(track(WS, "open", "k6", "2026-10-18T04:00:00Z"));
            a.event(track(WS, "open", "k7", "2026-10-06T04:00:00Z"));
            a.event(track(WS, "open", "k8", "2026-09-20T04:00:00Z"));
            a.order(order(WS, "o0", "c9", "2026-09-01T04:00:00Z", "10.00", "paid", "wechat"));
            a.order(order(WS, "o1", "k1", "2026-10-11T03:00:00Z", "200.00", "paid", "douyin"));
            a.order(order(WS, "o2", "k1", "2026-10-11T07:00:00Z", "100.00", "refunded", "douyin"));
            a.order(order(WS, "o3", "k2", "2026-10-11T08:00:00Z", "60.00", "cancelled", "wechat"));
            a.order(order(WS, "o4", "c9", "2026-10-11T15:30:00Z", "40.00", "paid", "wechat"));
            a.order(order(WS, "o5", "k1", "2026-10-11T16:30:00Z", "300.00", "paid", "douyin"));
            a.adCost(ad(WS, DAY, "douyin", 20_000, 400, "600.00", 12));
            a.adCost(ad(WS, DAY, "wechat", 5_000, 100, "200.00", 3));
            a.contentMetric(content(WS, "p1", "douyin", DAY, 1200, 30));
            a.contentMetric(content(WS, "p2", "xiaohongshu", DAY, 300, 5));
        });
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static List<String> catalogIds() {
        MetricCatalog catalog = new MetricDefinitions(noCustomMetrics());
        return catalog.all().stream().map(Metric::id).toList();
    }

    static MetricEngine engine(boolean rollup) {
        return new MetricEngine(warehouse, workspaces(WS), new MetricDefinitions(noCustomMetrics()), MetricsProperties.defaults(),
                Optional.of(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC)),
                rollup ? Optional.of(new ActivityRollup(warehouse)) : Optional.empty());
    }

    @Test
    void everyCatalogMetricHasAKnownValue() {
        List<String> ids = catalogIds();
        assertThat(ids).as("the catalog lists built-in metrics").isNotEmpty();
        TreeSet<String> missing = new TreeSet<>(ids);
        missing.removeAll(KNOWN.keySet());
        assertThat(missing).as("catalog metrics without a hand-computed value in MetricCatalogCoverageTests.KNOWN: %s", missing).isEmpty();
        TreeSet<String> stale = new TreeSet<>(KNOWN.keySet());
        stale.removeAll(ids);
        assertThat(stale).as("KNOWN names metrics the catalog no longer has: %s", stale).isEmpty();
    }

    @Test
    void everyCatalogMetricHasItsHandComputedValueWithAndWithoutTheRollup() {
        List<String> ids = catalogIds().stream().filter(KNOWN::containsKey).toList();
        for (boolean rollup : new boolean[]{true, false}) {
            MetricEngine engine = engine(rollup);
            Map<String, Number> actual = new LinkedHashMap<>();
            for (int k = 0; k < ids.size(); k += 30) {   // at most 30 metrics per query
                var r = engine.run(WorkspaceId.of(WS), MetricQuery.of(ids.subList(k, Math.min(k + 30, ids.size())), LocalDate.parse(DAY), LocalDate.parse(DAY), Granularity.DAY));
                assertThat(r.rows()).hasSize(1);
                actual.putAll(r.rows().get(0).values());
            }
            List<String> wrong = new ArrayList<>();
            for (String id : ids) {
                Number v = actual.get(id);
                if (v == null || new BigDecimal(v.toString()).compareTo(new BigDecimal(KNOWN.get(id))) != 0) {
                    wrong.add(id + ": expected " + KNOWN.get(id) + ", was " + v);
                }
            }
            assertThat(wrong).as("metrics off their hand-computed value (rollup %s)", rollup).isEmpty();
        }
    }
}
