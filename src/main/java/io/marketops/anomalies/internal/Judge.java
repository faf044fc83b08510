package io.marketops.anomalies.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges single days of the cube's series: the expectation and band of a day and whether its
 * value is an alarm under the rules. How a day is judged depends on its kind in the calendar:
 * <ul>
 *   <li>normal days and holidays: against the series' weekly-seasonal level (on holidays with the
 *       tolerance on volumes);</li>
 *   <li>peak days: a slice by its share of the total; a total by what its parts imply ({@link Peers}).</li>
 * </ul>
 * A rolling metric (WAU, MAU) is judged only when its whole window is made of normal days.
 */
final class Judge {
    /** Metrics that count things, whose noise is at least Poisson (standard deviation √n). */
    static final Set<String> COUNTS = Set.of("pv", "uv", "sessions", "orders", "clicks", "impressions", "wau", "mau", "dau");
    /** The dimension whose values vote for a total on peak days. */
    static final String PEERS = "channel";
    /** A known stretch at least this long leaves the level behind. */
    static final int MIN_GAP = 5;
    static final int SETTLE_DAYS = 10;
    /** Days a sustained shift must last. */
    static final int RUN = 3;
    static final double SUSTAINED_FACTOR = 0.85;

    /** @param z signed deviation in robust standard deviations (beyond a holiday tolerance: from its edge plus the threshold) */
    record Verdict(Expectation expectation, double actual, double change, double z, Finding.Severity severity) {
    }

    /** A day's value beside its expectation, before the rules decide whether it is an alarm. */
    record Assessment(Expectation expectation, double actual, double change) {
        boolean outside() {
            return expectation.outside(actual);
        }
    }

    private enum Mode { LEVEL, SHARE, PEERS }

    private record TrackKey(Cube.Key key, int window, Mode mode) {
    }

    private final Cube cube;
    private final Calendar.Day[] days;
    private final Baseline baseline;
    private final Rules rules;
    private final Map<String, Watched> watched = new HashMap<>();
    private final boolean[] all;
    private final Map<Integer, boolean[]> normal = new HashMap<>(), settling = new HashMap<>();
    private final Map<TrackKey, Track> tracks = new HashMap<>();

    Judge(Cube cube, Calendar calendar, Baseline baseline, Rules rules, List<Watched> watched) {
        this.cube = cube;
        this.days = calendar.classify(cube.start(), cube.days());
        this.baseline = baseline;
        this.rules = rules;
        watched.forEach(w -> this.watched.put(w.id(), w));
        all = new boolean[days.length];
        java.util.Arrays.fill(all, true);
    }

    Calendar.Day day(int i) {
        return days[i];
    }

    Rules rules() {
        return rules;
    }

    /** Normal days; for a rolling window, days whose whole window is normal. */
    private boolean[] normal(int window) {
        return normal.computeIfAbsent(window, w -> {
            boolean[] m = new boolean[days.length];
            for (int i = 0; i < days.length; i++) {
                m[i] = true;
                for (int t = Math.max(0, i - w + 1); t <= i; t++) m[i] &= days[t].normal();
            }
            return m;
        });
    }

    /**
     * Normal days right after a long known stretch (a peak, the Golden Week), until
     * {@link #SETTLE_DAYS} normal days have passed: the level still mostly remembers the weeks before
     * the stretch, and levels often come back changed (visitors won in a promotion return). They are
     * judged like peak days meanwhile, and count as history at once so the level catches up.
     */
    private boolean[] settling(int window) {
        return settling.computeIfAbsent(window, w -> {
            boolean[] usable = normal(w), m = new boolean[days.length];
            int gap = 0, since = SETTLE_DAYS;
            for (int i = 0; i < days.length; i++) {
                if (!usable[i]) {
                    gap++;
                    continue;
                }
                if (gap >= MIN_GAP) since = 0;
                gap = 0;
                m[i] = since < SETTLE_DAYS;
                since++;
            }
            return m;
        });
    }

    /** A total without slices has no peers: it keeps its level while settling (and is not judged on peak days). */
    private Mode mode(Watched w, Cube.Key key, int i) {
        boolean peak = days[i].kind() == Calendar.Kind.PEAK;
        if (!peak && (!settling(w.window())[i] || key.total() && w.slices().isEmpty())) return Mode.LEVEL;
        return key.total() ? Mode.PEERS : Mode.SHARE;
    }

