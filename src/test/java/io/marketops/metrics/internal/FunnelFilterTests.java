package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Filter;
import io.marketops.metrics.FunnelQuery;
import io.marketops.metrics.FunnelQuery.Order;
import io.marketops.metrics.FunnelQuery.Step;
import io.marketops.metrics.FunnelResult;
import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.marketops.metrics.internal.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Step filters and a channel breakdown on a view → cart → purchase funnel, one local day (2026-10-10,
 * Asia/Shanghai: 2026-10-09T16:00Z to 2026-10-10T16:00Z), a one-day window, strict order. Unless
 * noted, view is at 10:00 local, cart at 10:30 and purchase at 11:00. Expected counts are worked by
 * hand from the people below.
 */
class FunnelFilterTests {
    static final long WS = 71;
    @TempDir
    static Path dir;
    static StandaloneWarehouse warehouse;
    static FunnelEngine funnels;

    static void view(FactAppender a, String person, String utc, String channel) {
        a.event(event(WS, "track", "view", person, null, utc, channel, null));
    }

    static void cart(FactAppender a, String person, String utc) {
        a.event(track(WS, "cart", person, utc));
    }

    static void purchase(FactAppender a, String person, String utc, String properties) {
        a.event(event(WS, "track", "purchase", person, null, utc, null, properties));
    }

