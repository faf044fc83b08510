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
    static final long WS = 62;
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

    @Test
    void refusesBadDepthAndWindow() {
        assertThatThrownBy(() -> paths.run(WorkspaceId.of(WS), query(PathQuery.Direction.AFTER, 11, Duration.ofHours(1)))).hasMessageContaining("steps: must be between 1 and 10");
        assertThatThrownBy(() -> paths.run(WorkspaceId.of(WS), query(PathQuery.Direction.AFTER, 3, Duration.ofDays(31)))).hasMessageContaining("window: must be more than 0 and at most P30D");
    }
}
