package io.marketops.anomalies.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A watched metric's daily values beside their expectation and band, for the chart: the same
 * judgement detection makes, computed on the fly for one total or one slice.
 */
@Service
public class Bands {
    static final int MAX_DAYS = 180;

    /**
     * A value is null when there is none (a slice without facts that day, a band without enough history).
     * {@code knownDay} is the calendar id of the holiday or peak (national_day), {@code knownDayLabel} its name in the language asked for.
     */
    public record Point(LocalDate date, Double actual, Double expected, Double lower, Double upper, String method, String knownDay,
                        String knownDayLabel) {
    }

    public record Series(String metric, String dimension, String value, LocalDate from, LocalDate to, List<Point> points,
                         List<AnomalyView> anomalies) {
    }

    private final Detection detection;
    private final CubeLoader loader;
    private final AnomalyStore store;
    private final AnomaliesProperties properties;

    Bands(Detection detection, CubeLoader loader, AnomalyStore store, AnomaliesProperties properties) {
        this.detection = detection;
        this.loader = loader;
        this.store = store;
        this.properties = properties;
    }

    /** Metric ids the chart can draw: the watched ones, built-in and custom. */
    public List<String> metrics(WorkspaceId ws) {
        return detection.watched(ws).stream().map(Watched::id).toList();
    }

    public Series series(WorkspaceId ws, String metric, String dimension, String value, LocalDate from, LocalDate to, boolean zh) {
        Watched w = detection.watched(ws).stream().filter(x -> x.id().equals(metric)).findFirst()
                .orElseThrow(() -> new InvalidRequest("metric", "'" + metric + "' is not watched; use one of " + String.join(", ", metrics(ws))));
        if (dimension != null && !w.slices().contains(dimension)) {
            throw new InvalidRequest("dimension", w.slices().isEmpty() ? "'" + metric + "' is watched as a total only"
                    : "'" + metric + "' is watched by " + String.join(", ", w.slices()) + ", not '" + dimension + "'");
        }
        if (dimension != null && (value == null || value.isBlank())) throw new InvalidRequest("value", "is required with a dimension, e.g. douyin");
        detection.validate(ws, from, to);
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) throw new InvalidRequest("to", "a chart covers at most " + MAX_DAYS + " days");
        List<String> dims = new ArrayList<>();
        if (!w.slices().isEmpty()) dims.add(Judge.PEERS);
        if (dimension != null && !dims.contains(dimension)) dims.add(dimension);
        Watched narrow = new Watched(w.id(), w.kind(), w.numerator(), w.denominator(), w.volume(), dims, dims, w.daily(), w.window());
        Cube cube = loader.load(ws, List.of(narrow), from.minusDays(properties.historyDays()), to);
        Judge judge = detection.judge(cube, ws, List.of(narrow));
        Cube.Key key = new Cube.Key(metric, dimension, dimension == null ? null : value);
        List<Point> points = new ArrayList<>();
        for (int i = cube.index(from); i <= cube.index(to); i++) {
            double a = cube.value(key, i);
            Expectation e = Double.isNaN(a) && dimension != null ? null : judge.expectation(narrow, key, i);
            points.add(new Point(cube.date(i), Double.isNaN(a) ? null : a, e == null ? null : e.expected(), e == null ? null : e.lower(),
                    e == null ? null : e.upper(), e == null ? null : e.method(), judge.day(i).name(),
                    judge.day(i).name() == null ? null : Labels.day(judge.day(i).name(), zh)));
        }
        List<AnomalyView> anomalies = store.all(ws, from, to, metric).stream()
                .filter(v -> dimension == null ? v.dimension() == null
                        : v.dimension() != null && v.dimension().name().equals(dimension) && Objects.equals(v.dimension().value(), value))
                .map(v -> v.in(zh)).toList();
        return new Series(metric, dimension, value, from, to, points, anomalies);
    }
}
