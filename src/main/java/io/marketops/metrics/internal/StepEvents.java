package io.marketops.metrics.internal;

import io.marketops.metrics.FunnelQuery;

/**
 * The step-event projection {@code metrics_step_events} (schema {@code 0510_metrics_step_events.sql}): every named
 * event of a workspace as (local day, event, ts, user key, anonymous key), the keys integers from
 * {@code metrics_person_keys}. A funnel over it reads three narrow columns instead of the two id strings and groups
 * people by integers instead of hashing strings (docs/benchmarks.md). Stitching stays a read-time join
 * ({@link EventScope#stepEvents}), so identify calls change answers at once, as on events.
 * <p>
 * It is derived with the daily activity rollup: {@link RollupSql#rebuild} rebuilds the same days of both in one
 * transaction and {@link ActivityRollup#ensure} checks them through the rollup's per-day event counts — one
 * mechanism keeps both right. It holds no properties or dimensions, so only funnels it {@link #covers} read it.
 */
final class StepEvents {
    private StepEvents() {
    }

    /** Whether a funnel can read the projection: no step has a property or dimension filter and there is no breakdown. */
    static boolean covers(FunnelQuery q) {
        return q.breakdown() == null && q.steps().stream().allMatch(s -> s.filters().isEmpty());
    }
}
