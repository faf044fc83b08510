package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.PathQuery;
import io.marketops.metrics.PathResult;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.marketops.metrics.internal.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Paths after and before the home page on hand-written sequences. */
class PathEngineTests {
    static final long WS = 62, MIDNIGHT = 65;
    @TempDir
    static Path dir;
    static StandaloneWarehouse warehouse;
    static PathEngine paths;

    @BeforeAll
    static void facts() {
        warehouse = warehouse(dir);
        warehouse.append(a -> {
            // q1: home, home (repeat, collapsed), view, cart, buy
            a.event(page(WS, "q1", null, "2026-10-10T01:00:00Z", null));
            a.event(page(WS, "q1", null, "2026-10-10T01:01:00Z", null));
            a.event(track(WS, "view", "q1", "2026-10-10T01:02:00Z"));
            a.event(track(WS, "cart", "q1", "2026-10-10T01:03:00Z"));
            a.event(track(WS, "buy", "q1", "2026-10-10T01:04:00Z"));
            // q2: home, view, view (collapsed), help page
            a.event(page(WS, "q2", null, "2026-10-10T01:00:00Z", null));
            a.event(track(WS, "view", "q2", "2026-10-10T01:05:00Z"));
            a.event(track(WS, "view", "q2", "2026-10-10T01:06:00Z"));
            a.event(event(WS, "page", "help", "q2", null, "2026-10-10T01:07:00Z", null, null));
            // q3: home, view, cart; q4: home only; q5: view, then home nine hours later
            a.event(page(WS, "q3", null, "2026-10-10T02:00:00Z", null));
            a.event(track(WS, "view", "q3", "2026-10-10T02:01:00Z"));
            a.event(track(WS, "cart", "q3", "2026-10-10T02:02:00Z"));
            a.event(page(WS, "q4", null, "2026-10-10T03:00:00Z", null));
            a.event(track(WS, "view", "q5", "2026-10-10T01:00:00Z"));
            a.event(page(WS, "q5", null, "2026-10-10T10:00:00Z", null));
        });
        warehouse.append(a -> {
            // Around Shanghai midnight (UTC+8), anchor "home" on local day 2026-10-20 = 2026-10-19T16:00Z .. 2026-10-20T16:00Z.
            // m1 (douyin): home 10-20 23:50 local, then view and cart after midnight (10-21 00:05, 00:10 local)
            a.event(page(MIDNIGHT, "m1", null, "2026-10-20T15:50:00Z", "douyin"));
            a.event(track(MIDNIGHT, "view", "m1", "2026-10-20T16:05:00Z"));
            a.event(track(MIDNIGHT, "cart", "m1", "2026-10-20T16:10:00Z"));
            // m2 (douyin, ref=ad): home 10-21 00:10 local — still 10-20 in UTC, but outside the local day
            a.event(event(MIDNIGHT, "page", "home", "m2", null, "2026-10-20T16:10:00Z", "douyin", "{\"ref\":\"ad\"}"));
            a.event(track(MIDNIGHT, "view", "m2", "2026-10-20T16:20:00Z"));
            a.event(track(MIDNIGHT, "buy", "m2", "2026-10-20T16:30:00Z"));
            // m3 (wechat, ref=ad): view 10-19 23:55 local, home 10-20 00:10 local (10-19 in UTC), help page 00:20 local
            a.event(track(MIDNIGHT, "view", "m3", "2026-10-19T15:55:00Z"));
            a.event(event(MIDNIGHT, "page", "home", "m3", null, "2026-10-19T16:10:00Z", "wechat", "{\"ref\":\"ad\"}"));
            a.event(event(MIDNIGHT, "page", "help", "m3", null, "2026-10-19T16:20:00Z", null, null));
            // m4: home 10-19 23:50 local (douyin, the day before: not the anchor); home 10-20 12:00 (wechat), cart 12:05,
            // home 12:40 (douyin), buy 12:45 local
            a.event(page(MIDNIGHT, "m4", null, "2026-10-19T15:50:00Z", "douyin"));
            a.event(page(MIDNIGHT, "m4", null, "2026-10-20T04:00:00Z", "wechat"));
            a.event(track(MIDNIGHT, "cart", "m4", "2026-10-20T04:05:00Z"));
            a.event(page(MIDNIGHT, "m4", null, "2026-10-20T04:40:00Z", "douyin"));
            a.event(track(MIDNIGHT, "buy", "m4", "2026-10-20T04:45:00Z"));
        });
        paths = new PathEngine(warehouse, workspaces(WS), MetricsProperties.defaults());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static PathQuery query(PathQuery.Direction d, int steps, Duration window) {
        return new PathQuery("home", List.of(), d, steps, window, LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-10"), 10);
    }

    @Test
    void summarisesThePathsAfterTheFirstAnchor() {
        PathResult r = paths.run(WorkspaceId.of(WS), query(PathQuery.Direction.AFTER, 3, Duration.ofHours(1)));
        assertThat(r.people()).isEqualTo(5);
        assertThat(r.topPaths()).extracting(PathResult.Path::events, PathResult.Path::people).containsExactly(
                tuple(List.of("view", "cart", "buy"), 1L), tuple(List.of("view", "cart"), 1L), tuple(List.of("view", "help"), 1L));
        assertThat(r.links()).extracting(PathResult.Link::source, PathResult.Link::target, PathResult.Link::value).containsExactlyInAnyOrder(
                tuple("0 · home", "1 · view", 3L), tuple("1 · view", "2 · cart", 2L), tuple("2 · cart", "3 · buy", 1L), tuple("1 · view", "2 · help", 1L));
        assertThat(r.nodes()).extracting(PathResult.Node::name, PathResult.Node::people).startsWith(tuple("0 · home", 5L), tuple("1 · view", 3L));
    }

    @Test
    void readsPathsBackwardsBeforeTheAnchor() {
        PathResult r = paths.run(WorkspaceId.of(WS), query(PathQuery.Direction.BEFORE, 2, Duration.ofDays(1)));
        assertThat(r.people()).isEqualTo(5);
        assertThat(r.topPaths()).extracting(PathResult.Path::events, PathResult.Path::people).containsExactly(tuple(List.of("view"), 1L));
    }

    static PathResult midnight(PathQuery.Direction d, List<io.marketops.metrics.Filter> filters) {
        return paths.run(WorkspaceId.of(MIDNIGHT), new PathQuery("home", filters, d, 3, Duration.ofHours(1), LocalDate.parse("2026-10-20"), LocalDate.parse("2026-10-20"), 10));
    }

    @Test
    void anchorsAreTakenOnTheShanghaiDayAndPathsRunPastMidnight() {
        PathResult r = midnight(PathQuery.Direction.AFTER, List.of());
        // anchors on local 10-20: m1 (23:50), m3 (00:10, 10-19 in UTC), m4 (12:00; its 10-19 23:50 home is the day before); not m2 (10-21 00:10 local)
        assertThat(r.people()).isEqualTo(3);
        // m1: view, cart after midnight; m3: help; m4 within the hour from 12:00: cart, home, buy
        assertThat(r.topPaths()).extracting(PathResult.Path::events, PathResult.Path::people).containsExactlyInAnyOrder(
                tuple(List.of("view", "cart"), 1L), tuple(List.of("help"), 1L), tuple(List.of("cart", "home", "buy"), 1L));
        assertThat(r.nodes()).extracting(PathResult.Node::name, PathResult.Node::people).contains(tuple("0 · home", 3L), tuple("1 · cart", 1L), tuple("3 · buy", 1L));
    }

    @Test
    void pathsBeforeTheAnchorRunBackPastMidnight() {
        PathResult r = midnight(PathQuery.Direction.BEFORE, List.of());
        // only m3 has an event in the hour before its anchor: the view at 10-19 23:55 local, 15 minutes before
        assertThat(r.people()).isEqualTo(3);
        assertThat(r.topPaths()).extracting(PathResult.Path::events, PathResult.Path::people).containsExactly(tuple(List.of("view"), 1L));
    }

    @Test
    void filtersChooseTheAnchorEvent() {
        PathResult douyin = midnight(PathQuery.Direction.AFTER, List.of(io.marketops.metrics.Filter.eq("channel", "douyin")));
        // douyin homes on local 10-20: m1 (23:50) and m4 (12:40, so its path starts there: buy); m3's is wechat, m2's is on 10-21
        assertThat(douyin.people()).isEqualTo(2);
        assertThat(douyin.topPaths()).extracting(PathResult.Path::events, PathResult.Path::people).containsExactlyInAnyOrder(
                tuple(List.of("view", "cart"), 1L), tuple(List.of("buy"), 1L));
        PathResult ad = midnight(PathQuery.Direction.AFTER, List.of(io.marketops.metrics.Filter.eq("properties.ref", "ad")));
        // ref=ad homes: m3 (in the day) and m2 (10-21 local, outside)
        assertThat(ad.people()).isEqualTo(1);
        assertThat(ad.topPaths()).extracting(PathResult.Path::events, PathResult.Path::people).containsExactly(tuple(List.of("help"), 1L));
    }

    @Test
    void refusesFiltersOnUnknownProperties() {
        assertThatThrownBy(() -> midnight(PathQuery.Direction.AFTER, List.of(io.marketops.metrics.Filter.eq("properties.nope", "x"))))
                .hasMessageContaining("filters[0].field").hasMessageContaining("unknown property 'nope'");
    }

    @Test
    void refusesBadDepthAndWindow() {
        assertThatThrownBy(() -> paths.run(WorkspaceId.of(WS), query(PathQuery.Direction.AFTER, 11, Duration.ofHours(1)))).hasMessageContaining("steps: must be between 1 and 10");
        assertThatThrownBy(() -> paths.run(WorkspaceId.of(WS), query(PathQuery.Direction.AFTER, 3, Duration.ofDays(31)))).hasMessageContaining("window: must be more than 0 and at most P30D");
    }
}
