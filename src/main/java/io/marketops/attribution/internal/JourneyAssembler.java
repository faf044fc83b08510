package io.marketops.attribution.internal;

import io.marketops.attribution.PathTable;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a time-ordered stream of touches and conversions (grouped by person, touches before
 * conversions at the same instant) into conversion paths:
 * <ul>
 *   <li>a conversion's path is every touch of the person from lookback before it up to it; a touch
 *       may so belong to several conversions, as in ad platforms' path reports. A conversion without
 *       any touch in its window is counted as unattributed, never dropped;</li>
 *   <li>a person's touches inside the period after their last conversion (or all, if they never
 *       converted) form one non-converting path (a "null"), cut to the lookback before its last touch.</li>
 * </ul>
 * Ages of touches are kept in days before the conversion, for time decay.
 */
final class JourneyAssembler {
    private static final double DAY_MS = 86_400_000d;

    private final long from, until, lookback;
    private final PathTable.Builder table = PathTable.builder();
    private final Set<Key> distinct = new HashSet<>();
    private String person;
    private long[] times = new long[32];
    private int[] channels = new int[32];
    private int touches;
    private long lastConversion;
    private long conversions, unattributed, nullPaths;
    private BigDecimal value = BigDecimal.ZERO, unattributedValue = BigDecimal.ZERO;

    /** Conversions at [fromMs, untilMs) count; touches from lookback before them. */
    JourneyAssembler(long fromMs, long untilMs, long lookbackMs) {
        this.from = fromMs;
        this.until = untilMs;
        this.lookback = lookbackMs;
    }

    void touch(String who, long at, String channel) {
        switchTo(who);
        if (touches == times.length) {
            times = Arrays.copyOf(times, touches * 2);
            channels = Arrays.copyOf(channels, touches * 2);
        }
        times[touches] = at;
        channels[touches++] = table.channel(channel);
    }

    void conversion(String who, long at, BigDecimal amount) {
        switchTo(who);
        if (at < from || at >= until) return;
        BigDecimal v = amount == null || amount.signum() < 0 ? BigDecimal.ZERO : amount;
        conversions++;
        value = value.add(v);
        lastConversion = at;
        int first = touches;
        while (first > 0 && times[first - 1] >= at - lookback) first--;
        if (first == touches) {
            unattributed++;
            unattributedValue = unattributedValue.add(v);
            return;
        }
        int[] path = Arrays.copyOfRange(channels, first, touches);
        double[] ages = new double[path.length];
        for (int k = 0; k < path.length; k++) ages[k] = (at - times[first + k]) / DAY_MS;
        table.add(path, ages, 1, v.doubleValue(), 0);
        distinct.add(new Key(path));
    }

    private void switchTo(String who) {
        if (Objects.equals(who, person)) return;
        flush();
        person = who;
        touches = 0;
        lastConversion = Long.MIN_VALUE;
    }

    /** The person's touches after their last conversion, inside the period, become a null path. */
    private void flush() {
        if (person == null || touches == 0) return;
        int end = touches;
        while (end > 0 && times[end - 1] >= until) end--;
        int first = end;
        while (first > 0 && times[first - 1] > lastConversion && times[first - 1] >= from && times[first - 1] >= times[end - 1] - lookback) first--;
        if (first == end) return;
        int[] path = Arrays.copyOfRange(channels, first, end);
        table.add(path, null, 0, 0, 1);
        distinct.add(new Key(path));
        nullPaths++;
    }

    Result finish() {
        flush();
        person = null;
        return new Result(table.build(), conversions, value, unattributed, unattributedValue, nullPaths, distinct.size());
    }

    record Result(PathTable table, long conversions, BigDecimal value, long unattributed, BigDecimal unattributedValue,
                  long nullPaths, int distinctPaths) {
    }

    private record Key(int[] path) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(path, k.path);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(path);
        }
    }
}
