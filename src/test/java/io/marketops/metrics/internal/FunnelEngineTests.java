package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.FunnelQuery;
import io.marketops.metrics.FunnelQuery.Order;
import io.marketops.metrics.FunnelQuery.Step;
import io.marketops.metrics.FunnelResult;
import io.marketops.metrics.Funnels;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.marketops.metrics.internal.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A view → cart → buy funnel with a one-day window over local days 2026-10-10..11 (Asia/Shanghai,
 * so the range is 2026-10-09T16:00Z to 2026-10-11T16:00Z). Each person's path is described beside
 * their events; the expected counts follow from the semantics, worked by hand.
 */
class FunnelEngineTests {
    static final long WS = 51;
    @TempDir
    static Path dir;
    static StandaloneWarehouse warehouse;
    static FunnelEngine funnels;

    @BeforeAll
    static void facts() {
        warehouse = warehouse(dir);
        warehouse.append(a -> {
            // p1 (douyin): view, cart +1 h, buy +1 h → 3
            a.event(event(WS, "track", "view", "p1", null, "2026-10-10T02:00:00Z", "douyin", null));
            a.event(track(WS, "cart", "p1", "2026-10-10T03:00:00Z"));
            a.event(track(WS, "buy", "p1", "2026-10-10T04:00:00Z"));
            // p2: first entry (douyin) sees cart only after 25 h; second entry (wechat) carts 2 h later → 2, counted by the second
            a.event(event(WS, "track", "view", "p2", null, "2026-10-10T02:00:00Z", "douyin", null));
            a.event(event(WS, "track", "view", "p2", null, "2026-10-11T01:00:00Z", "wechat", null));
            a.event(track(WS, "cart", "p2", "2026-10-11T03:00:00Z"));
            // p3 (wechat): buys before carting → 2 in strict order, 3 in any order
            a.event(event(WS, "track", "view", "p3", null, "2026-10-10T02:00:00Z", "wechat", null));
            a.event(track(WS, "buy", "p3", "2026-10-10T02:30:00Z"));
            a.event(track(WS, "cart", "p3", "2026-10-10T03:00:00Z"));
            // p4 (no channel): a view at 10-09 23:59 local is outside; the one at 10-11 23:59:59 local enters; cart after the range but in the window → 2
            a.event(track(WS, "view", "p4", "2026-10-09T15:59:00Z"));
            a.event(track(WS, "cart", "p4", "2026-10-09T16:30:00Z"));
            a.event(track(WS, "view", "p4", "2026-10-11T15:59:59Z"));
            a.event(track(WS, "cart", "p4", "2026-10-12T00:00:00Z"));
            // p5: view at 10-12 00:00 local is outside the range
            a.event(track(WS, "view", "p5", "2026-10-11T16:00:00Z"));
            a.event(track(WS, "cart", "p5", "2026-10-11T16:10:00Z"));
            // an6 is stitched to u6 (douyin): view anonymously, cart and buy signed in → 3
            a.event(event(WS, "track", "view", null, "an6", "2026-10-10T05:00:00Z", "douyin", null));
            a.event(event(WS, "track", "cart", "u6", "an6", "2026-10-10T06:00:00Z", null, null));
            a.event(event(WS, "track", "buy", "u6", "an6", "2026-10-10T06:30:00Z", null, null));
            // p7 (douyin): view only → 1
            a.event(event(WS, "track", "view", "p7", null, "2026-10-10T08:00:00Z", "douyin", null));
        });
        identity(warehouse, WS, "an6", "u6", "2026-10-10T06:00:00Z");
        funnels = new FunnelEngine(warehouse, workspaces(WS), MetricsProperties.defaults(), java.util.Optional.of(new ActivityRollup(warehouse)));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static FunnelQuery query(Order order, String breakdown) {
        return new FunnelQuery(List.of(Step.of("view"), Step.of("cart"), Step.of("buy")), Duration.ofDays(1),
                LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-11"), order, breakdown);
    }

    @Test
    void countsEachPersonOnceByTheEntryThatGetsFurthest() {
        FunnelResult r = funnels.run(WorkspaceId.of(WS), query(Order.STRICT, null));
        // entered: p1, p2, p3, p4, u6, p7; cart: all but p7; buy: p1 and u6
        assertThat(r.steps()).extracting(FunnelResult.StepResult::users).containsExactly(6L, 5L, 2L);
        assertThat(r.steps()).extracting(FunnelResult.StepResult::conversionFromPrevious).containsExactly(null, 0.833333, 0.4);
        assertThat(r.steps()).extracting(FunnelResult.StepResult::conversionFromFirst).containsExactly(null, 0.833333, 0.333333);
        // view→cart: 3600 (p1), 7200 (p2), 3600 (p3), 28801 (p4), 3600 (u6) → 3600; cart→buy: 3600 (p1), 1800 (u6) → 2700
        assertThat(r.steps()).extracting(FunnelResult.StepResult::medianSecondsFromPrevious).containsExactly(null, 3600.0, 2700.0);
    }

    @Test
    void anyOrderAcceptsLaterStepsInAnyOrderAfterTheEntry() {
        FunnelResult r = funnels.run(WorkspaceId.of(WS), query(Order.ANY, null));
        assertThat(r.steps()).extracting(FunnelResult.StepResult::users).containsExactly(6L, 5L, 3L);
    }

    @Test
    void breaksDownByTheCountedEntrysChannel() {
        FunnelResult r = funnels.run(WorkspaceId.of(WS), query(Order.STRICT, "channel"));
        assertThat(r.steps()).extracting(FunnelResult.StepResult::users).containsExactly(6L, 5L, 2L);
        assertThat(r.breakdown()).extracting(FunnelResult.Breakdown::value, b -> b.steps().stream().map(FunnelResult.StepResult::users).toList())
                .containsExactly(tuple("douyin", List.of(3L, 2L, 2L)), tuple("wechat", List.of(2L, 2L, 0L)), tuple(null, List.of(1L, 1L, 0L)));
    }

    @Test
    void listsThePeopleWhoDroppedAtAStep() {
        var atCart = funnels.droppedAt(WorkspaceId.of(WS), query(Order.STRICT, null), 2, new PageQuery(1, 50, "person", false));
        assertThat(atCart.items()).extracting(Funnels.DroppedPerson::person).containsExactly("p7");
        var atBuy = funnels.droppedAt(WorkspaceId.of(WS), query(Order.STRICT, null), 3, new PageQuery(1, 2, "person", false));
        assertThat(atBuy.total()).isEqualTo(3);
        assertThat(atBuy.items()).extracting(Funnels.DroppedPerson::person).containsExactly("p2", "p3");
        assertThat(atBuy.items().get(0).enteredAt()).isEqualTo(java.time.Instant.parse("2026-10-11T01:00:00Z"));
    }

    @Test
    void refusesInvalidFunnels() {
        var base = query(Order.STRICT, null);
        assertThatThrownBy(() -> funnels.run(WorkspaceId.of(WS), new FunnelQuery(base.steps(), base.window(), base.to(), base.from(), Order.STRICT, null)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("to: must not be before from");
        assertThatThrownBy(() -> funnels.run(WorkspaceId.of(WS), new FunnelQuery(base.steps(), Duration.ofDays(91), base.from(), base.to(), Order.STRICT, null)))
                .hasMessageContaining("window: must be more than 0 and at most P90D");
        assertThatThrownBy(() -> funnels.run(WorkspaceId.of(WS), new FunnelQuery(List.of(Step.of("view"), new Step(" ", List.of())), base.window(), base.from(), base.to(), Order.STRICT, null)))
                .hasMessageContaining("steps[1].event: is required");
        assertThatThrownBy(() -> funnels.droppedAt(WorkspaceId.of(WS), base, 1, new PageQuery(1, 10, "person", false)))
                .hasMessageContaining("step: must be between 2 and 3");
        assertThat(Set.of(base.order())).containsExactly(Order.STRICT);
    }
}
