package io.marketops.anomalies.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the anomalies of the watched metrics in a cube over days {@code [from, to]} (indexes),
 * as totals and per slice, explains those of totals (root cause, ratio split) and drops alarms
 * of rolling metrics whose daily metric already showed the outage inside their window.
 */
final class Detector {
    /** A cause list longer than this reads as noise. */
    static final int MAX_CAUSES = 5;
    /** A slice absent this many days is gone (a finished campaign), not down to 0. */
    static final int RECENT_DAYS = 7;
    /** At most this many values of one dimension may carry a concentrated move of a total. */
    static final int MAX_CONCENTRATED = 2;

    private final Cube cube;
    private final Judge judge;
    private final List<Watched> watched;
    private final Map<String, String[]> names;

    Detector(Cube cube, Judge judge, List<Watched> watched) {
        this(cube, judge, watched, Map.of());
    }

    /** @param names English and Chinese names of the watched metrics that have no short label (custom metrics) */
    Detector(Cube cube, Judge judge, List<Watched> watched, Map<String, String[]> names) {
        this.cube = cube;
        this.judge = judge;
        this.watched = watched;
        this.names = names;
    }

    List<Finding> detect(int from, int to) {
        List<Finding> out = new ArrayList<>();
        for (Watched w : watched) {
            for (int i = from; i <= to; i++) {
                Finding f = total(w, i);
                if (f != null) out.add(Sentences.explain(f, names));
            }
            for (String dim : w.slices()) {
                for (String value : cube.values(dim)) {
                    if (value == null) continue; // "not set" is no place a person can act on
                    Cube.Key key = new Cube.Key(w.id(), dim, value);
                    for (int i = from; i <= to; i++) {
                        Judge.Verdict v = judge.judge(w, key, i);
                        if (v != null) out.add(Sentences.explain(finding(w, key, i, v, List.of(), null, List.of()), names));
                    }
                }
            }
        }
        return out;
    }

    private Finding finding(Watched w, Cube.Key key, int i, Judge.Verdict v, List<Adtributor.Candidate> causes,
                            RatioSplit.Parts parts, List<RatioSplit.MixRate> mixRates) {
        Expectation e = v.expectation();
        Calendar.Day day = judge.day(i);
        return new Finding(w.id(), cube.date(i), key.dimension(), key.value(), e.expected(), v.actual(), e.lower(), e.upper(),
                v.severity(), v.change(), v.z(), e.method(), day.name(), causes, parts, mixRates, null, null);
    }

    /**
     * A total is abnormal when it leaves its band; when it moved by at least the minimum change
     * and the move is concentrated (see below); or when it has been off in one direction for
     * {@link Judge#RUN} days running beyond the band of such runs ({@link Judge#sustained}). Concentrated: at most {@link #MAX_CONCENTRATED} values of one dimension explain
     * it (Adtributor), each is itself abnormal in the same direction, and together they moved the
     * total by at least the rules' {@code minConcentrated} share. The second test finds an outage of
     * one channel that is clear in the channel but within the total's day-to-day noise, without
     * lowering the bar for diffuse moves of the total. It applies to harmful moves only (traffic
     * down, cost up): a channel surging is good news the channel's own alarm already tells.
     */
    private Finding total(Watched w, int i) {
        Judge.Assessment a = judge.assess(w, Cube.Key.total(w.id()), i);
        if (a == null || Math.abs(a.change()) < judge.rules().minChange()) return null;
        if (!a.outside() && w.kind() == Watched.Kind.ROLLING) return null;
        Map<String, List<Adtributor.Element>> byDim = new LinkedHashMap<>();
        for (String dim : w.causes()) {
            List<Adtributor.Element> elements = elements(w, dim, i);
            if (!elements.isEmpty()) byDim.put(dim, elements);
        }
        List<Adtributor.Candidate> causes = Adtributor.explain(byDim, w.ratio());
        Finding.Severity members = a.outside() ? Finding.Severity.LOW : concentrated(w, i, causes, a);
        Judge.Verdict v = members == null ? judge.sustained(w, Cube.Key.total(w.id()), i) : judge.verdict(a);
        if (v == null) return null;
        if (members != null && members.compareTo(v.severity()) > 0) {
            v = new Judge.Verdict(v.expectation(), v.actual(), v.change(), v.z(), members);
        }
        if (suppressedRolling(w, i, v)) return null;
        if (causes.size() > MAX_CAUSES) causes = causes.subList(0, MAX_CAUSES);
        RatioSplit.Parts parts = null;
        List<RatioSplit.MixRate> mixRates = new ArrayList<>();
        if (w.ratio()) {
            Cube.Key n = Cube.Key.total(w.numerator()), d = Cube.Key.total(w.denominator());
            parts = RatioSplit.parts(judge.forecast(n, i), judge.forecast(d, i), cube.value(n, i), cube.value(d, i));
            LinkedHashSet<String> dims = new LinkedHashSet<>();
            causes.forEach(c -> dims.add(c.dimension()));
            if (dims.isEmpty() && !w.causes().isEmpty()) dims.add(w.causes().get(0));
            for (String dim : dims) Optional.ofNullable(RatioSplit.mixRate(dim, byDim.getOrDefault(dim, List.of()))).ifPresent(mixRates::add);
        }
        return finding(w, Cube.Key.total(w.id()), i, v, List.copyOf(causes), parts, mixRates);
    }

