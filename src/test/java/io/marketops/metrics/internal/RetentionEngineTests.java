package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.RetentionQuery;
import io.marketops.metrics.RetentionResult;
import io.marketops.metrics.RetentionResult.Cell;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.marketops.metrics.internal.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Classic and unbounded retention on hand-worked cohorts; Shanghai day and Monday week boundaries. */
class RetentionEngineTests {
    static final long WS = 61;
    @TempDir
    static Path dir;
    static StandaloneWarehouse warehouse;
    static RetentionEngine retention;

    @BeforeAll
    static void facts() {
        warehouse = warehouse(dir);
        warehouse.append(a -> {
            // cohort 10-01: r1 (09:00 local) back on 10-02 and 10-04; r2 (00:30 local) back on 10-03
            a.event(page(WS, "r1", null, "2026-10-01T01:00:00Z", null));
            a.event(page(WS, "r1", null, "2026-10-02T01:00:00Z", null));
            a.event(page(WS, "r1", null, "2026-10-04T01:00:00Z", null));
            a.event(page(WS, "r2", null, "2026-09-30T16:30:00Z", null));
            a.event(page(WS, "r2", null, "2026-10-03T02:00:00Z", null));
            // cohort 10-02: r3 back on 10-03 at 23:59 local; r5 never back
            a.event(page(WS, "r3", null, "2026-10-02T05:00:00Z", null));
            a.event(page(WS, "r3", null, "2026-10-03T15:59:00Z", null));
            a.event(page(WS, "r5", null, "2026-10-02T06:00:00Z", null));
            // r4 was first seen 09-30 23:30 local: not in a cohort of the range
            a.event(page(WS, "r4", null, "2026-09-30T15:30:00Z", null));
            a.event(page(WS, "r4", null, "2026-10-01T02:00:00Z", null));
            // weekly, by sign-up: w1 signs up Sunday 10-04 23:30 local (week of 09-28), visits Monday 00:30 (next week)
            a.event(track(WS, "sign_up", "w1", "2026-10-04T15:30:00Z"));
            a.event(page(WS, "w1", null, "2026-10-04T16:30:00Z", null));
            // w2 signs up Monday 10-05; a visit the same week (period 0) and one in the week of 10-19 (period 2)
            a.event(track(WS, "sign_up", "w2", "2026-10-05T01:00:00Z"));
            a.event(page(WS, "w2", null, "2026-10-11T15:00:00Z", null));
            a.event(page(WS, "w2", null, "2026-10-19T02:00:00Z", null));
        });
        retention = new RetentionEngine(warehouse, workspaces(WS), MetricsProperties.defaults(), Optional.empty());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static List<Double> classic(RetentionResult.Cohort c) {
        return c.periods().stream().map(Cell::classicRate).toList();
    }

    static List<Double> unbounded(RetentionResult.Cohort c) {
        return c.periods().stream().map(Cell::unboundedRate).toList();
    }

    @Test
    void dailyCohortsByFirstEventWithClassicAndUnboundedRetention() {
        var r = retention.run(WorkspaceId.of(WS), new RetentionQuery(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), Granularity.DAY,
                null, null, null, null, 3));
        assertThat(r.cohorts()).extracting(RetentionResult.Cohort::cohort, RetentionResult.Cohort::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10-01", 2L), org.assertj.core.groups.Tuple.tuple("2026-10-02", 2L));
        assertThat(classic(r.cohorts().get(0))).containsExactly(1.0, 0.5, 0.5, 0.5);
        assertThat(unbounded(r.cohorts().get(0))).containsExactly(1.0, 1.0, 1.0, 0.5);
        assertThat(classic(r.cohorts().get(1))).containsExactly(1.0, 0.5, 0.0, 0.0);
        assertThat(unbounded(r.cohorts().get(1))).containsExactly(1.0, 0.5, 0.0, 0.0);
        // average of period 1 over 4 people: classic (1 + 1) / 4, unbounded (2 + 1) / 4
        assertThat(r.average().get(1)).isEqualTo(new Cell(1, 2L, 0.5, 3L, 0.75));
    }

    @Test
    void weeklyCohortsBySignUpStartOnMonday() {
        var r = retention.run(WorkspaceId.of(WS), new RetentionQuery(LocalDate.parse("2026-09-28"), LocalDate.parse("2026-10-11"), Granularity.WEEK,
                "sign_up", null, null, null, 2));
        assertThat(r.cohorts()).extracting(RetentionResult.Cohort::cohort).containsExactly("2026-09-28", "2026-10-05");
        assertThat(r.cohorts().get(0).periods()).extracting(Cell::classic, Cell::unbounded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L), org.assertj.core.groups.Tuple.tuple(1L, 1L), org.assertj.core.groups.Tuple.tuple(0L, 0L));
        assertThat(r.cohorts().get(1).periods()).extracting(Cell::classic, Cell::unbounded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L), org.assertj.core.groups.Tuple.tuple(0L, 1L), org.assertj.core.groups.Tuple.tuple(1L, 1L));
    }

    @Test
    void periodsThatHaveNotStartedAreNull() {
        var today = LocalDate.now(SHANGHAI);
        warehouse.append(a -> a.event(page(WS, "fresh", null, today.atStartOfDay(SHANGHAI).plusHours(1).toInstant().toString(), null)));
        var r = retention.run(WorkspaceId.of(WS), new RetentionQuery(today, today, Granularity.DAY, null, null, null, null, 2));
        assertThat(r.cohorts().get(0).periods()).extracting(Cell::classic).containsExactly(1L, null, null);
    }

    @Test
    void refusesBadPeriodsAndGranularity() {
        assertThatThrownBy(() -> retention.run(WorkspaceId.of(WS), new RetentionQuery(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), Granularity.DAY, null, null, null, null, 91)))
                .hasMessageContaining("periods: must be between 1 and 90");
        assertThatThrownBy(() -> retention.run(WorkspaceId.of(WS), new RetentionQuery(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), Granularity.TOTAL, null, null, null, null, 3)))
                .hasMessageContaining("granularity: must be day, week or month");
    }
}
