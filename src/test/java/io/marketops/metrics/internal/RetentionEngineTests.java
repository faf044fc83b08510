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
    static final long WS = 61, MONTHLY = 63;
    @TempDir
    static Path dir;
    static StandaloneWarehouse warehouse;
    static RetentionEngine retention;
    /** On a fixed "today" (2027-03-01) so every monthly period asked for has started, whatever the real date. */
    static RetentionEngine march2027;

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
        warehouse.append(a -> {
            // monthly cohorts by first event, around Shanghai midnight at month ends
            // m1: first 09-30 23:30 local → September; back 10-01 00:30 local (period 1, still 09-30 in UTC) and in December (period 3)
            a.event(page(MONTHLY, "m1", null, "2026-09-30T15:30:00Z", null));
            a.event(page(MONTHLY, "m1", null, "2026-09-30T16:30:00Z", null));
            a.event(page(MONTHLY, "m1", null, "2026-12-05T04:00:00Z", null));
            // m2: first 10-01 00:30 local (09-30 in UTC) → October; back 10-31 23:30 local (period 0, not a return) and 11-01 00:30 local (period 1)
            a.event(page(MONTHLY, "m2", null, "2026-09-30T16:30:00Z", null));
            a.event(page(MONTHLY, "m2", null, "2026-10-31T15:30:00Z", null));
            a.event(page(MONTHLY, "m2", null, "2026-10-31T16:30:00Z", null));
            // m3: first 10-15 → October; back in December (period 2)
            a.event(page(MONTHLY, "m3", null, "2026-10-15T04:00:00Z", null));
            a.event(page(MONTHLY, "m3", null, "2026-12-10T04:00:00Z", null));
            // m4: first 10-20 → October; never back
            a.event(page(MONTHLY, "m4", null, "2026-10-20T04:00:00Z", null));
        });
        retention = new RetentionEngine(warehouse, workspaces(WS), MetricsProperties.defaults(), Optional.empty());
        march2027 = new RetentionEngine(warehouse, workspaces(MONTHLY), MetricsProperties.defaults(),
                Optional.of(java.time.Clock.fixed(java.time.Instant.parse("2027-03-01T00:00:00Z"), java.time.ZoneOffset.UTC)));
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
    void monthlyCohortsUseLocalCalendarMonths() {
        var r = march2027.run(WorkspaceId.of(MONTHLY), new RetentionQuery(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-31"), Granularity.MONTH,
                null, null, null, null, 3));
        // September = {m1}; October = {m2, m3, m4}
        assertThat(r.cohorts()).extracting(RetentionResult.Cohort::cohort, RetentionResult.Cohort::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-09-01", 1L), org.assertj.core.groups.Tuple.tuple("2026-10-01", 3L));
        // m1 returns in months 1 (Oct) and 3 (Dec), not 2 (Nov); unbounded: its last return is month 3
        assertThat(classic(r.cohorts().get(0))).containsExactly(1.0, 1.0, 0.0, 1.0);
        assertThat(unbounded(r.cohorts().get(0))).containsExactly(1.0, 1.0, 1.0, 1.0);
        // month 1 (Nov): m2; month 2 (Dec): m3; month 3 (Jan): nobody. Unbounded 1: m2 and m3 → 2/3; 2: m3 → 1/3; 3: 0
        assertThat(classic(r.cohorts().get(1))).containsExactly(1.0, 0.333333, 0.333333, 0.0);
        assertThat(unbounded(r.cohorts().get(1))).containsExactly(1.0, 0.666667, 0.333333, 0.0);
        // period 1 over 4 people: classic m1 + m2 = 2 → 0.5; unbounded m1 + m2 + m3 = 3 → 0.75
        assertThat(r.average().get(1)).isEqualTo(new Cell(1, 2L, 0.5, 3L, 0.75));
    }

    @Test
    void monthlyPeriodsThatHaveNotStartedAreNull() {
        var dec15 = new RetentionEngine(warehouse, workspaces(MONTHLY), MetricsProperties.defaults(),
                Optional.of(java.time.Clock.fixed(java.time.Instant.parse("2026-12-15T00:00:00Z"), java.time.ZoneOffset.UTC)));
        var r = dec15.run(WorkspaceId.of(MONTHLY), new RetentionQuery(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), Granularity.MONTH,
                null, null, null, null, 3));
        // on 12-15 the October cohort's months 0..2 (Oct, Nov, Dec) have started, month 3 (January) has not
        assertThat(r.cohorts().get(0).periods()).extracting(Cell::classic).containsExactly(3L, 1L, 1L, null);
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
