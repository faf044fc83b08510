package io.marketops.collect.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where ingestion time goes, per stage (milliseconds and events since the last report); logged
 * every 30 s while events flow, so a slow disk or warehouse shows up in the server log.
 */
final class Timings {
    private static final Logger log = LoggerFactory.getLogger(Timings.class);
    private static final Map<String, LongAdder> NANOS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static volatile long lastReport = System.currentTimeMillis();

    private Timings() {
    }

    static long start() {
        return System.nanoTime();
    }

    /** Adds the time since {@code start} to a stage and returns now, for the next stage. */
    static long stage(String name, long start) {
        long now = System.nanoTime();
        NANOS.computeIfAbsent(name, k -> new LongAdder()).add(now - start);
        return now;
    }

    static void count(String name, long n) {
        COUNTS.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    /** Logs and resets the figures when 30 s have passed. */
    static void reportIfDue() {
        long now = System.currentTimeMillis();
        if (now - lastReport < 30_000) return;
        lastReport = now;
        Map<String, Long> ms = new TreeMap<>(), n = new TreeMap<>();
        NANOS.forEach((k, v) -> ms.put(k, v.sumThenReset() / 1_000_000));
        COUNTS.forEach((k, v) -> n.put(k, v.sumThenReset()));
        if (n.values().stream().anyMatch(v -> v > 0)) log.info("Collect timings (ms) {} counts {}", ms, n);
    }
}
