package io.marketops.anomalies;

import io.marketops.demo.DemoGenerator;
import io.marketops.demo.GeneratorSpec;
import io.marketops.demo.Manifest;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on the demo generator's data (seed 42, 180 days to 2026-11-21, a fixed end so the
 * calendar is the same on every run: the douyin outage falls in Double 11's warm-up, the Baidu
 * cost spike on 11.11 itself, the checkout failures on National Day). Every injected anomaly of
 * the manifest must be found and blamed on its injected channel; on the other days every metric
 * total may raise at most 2 alarms. The team watches checkout → purchase as a custom metric, the
 * only number the checkout failures move more than the day-to-day noise.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnomaliesDemoIntegrationTests {
    static final LocalDate END = LocalDate.of(2026, 11, 21);
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces testWorkspaces;
    @Autowired
    Warehouse warehouse;
    @Autowired
    Anomalies anomalies;
    Manifest manifest;
    List<Anomaly> found;
    Api api;

    @BeforeAll
    void generateAndDetect() {
        TestWorkspaces.Fresh ws = testWorkspaces.create("anomalies-demo");
        api = new Api(port, ws.token());
        Manifest[] m = new Manifest[1];
        warehouse.append(s -> m[0] = new DemoGenerator().generate(GeneratorSpec.of(42, ws.id(), END), s));
        manifest = m[0];
        Api.Response custom = api.post("/api/v1/metrics/custom", Map.of("id", "checkout_to_purchase_rate", "nameEn", "Checkout to purchase rate",
                "nameZh", "支付转化率", "unit", "ratio", "numerator", Map.of("aggregation", "count", "event", "purchase"),
                "denominator", Map.of("aggregation", "count", "event", "checkout")));
        assertThat(custom.status()).as(custom.body()).isEqualTo(201);
        found = anomalies.detect(ws.workspace().id(), manifest.from(), manifest.to());
    }

    private Manifest.InjectedAnomaly injected(String kind) {
        return manifest.anomalies().stream().filter(a -> a.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static boolean within(Anomaly a, Manifest.InjectedAnomaly i) {
        return !a.date().isBefore(i.from()) && !a.date().isAfter(i.to());
    }

    @Test
    void theManifestHasAllThreeInjectedAnomalies() {
        assertThat(manifest.anomalies()).extracting(Manifest.InjectedAnomaly::kind).containsExactlyInAnyOrder("channel_outage", "conversion_drop", "cost_spike");
    }

    @Test
    void theDouyinOutageIsFoundOnTotalVisitorsAndPageViewsWithDouyinFirst() {
        Manifest.InjectedAnomaly outage = injected("channel_outage");
        for (String metric : List.of("uv", "pv")) {
            List<Anomaly> totals = found.stream().filter(a -> a.metric().equals(metric) && a.dimension() == null && within(a, outage)).toList();
            assertThat(totals).as(metric + " on " + outage.from() + ".." + outage.to()).isNotEmpty();
            for (Anomaly a : totals) {
                assertThat(a.actual()).isLessThan(a.expected());
                assertThat(a.causes().get(0)).extracting(Anomaly.Cause::dimension, Anomaly.Cause::value).containsExactly("channel", outage.channel());
            }
        }
    }

    /**
     * Every injected anomaly is found on the metric the manifest names, within its days; where it
     * has a channel, every alarm of that metric's total names the channel as its first cause, and
     * when the total stays within its band (a small channel) the channel's own slice alarms.
     */
    @Test
    void everyInjectedAnomalyIsFoundOnItsMetricAndBlamedOnItsChannelFirst() {
        for (Manifest.InjectedAnomaly i : manifest.anomalies()) {
            List<Anomaly> onMetric = found.stream().filter(a -> a.metric().equals(i.metric()) && within(a, i)).toList();
            assertThat(onMetric).as(i.kind() + " on " + i.metric() + " " + i.from() + ".." + i.to()).isNotEmpty();
            if (i.channel() == null) continue;
            List<Anomaly> totals = onMetric.stream().filter(a -> a.dimension() == null).toList();
            for (Anomaly a : totals) {
                assertThat(a.causes()).as(a.toString()).isNotEmpty();
                assertThat(a.causes().get(0)).extracting(Anomaly.Cause::dimension, Anomaly.Cause::value).containsExactly("channel", i.channel());
            }
            if (totals.isEmpty()) {
                assertThat(onMetric).as(i.kind() + ": the total stayed in its band, so the channel's slice must alarm")
                        .anyMatch(a -> a.dimension().name().equals("channel") && a.dimension().value().equals(i.channel()));
            }
        }
    }

    @Test
    void theBaiduCostSpikeIsFoundOnBaidu() {
        Manifest.InjectedAnomaly spike = injected("cost_spike");
        assertThat(found).filteredOn(a -> within(a, spike) && a.actual() > a.expected())
                .anyMatch(a -> a.dimension() != null ? a.dimension().value().equals(spike.channel())
                        : !a.causes().isEmpty() && spike.channel().equals(a.causes().get(0).value()));
    }

    @Test
    void theCheckoutFailuresAreFoundOnTheCheckoutToPurchaseRate() {
        Manifest.InjectedAnomaly drop = injected("conversion_drop");
        assertThat(found).filteredOn(a -> a.metric().equals("checkout_to_purchase_rate") && within(a, drop))
                .isNotEmpty().allMatch(a -> a.actual() < a.expected());
    }

    @Test
    void otherDaysRaiseAtMostTwoFalseAlarmsPerMetricTotal() {
        Map<String, Integer> falseAlarms = new TreeMap<>();
        for (Anomaly a : found) {
            if (a.dimension() != null || manifest.anomalies().stream().anyMatch(i -> within(a, i))) continue;
            falseAlarms.merge(a.metric(), 1, Integer::sum);
        }
        assertThat(falseAlarms.values()).as(falseAlarms.toString()).allMatch(n -> n <= 2);
    }

    @Test
    void whatDetectionReturnedIsWhatTheApiLists() {
        var list = api.get("/api/v1/anomalies?from=" + manifest.from() + "&to=" + manifest.to() + "&size=500").json();

        assertThat(list.get("total").asInt()).isEqualTo(found.size());
    }
}