    private Track track(Cube.Key key, int window, Mode mode) {
        TrackKey tk = new TrackKey(key, window, mode);
        Track found = tracks.get(tk);
        if (found != null || tracks.containsKey(tk)) return found;
        Track made = switch (mode) {
            case LEVEL -> cube.get(key) == null ? null : Track.level(cube.get(key), normal(window), cube.weekday0(), baseline);
            case SHARE -> share(key);
            case PEERS -> peers(key);
        };
        tracks.put(tk, made);
        return made;
    }

    /** A slice's share of its total (for a ratio: its ratio ÷ the total's ratio) as a series of its own, judged by level on all days. */
    private Track share(Cube.Key key) {
        double[] x = cube.get(key), total = cube.get(Cube.Key.total(key.metric()));
        if (x == null || total == null) return null;
        double[] s = new double[x.length];
        for (int t = 0; t < x.length; t++) s[t] = total[t] > 0 && !Double.isNaN(x[t]) ? x[t] / total[t] : Double.NaN;
        return Track.level(s, all, cube.weekday0(), baseline);
    }

    /**
     * A total as its parts imply it, every day, with the band from how well that predicted the
     * total lately. A ratio's expectation is its numerator's over its denominator's, each implied
     * by its parts: the ratio of a part is no guide to the total's when some of the numerator has
     * no denominator in any part (marketplace orders have no web visitors).
     */
    private Track peers(Cube.Key total) {
        double[] x = cube.get(total);
        if (x == null || cube.values(PEERS).isEmpty()) return null;
        Watched w = watched.get(total.metric());
        double[] expected;
        if (w != null && w.ratio()) {
            double[] num = implied(w.numerator()), den = implied(w.denominator());
            expected = new double[x.length];
            for (int t = 0; t < x.length; t++) expected[t] = den[t] > 0 ? num[t] / den[t] : Double.NaN;
        } else {
            expected = implied(total.metric());
        }
        return Track.of(x, expected, all, baseline.settings().historyDays());
    }

    private double[] implied(String metric) {
        return Peers.expected(cube, metric, PEERS, k -> track(k, 1, Mode.SHARE), k -> track(k, 1, Mode.SHARE));
    }

    /** The expectation of a day, or null when the series is too short or its expected value is 0. */
    Expectation expectation(Watched w, Cube.Key key, int i) {
        Mode mode = mode(w, key, i);
        Track tr = track(key, w.window(), mode);
        if (mode == Mode.PEERS && days[i].kind() != Calendar.Kind.PEAK && (tr == null || Double.isNaN(tr.expected(i)))) {
            // settling after a peak without enough channels to vote: the level is the better guess than none
            mode = Mode.LEVEL;
            tr = track(key, w.window(), mode);
        }
        if (tr == null) return null;
        double expected = tr.expected(i), sigmaRel = tr.sigmaRel(i);
        if (mode == Mode.SHARE) {
            double total = cube.value(Cube.Key.total(key.metric()), i);
            expected = total > 0 ? expected * total : Double.NaN;
        }
        if (!(expected > 0) || Double.isNaN(sigmaRel)) return null;
        double tolerance = days[i].kind() == Calendar.Kind.HOLIDAY && w.movesOnHolidays() ? rules.holidayTolerance() : 0;
        return band(w, key, i, expected, sigmaRel, tolerance, mode.name().toLowerCase(java.util.Locale.ROOT));
    }

    private Expectation band(Watched w, Cube.Key key, int i, double expected, double sigmaRel, double tolerance, String method) {
        double sigma = sigmaRel * expected;
        if (COUNTS.contains(key.metric())) sigma = Math.max(sigma, Math.sqrt(expected));
        if (w.ratio() && COUNTS.contains(w.numerator())) {
            // a rate of n events is at least binomially noisy: relative spread ≥ 1/√n
            double den = cube.value(new Cube.Key(w.denominator(), key.dimension(), key.value()), i);
            double n = expected * (Double.isNaN(den) ? 0 : den);
            if (n > 0) sigma = Math.max(sigma, expected / Math.sqrt(n));
        }
        sigma = Math.max(sigma, 1e-9 * expected);
        double k = rules.threshold();
        double lower = Math.max(0, expected * (1 - tolerance) - k * sigma);
        return new Expectation(expected, sigma, lower, expected * (1 + tolerance) + k * sigma, method);
    }

