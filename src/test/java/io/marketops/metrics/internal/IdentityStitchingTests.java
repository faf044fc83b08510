package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.FunnelQuery;
import io.marketops.metrics.FunnelQuery.Order;
import io.marketops.metrics.FunnelQuery.Step;
import io.marketops.metrics.FunnelResult;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricQuery.Comparison;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.MetricResult;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.marketops.metrics.internal.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People are resolved as collection's {@code event_people} view resolves them: the user an event's user id was
 * aliased to, else its user id, else the user its anonymous id was identified as, else the anonymous id — in metric
 * queries, on the events and on the step-event projection path of funnels alike. Days are Asia/Shanghai (UTC+8).
 */
class IdentityStitchingTests {
    static final long WS = 71;
    @TempDir
    static Path dir;
    static StandaloneWarehouse warehouse;

    @BeforeAll
    static void facts() {
        warehouse = warehouse(dir);
        warehouse.append(a -> {
            // 10-01: the same customer under the user id of a first account and, after the merge, the new one
            a.event(page(WS, "u-old", null, "2026-10-01T02:00:00Z", "douyin"));
            a.event(track(WS, "view_item", "u-old", "2026-10-01T02:01:00Z"));
            a.event(page(WS, "u-new", null, "2026-10-01T03:00:00Z", "douyin"));
            a.event(track(WS, "purchase", "u-new", "2026-10-01T03:01:00Z"));
            // and a device identified as the new account: still the same person
            a.event(page(WS, null, "a-9", "2026-10-01T04:00:00Z", "wechat"));
            // 10-02: a shared device identified as uA; uB signs in on it: uB's event is uB's, not uA's
            a.event(page(WS, "uA", "a-5", "2026-10-02T02:00:00Z", "wechat"));
            a.event(page(WS, "uB", "a-5", "2026-10-02T03:00:00Z", "wechat"));
        });
        alias(warehouse, WS, "u-old", "u-new", "2026-10-01T02:30:00Z");
        identity(warehouse, WS, "a-9", "u-new", "2026-10-01T04:00:00Z");
        identity(warehouse, WS, "a-5", "uA", "2026-10-02T02:00:00Z");
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void visitorsFollowAliasesAndAnEventsOwnUserIdWinsOverItsDevicesLink() {
        for (MetricEngine engine : List.of(engine(warehouse, WS), rawEngine(warehouse, WS))) {
            MetricResult r = engine.run(WorkspaceId.of(WS), new MetricQuery(List.of("uv", "pv"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"),
                    Granularity.DAY, List.of(), List.of(), Comparison.NONE));
            // 10-01: u-old, u-new and a-9 are one person (3 views); 10-02: uA and uB are two (2 views)
            assertThat(r.rows()).extracting(row -> row.period() + "=" + row.values().get("uv") + "/" + row.values().get("pv"))
                    .containsExactly("2026-10-01=1/3", "2026-10-02=2/2");
        }
    }

    @Test
    void aFunnelAcrossAnAliasIsOnePersonOnBothPaths() {
        FunnelQuery q = new FunnelQuery(List.of(Step.of("view_item"), Step.of("purchase")), Duration.ofDays(1), LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-01"), Order.STRICT, null);
        FunnelEngine projected = new FunnelEngine(warehouse, workspaces(WS), MetricsProperties.defaults(), Optional.of(new ActivityRollup(warehouse)));
        FunnelEngine raw = new FunnelEngine(warehouse, workspaces(WS), MetricsProperties.defaults(), Optional.empty());
        for (FunnelEngine engine : List.of(projected, raw)) {
            // u-old viewed, u-new (the same customer) bought a minute later
            assertThat(engine.run(WorkspaceId.of(WS), q).steps()).extracting(FunnelResult.StepResult::users).containsExactly(1L, 1L);
        }
    }
}
