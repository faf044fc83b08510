package io.marketops.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What to generate: the same spec always yields the same rows.
 *
 * @param seed         seeds every random choice
 * @param workspaceId  the workspace the rows belong to
 * @param endDate      last day of data (inclusive), a local date in {@code zone}
 * @param days         how many days end at {@code endDate} (default {@value #DEFAULT_DAYS})
 * @param zone         the workspace time zone that local dates refer to (default Asia/Shanghai)
 * @param targetEvents 0 for the demo size (about 4,000 events a day, ≈ 750k over 180 days);
 *                     otherwise visitors are scaled so the total lands within a few percent of it
 */
public record GeneratorSpec(long seed, long workspaceId, LocalDate endDate, int days, ZoneId zone, long targetEvents) {

    public static final int DEFAULT_DAYS = 180;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** Visitor state costs about 10 bytes per visitor (≈ 1.5 bytes per event); this keeps it well under 1 GB. */
    public static final long MAX_TARGET_EVENTS = 200_000_000L;
    /** One day's sessions are planned in memory (≈ 2 bytes per event), so a day may hold at most this many. */
    public static final long MAX_EVENTS_PER_DAY = 5_000_000L;
    public static final int MAX_DAYS = 3_660;

    public GeneratorSpec {
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(zone, "zone");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", got " + days);
        }
        if (workspaceId < 1) throw new IllegalArgumentException("workspaceId must be positive, got " + workspaceId);
        if (targetEvents < 0 || targetEvents > MAX_TARGET_EVENTS) {
            throw new IllegalArgumentException("targetEvents must be between 0 and " + MAX_TARGET_EVENTS + ", got " + targetEvents);
        }
        if (targetEvents > days * MAX_EVENTS_PER_DAY) {
            throw new IllegalArgumentException("targetEvents of " + targetEvents + " over " + days + " days exceeds "
                    + MAX_EVENTS_PER_DAY + " events a day; generate more days");
        }
    }

    /** The demo defaults: 180 days ending at {@code endDate} in Asia/Shanghai, demo size. */
    public static GeneratorSpec of(long seed, long workspaceId, LocalDate endDate) {
        return new GeneratorSpec(seed, workspaceId, endDate, DEFAULT_DAYS, DEFAULT_ZONE, 0);
    }

    public GeneratorSpec withDays(int days) {
        return new GeneratorSpec(seed, workspaceId, endDate, days, zone, targetEvents);
    }

    public GeneratorSpec withZone(ZoneId zone) {
        return new GeneratorSpec(seed, workspaceId, endDate, days, zone, targetEvents);
    }

    public GeneratorSpec withTargetEvents(long targetEvents) {
        return new GeneratorSpec(seed, workspaceId, endDate, days, zone, targetEvents);
    }

    /** First day of data (inclusive). */
    public LocalDate from() {
        return endDate.minusDays(days - 1L);
    }
}
