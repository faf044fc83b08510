package io.marketops.metrics.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.PathQuery;
import io.marketops.metrics.PathResult;
import io.marketops.metrics.Paths;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paths: SQL finds each person's anchor and the following (or preceding) events and returns the
 * distinct paths with their people; nodes and links for the Sankey are summed from those here.
 */
@Service
class PathEngine implements Paths {
    static final int MAX_DISTINCT_PATHS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Warehouse warehouse;
    private final Workspaces workspaces;
    private final MetricsProperties limits;

    PathEngine(Warehouse warehouse, Workspaces workspaces, MetricsProperties limits) {
        this.warehouse = warehouse;
        this.workspaces = workspaces;
        this.limits = limits;
    }

    @Override
    public PathResult run(WorkspaceId ws, PathQuery q) {
        Workspace w = workspaces.get(ws);
        validate(w, q);
        Instant start = q.from().atStartOfDay(w.timezone()).toInstant(), end = q.to().plusDays(1).atStartOfDay(w.timezone()).toInstant();
        boolean after = q.direction() == PathQuery.Direction.AFTER;
        long window = q.window().toSeconds();
        Sql anchor = Sql.of("(e.event = ?", q.event());
        Sql f = EventFilters.events(q.filters());
        if (!f.text().isEmpty()) anchor.add(" AND ").add(f);
        anchor.add(")");
        Sql cols = Sql.of("CASE WHEN e.type IN ('page', 'screen') THEN coalesce(e.event, e.path, e.type) ELSE e.event END AS label, ").add(anchor).add(" AS ma");
        Sql sql = Sql.of("WITH ").add(EventScope.narrow("ev", w.id().value(), EventScope.stitched(warehouse, w.id().value()), start.minusSeconds(window), end.plusSeconds(window), cols, Sql.of(EventSources.ACTIVE)))
                .add(", a AS (SELECT person, min(ts) AS t0 FROM ev WHERE ma AND ts >= CAST(? AS TIMESTAMPTZ) AND ts < CAST(? AS TIMESTAMPTZ) GROUP BY person)",
                        start.toString(), end.toString())
                .add(", s AS (SELECT a.person, e.ts, e.label FROM a JOIN ev e ON e.person = a.person AND "
                        + (after ? "e.ts > a.t0 AND e.ts <= a.t0 + to_seconds(CAST(? AS BIGINT))" : "e.ts < a.t0 AND e.ts >= a.t0 - to_seconds(CAST(? AS BIGINT))") + ")", window)
                .add(", d AS (SELECT *, lag(label, 1, ?) OVER (PARTITION BY person ORDER BY ts" + (after ? "" : " DESC") + ") AS prev FROM s)", q.event())
                .add(", k AS (SELECT person, label, row_number() OVER (PARTITION BY person ORDER BY ts" + (after ? "" : " DESC") + ") AS step FROM d WHERE label IS DISTINCT FROM prev)")
                .add(", p AS (SELECT person, list(label ORDER BY step) AS path FROM k WHERE step <= ? GROUP BY person)", q.steps())
                .add(" SELECT to_json(coalesce(p.path, [])) AS path, count(*) AS people FROM a LEFT JOIN p ON p.person = a.person GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?", MAX_DISTINCT_PATHS);
        List<PathResult.Path> paths = new ArrayList<>();
        warehouse.sql().sql(sql.text()).params(sql.params()).query(rs -> {
            paths.add(new PathResult.Path(parse(rs.getString("path")), rs.getLong("people")));
        });
        return graph(q, paths);
    }

    private static List<String> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("unreadable path " + json, e);
        }
    }

    /** Sums node and link people over the distinct paths. */
    static PathResult graph(PathQuery q, List<PathResult.Path> paths) {
        Map<String, PathResult.Node> nodes = new LinkedHashMap<>();
        Map<String, long[]> links = new LinkedHashMap<>();
        long people = 0;
        for (PathResult.Path p : paths) {
            people += p.people();
            String prev = node(nodes, 0, q.event(), p.people());
            for (int k = 0; k < p.events().size(); k++) {
                String name = node(nodes, k + 1, p.events().get(k), p.people());
                links.computeIfAbsent(prev + "\u0000" + name, x -> new long[1])[0] += p.people();
                prev = name;
            }
        }
        List<PathResult.Link> linkList = new ArrayList<>();
        links.forEach((key, v) -> {
            String[] st = key.split("\u0000");
            linkList.add(new PathResult.Link(st[0], st[1], v[0]));
        });
        linkList.sort(Comparator.comparingLong(PathResult.Link::value).reversed());
        List<PathResult.Node> nodeList = new ArrayList<>(nodes.values());
        nodeList.sort(Comparator.comparingInt(PathResult.Node::step).thenComparing(Comparator.comparingLong(PathResult.Node::people).reversed()));
        List<PathResult.Path> top = paths.stream().filter(p -> !p.events().isEmpty()).limit(q.top()).toList();
        return new PathResult(q.event(), q.direction().name().toLowerCase(), people, nodeList, linkList, top);
    }

    private static String node(Map<String, PathResult.Node> nodes, int step, String event, long people) {
        String name = step + " · " + event;
        PathResult.Node n = nodes.get(name);
        nodes.put(name, new PathResult.Node(name, step, event, (n == null ? 0 : n.people()) + people));
        return name;
    }

    private void validate(Workspace w, PathQuery q) {
        if (q.event() == null || q.event().isBlank()) throw new InvalidRequest("event", "is required: the event the paths start from (or lead to)");
        if (q.steps() < 1 || q.steps() > 10) throw new InvalidRequest("steps", "must be between 1 and 10, was " + q.steps());
        if (q.top() < 1 || q.top() > 100) throw new InvalidRequest("top", "must be between 1 and 100, was " + q.top());
        if (q.window() == null || q.window().isNegative() || q.window().isZero() || q.window().compareTo(Duration.ofDays(30)) > 0) {
            throw new InvalidRequest("window", "must be more than 0 and at most P30D, was " + q.window());
        }
        QueryValidation.range(q.from(), q.to(), limits.maxRangeDays());
        EventFilters.validate("filters", q.filters());
        QueryValidation.propertiesExist(warehouse, w.id().value(), List.of(), q.filters(), "filters");
    }
}