    /** The day's value and expectation, or null when it cannot be judged (no value, too small, too little history, a rolling window over known days). */
    Assessment assess(Watched w, Cube.Key key, int i) {
        double a = cube.value(key, i);
        if (Double.isNaN(a)) return null;
        if (w.kind() == Watched.Kind.ROLLING && (!normal(w.window())[i] || settling(w.window())[i])) return null;
        if (!bigEnough(w, key, i)) return null;
        Expectation e = expectation(w, key, i);
        return e == null ? null : new Assessment(e, a, a / e.expected() - 1);
    }

    /** The day's verdict when its value is an alarm, else null. Slices, noisier and many more, need twice the minimum change. */
    Verdict judge(Watched w, Cube.Key key, int i) {
        Assessment a = assess(w, key, i);
        double minChange = key.total() ? rules.minChange() : 2 * rules.minChange();
        if (a == null || !a.outside() || Math.abs(a.change()) < minChange) return null;
        return verdict(a);
    }

    /** The verdict on an assessment: z counted from the band's edge plus the threshold, severity by the rules. */
    Verdict verdict(Assessment a) {
        Expectation e = a.expectation();
        double beyond = Math.max(0, a.actual() > e.upper() ? a.actual() - e.upper() : e.lower() - a.actual());
        double z = a.outside() ? Math.signum(a.actual() - e.expected()) * (rules.threshold() + beyond / e.sigma()) : e.z(a.actual());
        return new Verdict(e, a.actual(), a.change(), z, rules.severity(z, a.change()));
    }

    /**
     * A rate sustained off in its harmful direction over the last {@link #RUN} days, each day by at
     * least the minimum change, whose mean error is beyond {@link #SUSTAINED_FACTOR} × the threshold
     * times the measured spread of such {@link #RUN}-day means: finds a moderate break that lasts
     * (checkout failures for three days) that no single day shows clearly. Three days each off the
     * same harmful way are rarer than one, hence the lower bar. Rates only: a volume that stays up
     * or down for days is usually a business change the level follows, a rate that stays down a
     * breakage. Totals judged by their level only.
     */
    Verdict sustained(Watched w, Cube.Key key, int i) {
        if (!key.total() || i < RUN - 1 || !w.rate()) return null;
        double sum = 0;
        Assessment today = null;
        for (int t = i - RUN + 1; t <= i; t++) {
            if (mode(w, key, t) != Mode.LEVEL) return null;
            Assessment a = assess(w, key, t);
            if (a == null || Math.abs(a.change()) < rules.minChange() || Math.signum(a.change()) != w.harmful()) return null;
            sum += a.change();
            today = a;
        }
        double mean = sum / RUN, sigma = track(key, w.window(), Mode.LEVEL).sigmaRelOfRun(i, RUN);
        if (Double.isNaN(sigma) || Math.abs(mean) <= SUSTAINED_FACTOR * rules.threshold() * sigma) return null;
        Expectation e = today.expectation();
        double z = mean / Math.max(sigma, 1e-9);
        return new Verdict(new Expectation(e.expected(), e.sigma(), e.lower(), e.upper(), "sustained"), today.actual(), today.change(), z,
                rules.severity(z, today.change()));
    }

    /** Minimum volume: the value's volume count must reach it on the expected or the actual side. */
    private boolean bigEnough(Watched w, Cube.Key key, int i) {
        if (w.volume() == null) return true;
        Cube.Key volume = new Cube.Key(w.volume(), key.dimension(), key.value());
        if (cube.value(volume, i) >= rules.minVolume()) return true;
        Track tr = track(volume, w.window(), Mode.LEVEL);
        return tr != null && tr.expected(i) >= rules.minVolume();
    }

    /**
     * The expected value alone (no band) of a daily metric, for root cause; NaN when unknown. On a
     * peak day a slice is its expected share times its total's expectation, so slices add up to it.
     */
    double forecast(Cube.Key key, int i) {
        boolean peak = days[i].kind() == Calendar.Kind.PEAK;
        Mode mode = !peak && !settling(1)[i] ? Mode.LEVEL : key.total() ? Mode.PEERS : Mode.SHARE;
        Track tr = track(key, 1, mode);
        if (mode == Mode.PEERS && !peak && (tr == null || Double.isNaN(tr.expected(i)))) tr = track(key, 1, mode = Mode.LEVEL); // as in expectation()
        if (tr == null) return Double.NaN;
        return mode == Mode.SHARE ? tr.expected(i) * forecast(Cube.Key.total(key.metric()), i) : tr.expected(i);
    }
}
