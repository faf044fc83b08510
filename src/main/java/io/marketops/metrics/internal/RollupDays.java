package io.marketops.metrics.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which local days of one workspace's activity rollup are known to match {@code events}, in memory. A check
 * started before an announcement of new events near a day never marks that day as checked (generations), so an
 * append racing a rebuild is always looked at again.
 */
final class RollupDays {
    /** Longer announced spans simply forget every check (a stray timestamp must not make a huge loop). */
    private static final long MAX_SPAN_DAYS = 3_700;
    private final Object building = new Object();
    private final Set<LocalDate> checked = new HashSet<>();
    private final Map<LocalDate, Long> invalidatedAt = new HashMap<>();
    private ZoneId zone;
    private long generation;
    private long allInvalidatedAt;

    /** The days a caller is about to compare with {@code events}, and the generation the comparison starts from. */
    record Check(ZoneId zone, LocalDate first, LocalDate last, long generation) {
    }

    /** Serialises rebuilds of this workspace (two rebuilds of one day must not both insert its rows). */
    Object building() {
        return building;
    }

    /** The span from the first to the last unchecked day of [from, to], or null when all were checked. */
    synchronized Check unchecked(ZoneId zone, LocalDate from, LocalDate to) {
        if (!zone.equals(this.zone)) {
            this.zone = zone;
            checked.clear();
        }
        LocalDate first = null, last = null;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (checked.contains(d)) continue;
            if (first == null) first = d;
            last = d;
        }
        return first == null ? null : new Check(zone, first, last, generation);
    }

    /** New events on or near these days: they must be compared again before they are read. */
    synchronized void invalidate(LocalDate from, LocalDate to) {
        generation++;
        if (ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
            checked.clear();
            allInvalidatedAt = generation;
            return;
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            checked.remove(d);
            invalidatedAt.put(d, generation);
        }
    }

    /** Records a finished comparison, except for days announced as changed since it started. */
    synchronized void checked(Check c) {
        if (!c.zone().equals(zone) || allInvalidatedAt > c.generation()) return;
        for (LocalDate d = c.first(); !d.isAfter(c.last()); d = d.plusDays(1)) {
            if (invalidatedAt.getOrDefault(d, 0L) <= c.generation()) checked.add(d);
        }
    }
}
