package io.marketops.demo;

import io.marketops.warehouse.FactAppender;

/**
 * Generates a realistic, deterministic data set of a consumer skincare brand ("Demo Brand")
 * selling through Chinese channels: web/app/mini-program events, orders (including Tmall and
 * JD store orders), customers, daily ad costs and content statistics, with weekly rhythm,
 * 618 and Double 11 peaks and a few injected anomalies listed in the {@link Manifest}.
 *
 * <p>The same {@link GeneratorSpec} always yields the same rows in the same order; nothing
 * depends on the clock or on hash ordering. Rows are streamed into the sink day by day; only
 * per-visitor state (≈ 10 bytes) is kept, so 10 million events need far less than 1 GB.
 */
public final class DemoGenerator {
    /** Pilot runs for scaling to a target are at least this big, which keeps the estimate within ~2%. */
    private static final long PILOT_EVENTS = 40_000;
    /** Scale of the demo size: about 750k events over 180 days (scale 1.0 gives ≈ 560k). */
    static final double DEMO_SCALE = 1.35;

    /** Streams all rows of the spec into {@code sink} and describes what was written. */
    public Manifest generate(GeneratorSpec spec, FactAppender sink) {
        double scale = spec.targetEvents() == 0 ? DEMO_SCALE : scaleFor(spec);
        return new GenerationRun(spec, scale, sink).run();
    }

    /**
     * Finds the visitor scale for the target with a small pilot run of the same spec: event
     * volume is proportional to scale, so one pilot is enough.
     */
    static double scaleFor(GeneratorSpec spec) {
        double pilot = 0.05;
        while (true) {
            long events = new GenerationRun(spec, pilot, Tally.DISCARD).run().counts().events();
            if (events >= PILOT_EVENTS || pilot > 1e6) return pilot * spec.targetEvents() / Math.max(1, events);
            pilot *= Math.min(100, 1.2 * PILOT_EVENTS / Math.max(events, 1));
        }
    }
}
