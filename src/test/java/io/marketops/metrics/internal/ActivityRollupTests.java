package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Filter;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricQuery.Comparison;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.MetricResult;
import io.marketops.warehouse.EventsAppended;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.marketops.metrics.internal.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily activity rollup answers exactly what the same query over events answers, and follows new events: the
 * engine with the rollup is compared with the engine reading events only, on generated data with stitched people.
 */
class ActivityRollupTests {
    static final long WS = 51, FRESH = 52;
    static final LocalDate JUL1 = LocalDate.parse("2026-07-01");
    @TempDir
    static Path dir;
    static StandaloneWarehouse warehouse;

    @BeforeAll
    static void facts() {
        warehouse = warehouse(dir);
        BenchmarkData.events(warehouse, WS, 40_000, 3_000, 20, "2026-07-01 00:00:00+08");
        // people 4, 8 … have no user id: stitch some of them to other people, so stitching changes UV
        for (int p = 4; p < 400; p += 4) identity(warehouse, WS, "a" + p, "u" + (p + 1), "2026-07-01T00:00:00Z");
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static MetricQuery query(List<String> metrics, Granularity g, List<String> dims, List<Filter> filters) {
        return new MetricQuery(metrics, JUL1, LocalDate.parse("2026-07-20"), g, dims, filters, Comparison.NONE);
    }

    @Test
    void pvUvAndActiveUsersFromTheRollupEqualTheSameQueriesOverEvents() {
        MetricEngine rollup = engine(warehouse, WS), raw = rawEngine(warehouse, WS);
        List<MetricQuery> queries = List.of(
                query(List.of("pv", "uv"), Granularity.DAY, List.of("channel"), List.of()),
                query(List.of("uv", "pv"), Granularity.WEEK, List.of("device", "region"), List.of(new Filter("channel", "eq", List.of("douyin")))),
                query(List.of("uv"), Granularity.MONTH, List.of(), List.of(new Filter("platform", "in", List.of("ios", "android")))),
                query(List.of("pv", "uv"), Granularity.TOTAL, List.of("campaign"), List.of()),
                query(List.of("dau", "wau", "mau", "stickiness"), Granularity.DAY, List.of("channel"), List.of()),
                query(List.of("mau", "dau"), Granularity.WEEK, List.of(), List.of(new Filter("device", "neq", List.of("tablet")))));
        for (MetricQuery q : queries) {
            MetricResult a = rollup.run(WorkspaceId.of(WS), q), b = raw.run(WorkspaceId.of(WS), q);
            assertThat(a.rows()).as("%s by %s", q.metrics(), q.dimensions()).isNotEmpty().isEqualTo(b.rows());
        }
        long rows = warehouse.sql().sql("SELECT count(*) FROM metrics_activity WHERE workspace_id = ?").param(WS).query(Long.class).single();
        assertThat(rows).as("the rollup was built and is smaller than the events").isPositive().isLessThan(40_000);
    }

    @Test
    void queriesTheRollupCannotAnswerReadEvents() {
        MetricQuery byEvent = query(List.of("pv", "uv"), Granularity.DAY, List.of("event"), List.of());
        QueryScope scope = new QueryScope(WS, SHANGHAI, "CNY", byEvent.from(), byEvent.to(), Granularity.DAY, List.of("event"), List.of(), false, true);
        assertThat(EventSources.readsRollup(scope, Source.EVENTS, List.of(Measures.PV, Measures.UV))).isFalse();
        assertThat(engine(warehouse, WS).run(WorkspaceId.of(WS), byEvent).rows()).isEqualTo(rawEngine(warehouse, WS).run(WorkspaceId.of(WS), byEvent).rows());
    }

    @Test
    void announcedEventsAreCountedByTheNextQueryAndUnannouncedOnesAfterARestart() {
        ActivityRollup rollup = new ActivityRollup(warehouse);
        MetricEngine engine = Facts.engine(warehouse, Optional.of(rollup), FRESH);
        MetricQuery day = new MetricQuery(List.of("uv", "pv"), LocalDate.parse("2026-10-11"), LocalDate.parse("2026-10-11"), Granularity.DAY,
                List.of(), List.of(), Comparison.NONE);
        warehouse.append(a -> a.event(page(FRESH, null, "v1", "2026-10-11T02:00:00Z", "douyin")));
        assertThat(engine.run(WorkspaceId.of(FRESH), day).rows().get(0).values()).containsEntry("uv", 1L);

        // 23:30 local on the 11th (15:30 UTC): the same local day
        warehouse.append(a -> a.event(page(FRESH, null, "v2", "2026-10-11T15:30:00Z", "wechat")));
        rollup.on(new EventsAppended(FRESH, Instant.parse("2026-10-11T15:30:00Z"), Instant.parse("2026-10-11T15:30:00Z"), 1));
        assertThat(engine.run(WorkspaceId.of(FRESH), day).rows().get(0).values()).containsEntry("uv", 2L).containsEntry("pv", 2L);

        // written behind the engine's back (as the generate command does while the server is stopped)
        warehouse.append(a -> a.event(page(FRESH, null, "v3", "2026-10-11T03:00:00Z", "wechat")));
        MetricEngine restarted = Facts.engine(warehouse, Optional.of(new ActivityRollup(warehouse)), FRESH);
        assertThat(restarted.run(WorkspaceId.of(FRESH), day).rows().get(0).values()).containsEntry("uv", 3L).containsEntry("pv", 3L);
    }
}