    @BeforeAll
    static void facts() {
        warehouse = warehouse(dir);
        warehouse.append(a -> {
            // f1 (douyin): purchase 150 → 3 with the filter
            view(a, "f1", "2026-10-10T02:00:00Z", "douyin");
            cart(a, "f1", "2026-10-10T02:30:00Z");
            purchase(a, "f1", "2026-10-10T03:00:00Z", "{\"amount\":150}");
            // f2 (douyin): purchase 80 → 2 with the filter, 3 without
            view(a, "f2", "2026-10-10T02:00:00Z", "douyin");
            cart(a, "f2", "2026-10-10T02:30:00Z");
            purchase(a, "f2", "2026-10-10T03:00:00Z", "{\"amount\":80}");
            // f3 (wechat): purchase 80 at 11:00, then 200 at 12:00 → 3 with the filter, by the 12:00 purchase (5400 s after cart)
            view(a, "f3", "2026-10-10T02:00:00Z", "wechat");
            cart(a, "f3", "2026-10-10T02:30:00Z");
            purchase(a, "f3", "2026-10-10T03:00:00Z", "{\"amount\":80}");
            purchase(a, "f3", "2026-10-10T04:00:00Z", "{\"amount\":200}");
            // f4 (wechat): purchase 300 at 10:10, before the cart at 10:20 → 2 in strict order (view→cart 1200 s)
            view(a, "f4", "2026-10-10T02:00:00Z", "wechat");
            purchase(a, "f4", "2026-10-10T02:10:00Z", "{\"amount\":300}");
            cart(a, "f4", "2026-10-10T02:20:00Z");
            // f5 (no channel): view only → 1
            view(a, "f5", "2026-10-10T02:00:00Z", null);
            // f6 (xiaohongshu): purchase 120.5 at 12:30 (7200 s after cart) → 3
            view(a, "f6", "2026-10-10T02:00:00Z", "xiaohongshu");
            cart(a, "f6", "2026-10-10T02:30:00Z");
            purchase(a, "f6", "2026-10-10T04:30:00Z", "{\"amount\":120.5}");
            // f7 (douyin): purchase exactly 100 → 2 with amount > 100, 3 with amount >= 100
            view(a, "f7", "2026-10-10T02:00:00Z", "douyin");
            cart(a, "f7", "2026-10-10T02:30:00Z");
            purchase(a, "f7", "2026-10-10T03:00:00Z", "{\"amount\":100}");
            // f8 (wechat): purchase without an amount → 2 with the filter
            view(a, "f8", "2026-10-10T02:00:00Z", "wechat");
            cart(a, "f8", "2026-10-10T02:30:00Z");
            purchase(a, "f8", "2026-10-10T03:00:00Z", "{\"coupon\":\"x\"}");
            // f9 (douyin): view 10-10 23:50 local (15:50Z) enters; cart 10-11 00:10 local (+1200 s), purchase 500 at 00:20 (+600 s) → 3
            view(a, "f9", "2026-10-10T15:50:00Z", "douyin");
            cart(a, "f9", "2026-10-10T16:10:00Z");
            purchase(a, "f9", "2026-10-10T16:20:00Z", "{\"amount\":500}");
            // f10 (douyin): view 10-11 00:10 local (still 10-10 in UTC) is outside the range → not counted at all
            view(a, "f10", "2026-10-10T16:10:00Z", "douyin");
            cart(a, "f10", "2026-10-10T16:15:00Z");
            purchase(a, "f10", "2026-10-10T16:20:00Z", "{\"amount\":999}");
        });
        // as the server builds it: unfiltered funnels read the step-event projection, filtered ones the events
        funnels = new FunnelEngine(warehouse, workspaces(WS), MetricsProperties.defaults(), java.util.Optional.of(new ActivityRollup(warehouse)));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static FunnelQuery funnel(List<Filter> viewFilters, List<Filter> purchaseFilters, String breakdown) {
        return new FunnelQuery(List.of(new Step("view", viewFilters), Step.of("cart"), new Step("purchase", purchaseFilters)), Duration.ofDays(1),
                LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-10"), Order.STRICT, breakdown);
    }

    static Filter amount(String op, String value) {
        return new Filter("properties.amount", op, List.of(value));
    }

    static List<Long> users(List<FunnelResult.StepResult> steps) {
        return steps.stream().map(FunnelResult.StepResult::users).toList();
    }

    @Test
    void withoutFiltersEveryPurchaseAfterTheCartCounts() {
        FunnelResult r = funnels.run(WorkspaceId.of(WS), funnel(List.of(), List.of(), null));
        // entered f1..f9 (f10 is 10-11 local) = 9; cart all but f5 = 8; purchase after cart: f1, f2, f3, f6, f7, f8, f9 = 7 (not f4)
        assertThat(users(r.steps())).containsExactly(9L, 8L, 7L);
        // cart→purchase seconds: 1800 × 5 (f1, f2, f3's first, f7, f8), 7200 (f6), 600 (f9) → median 1800
        assertThat(r.steps().get(2).medianSecondsFromPrevious()).isEqualTo(1800.0);
    }

    @Test
    void aPropertyFilterOnAStepCountsOnlyMatchingEvents() {
        FunnelResult r = funnels.run(WorkspaceId.of(WS), funnel(List.of(), List.of(amount("gt", "100")), null));
        // purchase with amount > 100 after the cart: f1 (150), f3 (200, its 80 does not match), f6 (120.5), f9 (500) = 4;
        // not f2 (80), f4 (300 but before the cart), f7 (100 is not > 100), f8 (no amount)
        assertThat(users(r.steps())).containsExactly(9L, 8L, 4L);
        assertThat(r.steps()).extracting(FunnelResult.StepResult::conversionFromPrevious).containsExactly(null, 0.888889, 0.5);
        assertThat(r.steps()).extracting(FunnelResult.StepResult::conversionFromFirst).containsExactly(null, 0.888889, 0.444444);
        // view→cart: 1800 × 6 (f1, f2, f3, f6, f7, f8), 1200 (f4), 1200 (f9) → median 1800;
        // cart→purchase: f1 1800, f3 5400 (the matching 12:00 purchase), f6 7200, f9 600 → median (1800 + 5400) / 2 = 3600
        assertThat(r.steps()).extracting(FunnelResult.StepResult::medianSecondsFromPrevious).containsExactly(null, 1800.0, 3600.0);
    }

    @Test
    void greaterOrEqualIncludesTheBoundaryValue() {
        FunnelResult r = funnels.run(WorkspaceId.of(WS), funnel(List.of(), List.of(amount("gte", "100")), null));
        // amount >= 100: f1, f3, f6, f7 (exactly 100), f9 = 5
        assertThat(users(r.steps())).containsExactly(9L, 8L, 5L);
    }

    @Test
    void aFilterOnTheFirstStepNarrowsWhoEnters() {
        FunnelResult r = funnels.run(WorkspaceId.of(WS), funnel(List.of(Filter.eq("channel", "wechat")), List.of(amount("gt", "100")), null));
        // wechat entries: f3, f4, f8; all cart; purchase > 100 after the cart: f3 only
        assertThat(users(r.steps())).containsExactly(3L, 3L, 1L);
    }

    @Test
    void breaksDownByChannelWithHandCountedStepsPerChannel() {
        FunnelResult r = funnels.run(WorkspaceId.of(WS), funnel(List.of(), List.of(amount("gt", "100")), "channel"));
        assertThat(users(r.steps())).containsExactly(9L, 8L, 4L);
        Map<String, List<Long>> byChannel = new HashMap<>();
        r.breakdown().forEach(b -> byChannel.put(b.value(), users(b.steps())));
        // douyin: f1 (3), f2 (2), f7 (2), f9 (3) → 4, 4, 2
        // wechat: f3 (3), f4 (2), f8 (2) → 3, 3, 1
        // xiaohongshu: f6 (3) → 1, 1, 1;  no channel: f5 (1) → 1, 0, 0
        assertThat(byChannel).containsOnly(Map.entry("douyin", List.of(4L, 4L, 2L)), Map.entry("wechat", List.of(3L, 3L, 1L)),
                Map.entry("xiaohongshu", List.of(1L, 1L, 1L)), new java.util.AbstractMap.SimpleEntry<>(null, List.of(1L, 0L, 0L)));
        // ordered by people entering: douyin, wechat, then the two with one each
        assertThat(r.breakdown()).extracting(FunnelResult.Breakdown::value).startsWith("douyin", "wechat");
        // per-channel conversion: douyin purchase 2 of 4 carts = 0.5; wechat 1 of 3 = 0.333333
        var douyin = r.breakdown().get(0).steps();
        assertThat(douyin.get(2).conversionFromPrevious()).isEqualTo(0.5);
        assertThat(r.breakdown().get(1).steps().get(2).conversionFromPrevious()).isEqualTo(0.333333);
        // the channels add up to the total
        for (int k = 0; k < 3; k++) {
            int step = k;
            assertThat(byChannel.values().stream().mapToLong(l -> l.get(step)).sum()).isEqualTo(r.steps().get(k).users());
        }
    }

    @Test
    void refusesStepFiltersOnUnknownPropertiesOrNonNumbersForComparisons() {
        assertThatThrownBy(() -> funnels.run(WorkspaceId.of(WS), funnel(List.of(), List.of(new Filter("properties.price", "gt", List.of("1"))), null)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("steps[2].filters[0].field").hasMessageContaining("unknown property 'price'");
        assertThatThrownBy(() -> funnels.run(WorkspaceId.of(WS), funnel(List.of(), List.of(amount("gt", "lots")), null)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("steps[2].filters[0].value").hasMessageContaining("not a number");
    }
}
