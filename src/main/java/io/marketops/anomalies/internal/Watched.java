package io.marketops.anomalies.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A catalog metric that detection watches and how to judge it.
 *
 * @param id          the catalog metric id
 * @param kind        how its values behave (see {@link Kind})
 * @param numerator   for a ratio: the catalog metric on top ({@code orders} for {@code cvr}); else null
 * @param denominator for a ratio: the catalog metric below; else null
 * @param volume      the count whose size decides whether a value is big enough to judge: the events
 *                    behind its noise (orders behind GMV and CVR, clicks behind cost and CTR)
 * @param slices      dimensions whose values are watched one by one (the metric's facts must have them)
 * @param causes      dimensions searched for the root cause of an anomaly of the total
 * @param daily       for a rolling metric: the daily metric an outage is reported on first; else null
 * @param window      for a rolling metric: its window in days; else 1
 */
record Watched(String id, Kind kind, String numerator, String denominator, String volume, List<String> slices,
               List<String> causes, String daily, int window) {

    enum Kind {
        /** a count of things (pv, orders): noise at least Poisson */
        COUNT,
        /** money (gmv, cost) */
        AMOUNT,
        /** numerator / denominator: judged as a rate, minimum volume on the denominator */
        RATIO,
        /** a count over a trailing window (wau, mau) or a ratio of such (stickiness): totals only */
        ROLLING,
        /** a workspace's custom count or sum: total only, no volume rule */
        CUSTOM,
        /** a workspace's custom rate (unit ratio or times): total only, no volume rule, steady on holidays */
        CUSTOM_RATE
    }

    static final List<String> EVENT_SLICES = List.of("channel", "campaign", "device", "region");
    static final List<String> EVENT_CAUSES = List.of("channel", "campaign", "device", "region", "content");
    /** Sessions are costly to count: their root cause leaves out content (PV and UV carry it). */
    static final List<String> SESSION_CAUSES = List.of("channel", "campaign", "device", "region");
    /** Orders and ad costs carry only channel and campaign. */
    static final List<String> FACT_DIMS = List.of("channel", "campaign");

    /** pv, uv, sessions, orders, gmv, cost, ctr, cvr, roas, aov and cpc as totals and slices; wau, mau and stickiness as totals. */
    static final List<Watched> DEFAULT = List.of(
            count("pv", EVENT_SLICES, EVENT_CAUSES), count("uv", EVENT_SLICES, EVENT_CAUSES),
            count("sessions", EVENT_SLICES, SESSION_CAUSES), count("orders", FACT_DIMS, FACT_DIMS),
            new Watched("gmv", Kind.AMOUNT, null, null, "orders", FACT_DIMS, FACT_DIMS, null, 1),
            new Watched("cost", Kind.AMOUNT, null, null, "clicks", FACT_DIMS, FACT_DIMS, null, 1),
            ratio("ctr", "clicks", "impressions", "clicks"), ratio("cvr", "orders", "uv", "orders"),
            ratio("roas", "gmv", "cost", "orders"), ratio("aov", "gmv", "orders", "orders"),
            ratio("cpc", "cost", "clicks", "clicks"),
            rolling("wau", 7, "wau"), rolling("mau", 30, "mau"), rolling("stickiness", 30, "mau"));

    /** A workspace's custom metric, watched as a total: teams define them for numbers they care about (checkout → purchase). */
    static Watched custom(String id, String unit) {
        Kind kind = "ratio".equals(unit) || "times".equals(unit) ? Kind.CUSTOM_RATE : Kind.CUSTOM;
        return new Watched(id, kind, null, null, null, List.of(), List.of(), null, 1);
    }

    private static Watched count(String id, List<String> slices, List<String> causes) {
        return new Watched(id, Kind.COUNT, null, null, id, slices, causes, null, 1);
    }

    private static Watched ratio(String id, String numerator, String denominator, String volume) {
        return new Watched(id, Kind.RATIO, numerator, denominator, volume, FACT_DIMS, FACT_DIMS, null, 1);
    }

    /** Rolling metrics share their daily metric: an outage shows on UV the day it happens. */
    private static Watched rolling(String id, int window, String volume) {
        return new Watched(id, Kind.ROLLING, null, null, volume, List.of(), List.of(), "uv", window);
    }

    boolean ratio() {
        return kind == Kind.RATIO;
    }

    /** The direction of a harmful move: +1 for costs (cost, cpc), −1 for everything a marketer wants more of. */
    double harmful() {
        return "cost".equals(id) || "cpc".equals(id) || "cpm".equals(id) || "cpa".equals(id) ? 1 : -1;
    }

    /** A rate (ctr, cvr, roas, a custom ratio): judged for sustained breaks too. */
    boolean rate() {
        return kind == Kind.RATIO || kind == Kind.CUSTOM_RATE;
    }

    /** Volumes move on holidays; rates mostly do not. */
    boolean movesOnHolidays() {
        return kind != Kind.RATIO && kind != Kind.CUSTOM_RATE && !"stickiness".equals(id);
    }

    /** Every catalog metric a query by {@code dimension} (null for totals) needs for these watched metrics. */
    static List<String> metricsFor(List<Watched> watched, String dimension) {
        Set<String> out = new LinkedHashSet<>();
        for (Watched w : watched) {
            if (dimension != null && !w.slices().contains(dimension) && !w.causes().contains(dimension)) continue;
            out.add(w.id());
            if (w.volume() != null) out.add(w.volume());
            if (w.ratio()) {
                out.add(w.numerator());
                out.add(w.denominator());
            }
        }
        return new ArrayList<>(out);
    }

    /** Every dimension some watched metric is sliced or explained by, in a stable order. */
    static List<String> dimensions(List<Watched> watched) {
        Set<String> out = new LinkedHashSet<>();
        for (Watched w : watched) {
            out.addAll(w.slices());
            out.addAll(w.causes());
        }
        return new ArrayList<>(out);
    }
}
