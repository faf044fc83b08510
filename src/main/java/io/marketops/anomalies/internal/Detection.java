package io.marketops.anomalies.internal;

import io.marketops.anomalies.AnomaliesDetected;
import io.marketops.anomalies.Anomalies;
import io.marketops.anomalies.Anomaly;
import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Metric;
import io.marketops.metrics.MetricCatalog;
import io.marketops.runtime.MarketOpsProperties;
import io.marketops.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs detection for a workspace over a range of local days: loads the watched metrics with
 * {@link #HISTORY_MARGIN} history before the range, judges every day, stores the findings
 * (replacing the range) and announces {@link AnomaliesDetected}. Long ranges go in chunks so each
 * metric query stays within the engine's daily-bucket limit.
 */
@Service
public class Detection implements Anomalies {
    private static final Logger log = LoggerFactory.getLogger(Detection.class);
    /** Days per chunk: with the history before it, a chunk stays under the metrics engine's 366 daily buckets. */
    static final int CHUNK_DAYS = 180;

    private final CubeLoader loader;
    private final MetricCatalog catalog;
    private final Workspaces workspaces;
    private final AnomaliesProperties properties;
    private final DetectionSettings settings;
    private final AnomalyStore store;
    private final DetectionRuns runs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final boolean chinese;
    private final Clock clock;

    Detection(CubeLoader loader, MetricCatalog catalog, Workspaces workspaces, AnomaliesProperties properties, DetectionSettings settings,
              AnomalyStore store, DetectionRuns runs, ApplicationEventPublisher events, TransactionTemplate tx, MarketOpsProperties app,
              Optional<Clock> clock) {
        this.loader = loader;
        this.catalog = catalog;
        this.workspaces = workspaces;
        this.properties = properties;
        this.settings = settings;
        this.store = store;
        this.runs = runs;
        this.events = events;
        this.tx = tx;
        this.chinese = "zh".equals(app.locale().getLanguage());
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public List<Anomaly> detect(WorkspaceId workspace, LocalDate from, LocalDate to) {
        return run(workspace, from, to, "request").stream().map(v -> v.in(chinese).toAnomaly()).toList();
    }

    @Override
    public List<Anomaly> list(WorkspaceId workspace, LocalDate from, LocalDate to, String metric) {
        if (from == null || to == null || to.isBefore(from)) return List.of();
        return store.all(workspace, from, to, metric).stream().map(v -> v.in(chinese).toAnomaly()).toList();
    }

    /** Detects, stores and announces; the run is logged with its outcome. {@code trigger} is request or schedule. */
    public List<AnomalyView> run(WorkspaceId ws, LocalDate from, LocalDate to, String trigger) {
        validate(ws, from, to);
        long run = runs.start(ws, from, to, trigger);
        try {
            List<Finding> found = find(ws, from, to);
            int high = (int) found.stream().filter(f -> f.severity() == Finding.Severity.HIGH).count();
            List<AnomalyView> stored = tx.execute(s -> {
                Set<String> highBefore = keys(store.all(ws, from, to, null).stream().filter(v -> "high".equals(v.severity())));
                store.replace(ws, from, to, found);
                List<AnomalyView> now = store.all(ws, from, to, null);
                events.publishEvent(new AnomaliesDetected(ws, from, to, found.size(), high, alerts(ws, now, highBefore)));
                return now;
            });
            runs.finish(run, found.size());
            return stored;
        } catch (RuntimeException e) {
            log.warn("Anomaly detection of workspace {} over {}..{} failed", ws.value(), from, to, e);
            runs.fail(run, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * What to alert about: high-severity anomalies not stored as high before, dated on the days a
     * daily run covers (yesterday and the {@code recheck-days} before it) so that back-filling history
     * does not flood anyone; none when the workspace has alerts off. Totals first.
     */
    private List<Anomaly> alerts(WorkspaceId ws, List<AnomalyView> now, Set<String> highBefore) {
        if (!settings.get(ws).alerts()) return List.of();
        LocalDate first = today(ws).minusDays(properties.recheckDays() + 1L);
        return now.stream().filter(v -> "high".equals(v.severity()) && !v.date().isBefore(first) && !highBefore.contains(key(v)))
                .sorted(Comparator.comparing((AnomalyView v) -> v.dimension() != null).thenComparing(AnomalyView::date, Comparator.reverseOrder()))
                .map(v -> v.in(chinese).toAnomaly()).toList();
    }

    private static Set<String> keys(Stream<AnomalyView> views) {
        return views.map(Detection::key).collect(Collectors.toSet());
    }

    private static String key(AnomalyView v) {
        return v.metric() + "|" + v.date() + "|" + (v.dimension() == null ? "" : v.dimension().name() + "=" + v.dimension().value());
    }

    void validate(WorkspaceId ws, LocalDate from, LocalDate to) {
        if (from == null) throw new InvalidRequest("from", "is required: the first local day to check, e.g. 2026-07-01");
        if (to == null) throw new InvalidRequest("to", "is required: the last local day to check (inclusive), e.g. 2026-09-08");
        if (to.isBefore(from)) throw new InvalidRequest("to", "must not be before from (" + from + "), was " + to);
        LocalDate today = LocalDate.now(clock.withZone(workspaces.get(ws).timezone()));
        if (!to.isBefore(today)) throw new InvalidRequest("to", "must be before today (" + today + " in the workspace time zone): today's data is still coming in");
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > properties.maxRangeDays()) {
            throw new InvalidRequest("to", "the range spans " + days + " days; at most " + properties.maxRangeDays() + " per run (MARKETOPS_ANOMALIES_MAX_RANGE_DAYS)");
        }
    }

    /** The built-in watch list plus the workspace's custom metrics. */
    List<Watched> watched(WorkspaceId ws) {
        List<Watched> out = new ArrayList<>(Watched.DEFAULT);
        for (Metric m : catalog.all(ws)) if (m.custom()) out.add(Watched.custom(m.id(), m.unit()));
        return out;
    }

    List<Finding> find(WorkspaceId ws, LocalDate from, LocalDate to) {
        List<Watched> watched = watched(ws);
        Rules rules = settings.rules(ws);
        java.util.Map<String, String[]> names = new java.util.HashMap<>();
        for (Metric m : catalog.all(ws)) if (m.custom()) names.put(m.id(), new String[]{m.nameEn(), m.nameZh()});
        List<Finding> out = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(CHUNK_DAYS)) {
            LocalDate end = start.plusDays(CHUNK_DAYS - 1).isAfter(to) ? to : start.plusDays(CHUNK_DAYS - 1);
            Cube cube = loader.load(ws, watched, start.minusDays(properties.historyDays()), end);
            Judge judge = new Judge(cube, properties.calendar(), new Baseline(properties.baseline()), rules, watched);
            out.addAll(new Detector(cube, judge, watched, names).detect(cube.index(start), cube.index(end)));
        }
        return out;
    }

    Judge judge(Cube cube, WorkspaceId ws, List<Watched> watched) {
        return new Judge(cube, properties.calendar(), new Baseline(properties.baseline()), settings.rules(ws), watched);
    }

    public LocalDate today(WorkspaceId ws) {
        return LocalDate.now(clock.withZone(workspaces.get(ws).timezone()));
    }
}