    /** The highest severity among the values the move is concentrated in, or null when it is not concentrated. */
    private Finding.Severity concentrated(Watched w, int i, List<Adtributor.Candidate> causes, Judge.Assessment total) {
        if (causes.isEmpty() || Math.signum(total.change()) != w.harmful()) return null;
        String dim = causes.get(0).dimension();
        List<Adtributor.Candidate> members = causes.stream().filter(c -> c.dimension().equals(dim)).toList();
        if (members.size() > MAX_CONCENTRATED || !w.slices().contains(dim)) return null;
        double effect = 0;
        Finding.Severity severity = Finding.Severity.LOW;
        for (Adtributor.Candidate c : members) {
            if (c.value() == null) return null;
            Judge.Verdict v = judge.judge(w, new Cube.Key(w.id(), dim, c.value()), i);
            if (v == null || Math.signum(v.change()) != Math.signum(total.change())) return null;
            effect += c.effect();
            if (v.severity().compareTo(severity) > 0) severity = v.severity();
        }
        boolean material = Math.signum(effect) == Math.signum(total.change())
                && Math.abs(effect) >= judge.rules().minConcentrated() * total.expectation().expected();
        return material ? severity : null;
    }

    /** Every value of a dimension present lately, with expected and actual (for ratios: numerator and denominator). */
    private List<Adtributor.Element> elements(Watched w, String dim, int i) {
        String num = w.ratio() ? w.numerator() : w.id();
        double scaleNum = scale(num, i), scaleDen = w.ratio() ? scale(w.denominator(), i) : 0;
        List<Adtributor.Element> out = new ArrayList<>();
        for (String value : cube.values(dim)) {
            Cube.Key nk = new Cube.Key(num, dim, value);
            if (!recent(nk, i)) continue;
            double a = orZero(cube.value(nk, i)), f = judge.forecast(nk, i);
            if (Double.isNaN(f)) f = a * scaleNum;
            if (!w.ratio()) {
                out.add(Adtributor.Element.of(value, f, a));
                continue;
            }
            Cube.Key dk = new Cube.Key(w.denominator(), dim, value);
            double ad = orZero(cube.value(dk, i)), fd = judge.forecast(dk, i);
            if (Double.isNaN(fd)) fd = ad * scaleDen;
            out.add(new Adtributor.Element(value, f, a, fd, ad));
        }
        return out;
    }

    /** Expected ÷ actual of a total: a value too new to have its own expectation is assumed to keep its share. */
    private double scale(String metric, int i) {
        Cube.Key k = Cube.Key.total(metric);
        double a = cube.value(k, i), f = judge.forecast(k, i);
        return a > 0 && !Double.isNaN(f) ? f / a : 1;
    }

    private boolean recent(Cube.Key key, int i) {
        double[] x = cube.get(key);
        if (x == null) return false;
        for (int t = Math.max(0, i - RECENT_DAYS); t <= i; t++) if (!Double.isNaN(x[t])) return true;
        return false;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /**
     * A rolling metric (WAU, MAU, stickiness) is not alarmed when its daily metric was abnormal in
     * the same direction on a day inside its window: that outage is already reported.
     */
    private boolean suppressedRolling(Watched w, int i, Judge.Verdict v) {
        if (w.kind() != Watched.Kind.ROLLING || w.daily() == null) return false;
        Watched daily = watched.stream().filter(x -> x.id().equals(w.daily())).findFirst()
                .orElse(new Watched(w.daily(), Watched.Kind.COUNT, null, null, w.daily(), List.of(), List.of(), null, 1));
        for (int t = Math.max(0, i - w.window() + 1); t <= i; t++) {
            Judge.Verdict d = judge.judge(daily, Cube.Key.total(w.daily()), t);
            if (d != null && ("stickiness".equals(w.id()) || Math.signum(d.z()) == Math.signum(v.z()))) return true;
        }
        return false;
    }
}
