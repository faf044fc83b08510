package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Filter;
import io.marketops.metrics.FunnelQuery;
import io.marketops.metrics.FunnelQuery.Order;
import io.marketops.metrics.FunnelQuery.Step;
import io.marketops.metrics.FunnelResult;
import io.marketops.warehouse.EventsAppended;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.marketops.metrics.internal.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Funnels from the step-event projection ({@link StepEvents}) answer exactly what the same funnels over
 * {@code events} answer: the engine as the server runs it (with the rollup, so covered funnels read the projection)
 * against the engine without it, on generated data with stitched people, on hand-made edge cases (Asia/Shanghai
 * day boundaries, identities linked after the projection was built, days whose events changed after it was built).
 */
class FunnelProjectionTests {
    static final long GEN = 61, STITCH = 62, EDGE = 63, CHANGE = 64;
    static final String START = "2026-07-01 00:00:00+08";
    static final List<String> SHOP = List.of("view_item", "add_to_cart", "checkout", "purchase");
    @TempDir
    static Path dir;
    static StandaloneWarehouse warehouse;

    @BeforeAll
    static void facts() {
        warehouse = warehouse(dir);
        BenchmarkData.events(warehouse, GEN, 60_000, 2_000, 20, START);
        // anonymous people 4, 8, … linked to other people's user ids, some to users no event carries (two of them share one)
        for (int p = 4; p < 400; p += 4) identity(warehouse, GEN, "a" + p, "u" + (p + 1), "2026-07-01T00:00:00Z");
        for (int p = 400; p < 440; p += 4) identity(warehouse, GEN, "a" + p, "crm-" + (p / 8), "2026-07-01T00:00:00Z");
        // people with a user id whose anonymous id is linked elsewhere: the link wins over the event's user id
        for (int p = 1; p < 200; p += 8) identity(warehouse, GEN, "a" + p, "u" + (p + 2), "2026-07-01T00:00:00Z");
        // alias calls: earlier user ids merged into other people's, and into a user id no event carries
        for (int p = 3; p < 300; p += 16) alias(warehouse, GEN, "u" + p, "u" + (p + 4), "2026-07-01T00:00:00Z");
        for (int p = 7; p < 100; p += 32) alias(warehouse, GEN, "u" + p, "merged-" + p, "2026-07-01T00:00:00Z");
        BenchmarkData.events(warehouse, STITCH, 30_000, 1_000, 12, START);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static FunnelEngine projected(ActivityRollup rollup, long... ws) {
        return new FunnelEngine(warehouse, workspaces(ws), MetricsProperties.defaults(), Optional.of(rollup));
    }

    static FunnelEngine raw(long... ws) {
        return new FunnelEngine(warehouse, workspaces(ws), MetricsProperties.defaults(), Optional.empty());
    }

    static FunnelQuery funnel(List<String> steps, Duration window, String from, String to, Order order) {
        return new FunnelQuery(steps.stream().map(Step::of).toList(), window, LocalDate.parse(from), LocalDate.parse(to), order, null);
    }

    static long[] users(FunnelResult r) {
        return r.steps().stream().mapToLong(FunnelResult.StepResult::users).toArray();
    }

    static long rows(long ws) {
        return warehouse.sql().sql("SELECT count(*) FROM metrics_step_events WHERE workspace_id = ?").param(ws).query(Long.class).single();
    }

    @Test
    void projectedFunnelsEqualTheSameFunnelsOverEvents() {
        FunnelEngine projected = projected(new ActivityRollup(warehouse), GEN), raw = raw(GEN);
        List<FunnelQuery> queries = new ArrayList<>();
        for (Order order : Order.values()) {
            queries.add(funnel(SHOP, Duration.ofDays(7), "2026-07-01", "2026-07-10", order));
            queries.add(funnel(SHOP, Duration.ofHours(6), "2026-07-03", "2026-07-16", order));
            queries.add(funnel(SHOP.subList(0, 2), Duration.ofDays(1), "2026-07-05", "2026-07-05", order));
            queries.add(funnel(List.of("view_item", "purchase", "add_to_cart"), Duration.ofDays(3), "2026-07-01", "2026-07-20", order));
            // page names are steps too (page events are in the projection), and repeated steps
            queries.add(funnel(List.of("page_3", "view_item", "page_3", "purchase"), Duration.ofDays(2), "2026-07-02", "2026-07-12", order));
        }
        queries.add(funnel(List.of("checkout"), Duration.ofMinutes(30), "2026-07-01", "2026-07-31", Order.STRICT));
        queries.add(funnel(List.of("view_item", "no_such_event"), Duration.ofDays(7), "2026-07-01", "2026-07-10", Order.STRICT));
        queries.add(funnel(SHOP, Duration.ofDays(7), "2026-06-01", "2026-06-20", Order.STRICT)); // before any event
        for (FunnelQuery q : queries) {
            assertThat(StepEvents.covers(q)).isTrue();
            FunnelResult a = projected.run(WorkspaceId.of(GEN), q), b = raw.run(WorkspaceId.of(GEN), q);
            assertThat(a).as("%s %s %s..%s %s", q.steps().stream().map(Step::event).toList(), q.window(), q.from(), q.to(), q.order()).isEqualTo(b);
        }
        assertThat(users(raw.run(WorkspaceId.of(GEN), queries.get(0)))[3]).as("the data makes a real funnel").isPositive();
        assertThat(rows(GEN)).as("the projection was built and read").isPositive();
    }

    @Test
    void funnelsWithStepFiltersOrABreakdownReadEventsAndAgree() {
        FunnelEngine projected = projected(new ActivityRollup(warehouse), GEN), raw = raw(GEN);
        FunnelQuery filtered = new FunnelQuery(List.of(Step.of("view_item"), new Step("add_to_cart", List.of(new Filter("properties.plan", "eq", List.of("pro"))))),
                Duration.ofDays(7), LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-10"), Order.STRICT, null);
        FunnelQuery byChannel = new FunnelQuery(SHOP.stream().map(Step::of).toList(), Duration.ofDays(7), LocalDate.parse("2026-07-01"),
                LocalDate.parse("2026-07-10"), Order.STRICT, "channel");
        assertThat(StepEvents.covers(filtered)).isFalse();
        assertThat(StepEvents.covers(byChannel)).isFalse();
        assertThat(projected.run(WorkspaceId.of(GEN), filtered)).isEqualTo(raw.run(WorkspaceId.of(GEN), filtered));
        FunnelResult split = projected.run(WorkspaceId.of(GEN), byChannel);
        assertThat(split).isEqualTo(raw.run(WorkspaceId.of(GEN), byChannel));
        assertThat(split.steps()).as("the breakdown's total is the unbroken funnel, which reads the projection")
                .isEqualTo(projected.run(WorkspaceId.of(GEN), funnel(SHOP, Duration.ofDays(7), "2026-07-01", "2026-07-10", Order.STRICT)).steps());
        FunnelQuery oneStep = new FunnelQuery(List.of(Step.of("checkout")), Duration.ofDays(1), LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-10"), Order.STRICT, "device");
        FunnelResult devices = projected.run(WorkspaceId.of(GEN), oneStep);
        assertThat(devices.breakdown()).extracting(FunnelResult.Breakdown::value).containsExactlyInAnyOrder("mobile", "desktop", "tablet");
        assertThat(devices.steps().get(0).users()).isEqualTo(devices.breakdown().stream().mapToLong(b -> b.steps().get(0).users()).sum());
    }

    @Test
    void identitiesLinkedAfterTheProjectionWasBuiltCountAtOnce() {
        FunnelEngine projected = projected(new ActivityRollup(warehouse), STITCH), raw = raw(STITCH);
        FunnelQuery strict = funnel(SHOP, Duration.ofDays(7), "2026-07-01", "2026-07-08", Order.STRICT);
        FunnelQuery any = funnel(SHOP, Duration.ofDays(7), "2026-07-01", "2026-07-08", Order.ANY);
        FunnelResult before = projected.run(WorkspaceId.of(STITCH), strict);
        assertThat(before).isEqualTo(raw.run(WorkspaceId.of(STITCH), strict));
        long built = rows(STITCH);
        assertThat(built).isPositive();
        // the first links of the workspace (so statements start joining identities), then more: no rebuild in between
        for (int p = 0; p < 1_000; p += 4) identity(warehouse, STITCH, "a" + p, "u" + (p + 1), "2026-07-02T00:00:00Z");
        for (int p = 2; p < 1_000; p += 8) identity(warehouse, STITCH, "a" + p, "new-" + (p % 5), "2026-07-02T00:00:00Z");
        for (FunnelQuery q : List.of(strict, any)) {
            assertThat(projected.run(WorkspaceId.of(STITCH), q)).as("%s", q.order()).isEqualTo(raw.run(WorkspaceId.of(STITCH), q));
        }
        FunnelResult after = projected.run(WorkspaceId.of(STITCH), strict);
        assertThat(users(after)).as("stitching merged people").isNotEqualTo(users(before));
        assertThat(users(after)[0]).isLessThan(users(before)[0]);
        assertThat(rows(STITCH)).as("nothing was rebuilt").isEqualTo(built);
    }

    @Test
    void localDayEdgesOfAsiaShanghaiAndStrictVersusAnyOrder() {
        warehouse.append(a -> {
            // e1 enters at 23:59:59 local on the 10th (the range's last day): cart after the range, inside the window
            a.event(track(EDGE, "view", "e1", "2026-10-10T15:59:59Z"));
            a.event(track(EDGE, "cart", "e1", "2026-10-11T15:59:59Z"));
            // e2's view at 00:00 local on the 11th is outside the range
            a.event(track(EDGE, "view", "e2", "2026-10-10T16:00:00Z"));
            a.event(track(EDGE, "cart", "e2", "2026-10-10T17:00:00Z"));
            // e3 enters at 00:00 local on the 9th (first day): buys before carting → 2 strict, 3 any
            a.event(track(EDGE, "view", "e3", "2026-10-08T16:00:00Z"));
            a.event(track(EDGE, "buy", "e3", "2026-10-08T17:00:00Z"));
            a.event(track(EDGE, "cart", "e3", "2026-10-08T18:00:00Z"));
            // e4: a view at 23:59:59 local on the 8th is outside; cart exactly one window after the entry counts (inclusive)
            a.event(track(EDGE, "view", "e4", "2026-10-08T15:59:59Z"));
            a.event(track(EDGE, "view", "e4", "2026-10-09T04:00:00Z"));
            a.event(track(EDGE, "cart", "e4", "2026-10-10T04:00:00Z"));
            a.event(track(EDGE, "buy", "e4", "2026-10-10T04:00:00.000001Z"));
            // an5, stitched to u5: views anonymously, carts and buys signed in, all in one second
            a.event(event(EDGE, "track", "view", null, "an5", "2026-10-09T01:00:00Z", null, null));
            a.event(event(EDGE, "track", "cart", "u5", "an5", "2026-10-09T01:00:00.5Z", null, null));
            a.event(event(EDGE, "track", "buy", "u5", null, "2026-10-09T01:00:01Z", null, null));
        });
        identity(warehouse, EDGE, "an5", "u5", "2026-10-09T01:00:00Z");
        FunnelEngine projected = projected(new ActivityRollup(warehouse), EDGE), raw = raw(EDGE);
        FunnelQuery strict = new FunnelQuery(List.of(Step.of("view"), Step.of("cart"), Step.of("buy")), Duration.ofDays(1),
                LocalDate.parse("2026-10-09"), LocalDate.parse("2026-10-10"), Order.STRICT, null);
        FunnelQuery any = new FunnelQuery(strict.steps(), strict.window(), strict.from(), strict.to(), Order.ANY, null);
        FunnelResult s = projected.run(WorkspaceId.of(EDGE), strict), n = projected.run(WorkspaceId.of(EDGE), any);
        // entered: e1, e3, e4, u5; cart: all four; buy strict: u5 (e4's buy is past the window) — any: e3 and u5
        assertThat(users(s)).containsExactly(4L, 4L, 1L);
        assertThat(users(n)).containsExactly(4L, 4L, 2L);
        assertThat(s).isEqualTo(raw.run(WorkspaceId.of(EDGE), strict));
        assertThat(n).isEqualTo(raw.run(WorkspaceId.of(EDGE), any));
        // view→cart: 86400 (e1), 7200 (e3), 86400 (e4), 0.5 (u5) → 46800; cart→buy: 0.5 (u5)
        assertThat(s.steps()).extracting(FunnelResult.StepResult::medianSecondsFromPrevious).containsExactly(null, 46800.0, 0.5);
        assertThat(warehouse.sql().sql("SELECT min(day) || '..' || max(day) FROM metrics_step_events WHERE workspace_id = ?").param(EDGE).query(String.class).single())
                .as("local days of Asia/Shanghai: the 16:00Z event of the 8th is on the 9th, the range + window ends on the 11th").isEqualTo("2026-10-09..2026-10-11");
    }

    @Test
    void daysWhoseEventsChangedAfterTheBuildAreRebuiltBeforeTheyAreRead() {
        ActivityRollup rollup = new ActivityRollup(warehouse);
        FunnelEngine projected = projected(rollup, CHANGE), raw = raw(CHANGE);
        FunnelQuery q = new FunnelQuery(List.of(Step.of("view"), Step.of("cart"), Step.of("buy")), Duration.ofDays(2),
                LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-12"), Order.STRICT, null);
        warehouse.append(a -> {
            a.event(track(CHANGE, "view", "c1", "2026-10-10T02:00:00Z"));
            a.event(track(CHANGE, "cart", "c1", "2026-10-10T03:00:00Z"));
            a.event(track(CHANGE, "view", "c2", "2026-10-11T02:00:00Z"));
        });
        assertThat(users(projected.run(WorkspaceId.of(CHANGE), q))).containsExactly(2L, 1L, 0L);

        // announced (as every append in the server is): the next funnel counts it
        warehouse.append(a -> a.event(track(CHANGE, "buy", "c1", "2026-10-10T04:00:00Z")));
        rollup.on(new EventsAppended(CHANGE, Instant.parse("2026-10-10T04:00:00Z"), Instant.parse("2026-10-10T04:00:00Z"), 1));
        assertThat(users(projected.run(WorkspaceId.of(CHANGE), q))).containsExactly(2L, 1L, 1L);

        // a new day inside the window (after the range), announced
        warehouse.append(a -> a.event(track(CHANGE, "cart", "c2", "2026-10-13T01:00:00Z")));
        rollup.on(new EventsAppended(CHANGE, Instant.parse("2026-10-13T01:00:00Z"), Instant.parse("2026-10-13T01:00:00Z"), 1));
        assertThat(projected.run(WorkspaceId.of(CHANGE), q)).isEqualTo(raw.run(WorkspaceId.of(CHANGE), q));
        assertThat(users(projected.run(WorkspaceId.of(CHANGE), q))).containsExactly(2L, 2L, 1L);

        // changed behind the engine's back (a deletion, as a repair script would): caught on the first read after a restart
        warehouse.sql().sql("DELETE FROM events_stored WHERE workspace_id = ? AND event = 'cart' AND user_id = 'c1'").param(CHANGE).update();
        FunnelEngine restarted = projected(new ActivityRollup(warehouse), CHANGE);
        assertThat(users(restarted.run(WorkspaceId.of(CHANGE), q))).containsExactly(2L, 1L, 0L);
        assertThat(restarted.run(WorkspaceId.of(CHANGE), q)).isEqualTo(raw.run(WorkspaceId.of(CHANGE), q));
        assertThat(rows(CHANGE)).isEqualTo(4);
    }
}
