package io.marketops.demo;

import io.marketops.warehouse.FactAppender;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over the window, day by day: content, ad delivery, the day's sessions in time
 * order, marketplace orders, the ad report; customers at the end. Only visitor and customer
 * state outlives a day, so memory grows with visitors, not with events.
 */
final class GenerationRun {
    private static final int SOURCE_BITS = 12;

    private final GeneratorSpec spec;
    private final double scale;
    private final Tally sink;
    private long[] sessions = new long[4096];

    GenerationRun(GeneratorSpec spec, double scale, FactAppender sink) {
        this.spec = spec;
        this.scale = scale;
        this.sink = new Tally(sink);
    }

    Manifest run() {
        LocalDate from = spec.from(), to = spec.endDate();
        long seed = spec.seed(), workspace = spec.workspaceId();
        Seasonality seasonality = new Seasonality(from, to);
        Anomalies anomalies = new Anomalies(from, to);
        AdPlan ads = new AdPlan(from, to);
        List<TrafficSource> sources = TrafficSource.all(ads);
        if (sources.size() >= 1 << SOURCE_BITS) throw new IllegalStateException("too many traffic sources: " + sources.size());
        ContentPlan content = new ContentPlan(seed, workspace, from, spec.days(), seasonality);
        Visitors visitors = new Visitors(seed, from.atStartOfDay(spec.zone()).toInstant().toEpochMilli(), spec.days());
        Customers customers = new Customers(seed);
        Orders orders = new Orders(workspace, sink, customers);
        SessionSimulator simulator = new SessionSimulator(workspace, seed, spec.zone().getId(), sink, visitors, customers,
                orders, ads, content);
        Marketplace marketplace = new Marketplace();

        for (int d = 0; d < spec.days(); d++) {
            Rng rng = Rng.stream(seed, 1, d);
            DayContext day = DayContext.of(d, from.plusDays(d), spec.zone(), seasonality, anomalies, rng);
            visitors.startDay(d);
            content.writeDay(d, sink);
            ads.deliver(day, scale, rng);
            int n = planSessions(day, sources, ads, customers, content, rng);
            for (int i = 0; i < n; i++) {
                long time = sessions[i] >>> SOURCE_BITS;
                TrafficSource source = sources.get((int) (sessions[i] & ((1 << SOURCE_BITS) - 1)));
                int known = visitors.count();
                int visitor = chooseVisitor(source, day, time, visitors, customers, rng);
                if (visitor >= 0) simulator.play(visitor, visitor >= known, source, time, day, rng);
            }
            marketplace.sell(day, scale, rng, ads, customers, orders);
            ads.report(day, workspace, rng, sink);
        }
        customers.writeAll(workspace, visitors, sink);
        return new Manifest(seed, workspace, from, to, spec.zone(), sink.counts(), sink.totals(),
                anomalies.injected(), seasonality.peaks());
    }

    /** The session's visitor (new ones are created here), or −1 when it has nobody to come from (CRM before any customer). */
    private int chooseVisitor(TrafficSource source, DayContext day, long time, Visitors visitors, Customers customers, Rng rng) {
        if (source.crm) {
            int c = customers.randomWeb(rng);
            return c < 0 ? -1 : customers.visitorOf(c);
        }
        double u = rng.nextDouble();
        int v = -1;
        if (u >= source.newShare) {
            if (u < source.newShare + source.registeredShare) {
                int c = customers.randomWeb(rng);
                if (c >= 0) v = customers.visitorOf(c);
            } else {
                v = visitors.returning(day.index(), rng);
            }
        }
        if (v < 0) {
            v = visitors.create(source.channel, day.startMs() + time);
        }
        return v;
    }

    /** Draws how many sessions each source brings today and when each starts; sorted by start. */
    private int planSessions(DayContext day, List<TrafficSource> sources, AdPlan ads, Customers customers,
                             ContentPlan content, Rng rng) {
        int n = 0;
        for (int s = 0; s < sources.size(); s++) {
            TrafficSource src = sources.get(s);
            Channel c = src.channel;
            long count;
            if (src.adGroup >= 0) {
                long clicks = ads.clicks(src.adGroup);
                count = clicks <= 0 ? 0 : rng.binomial(clicks, AdPlan.LANDING_RATE);
            } else if (src.crm) {
                count = rng.poisson(customers.webCount() * src.baseSessions * day.season().web() * day.channelNoise(c));
            } else {
                double boost = c.social() ? content.boost(c) : 1;
                count = rng.poisson(src.baseSessions * scale * day.season().web() * day.channelNoise(c)
                        * day.anomalies().traffic(c, day.date()) * boost);
            }
            if (n + count > sessions.length) sessions = Arrays.copyOf(sessions, (int) Math.max(sessions.length * 2L, n + count));
            for (long i = 0; i < count; i++) sessions[n++] = day.timeOfDay(rng) << SOURCE_BITS | s;
        }
        Arrays.sort(sessions, 0, n);
        return n;
    }
}
