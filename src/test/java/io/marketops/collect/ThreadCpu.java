package io.marketops.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per thread group of a Linux process, from {@code /proc/<pid>/task/*\/stat} (user +
 * system, clock ticks of 10 ms), native threads included — DuckDB's and RocksDB's workers show
 * up as well as the JVM's. Thread names are grouped by dropping their digits.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    static Map<String, Long> snapshot(long pid) {
        Map<String, Long> ticks = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "#");
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** CPU seconds per group between two snapshots, largest first, as text. */
    static String between(Map<String, Long> before, Map<String, Long> after, double wallSeconds) {
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (var e : after.entrySet()) total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        sb.append(String.format("total %.1f CPU-s over %.1f s wall (%.2f cores)%n", total / 100.0, wallSeconds, total / 100.0 / wallSeconds));
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 20)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> sb.append(String.format("  %-28s %7.1f CPU-s%n", e.getKey(), e.getValue() / 100.0)));
        return sb.toString();
    }
}
