package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Filter;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricQuery.Comparison;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.MetricResult;
import io.marketops.metrics.Overview;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.marketops.metrics.internal.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every built-in metric against a hand-computed fixture in Asia/Shanghai (UTC+8): local midnight is
 * 16:00 UTC, 2026-10-11 is a Sunday and 2026-10-12 a Monday. The expected numbers are worked out
 * in the comments from the events listed, not by the code under test.
 */
class MetricEngineTests {
    static final long WS = 41, OTHER = 42;
    /** Workspaces for the calendar fixture (weeks, months, comparisons) and the N-day retention fixture. */
    static final long CAL = 43, RET = 44;
    /** Cohort metrics need their observation days to have passed: these tests run "on" 2027-03-01 whatever today is. */
    static final java.time.Clock MARCH_2027 = java.time.Clock.fixed(java.time.Instant.parse("2027-03-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    @TempDir
    static Path dir;
    static StandaloneWarehouse warehouse;
    static MetricEngine engine;
    /** The same engine (with the rollup) on a fixed clock. */
    static MetricEngine fixed;

    @BeforeAll
    static void facts() {
        warehouse = warehouse(dir);
        warehouse.append(a -> {
            // u1 (douyin): 10-10 23:50 and 10-11 00:05 local — one session across midnight, 900 s, 2 views
            a.event(page(WS, "u1", null, "2026-10-10T15:50:00Z", "douyin"));
            a.event(page(WS, "u1", null, "2026-10-10T16:05:00Z", "douyin"));
            // a1 (wechat): 10-11 10:00 local, one view; again Monday 10-12 00:30 local
            a.event(page(WS, null, "a1", "2026-10-11T02:00:00Z", "wechat"));
            a.event(page(WS, null, "a1", "2026-10-11T16:30:00Z", "wechat"));
            // a2 is stitched to u2: both are one person; one session of 300 s with 2 views
            a.event(page(WS, null, "a2", "2026-10-11T03:00:00Z", "wechat"));
            a.event(page(WS, "u2", "a2", "2026-10-11T03:05:00Z", "wechat"));
            // u1 signs up at 10-11 12:00 local: a track-only session (0 views)
            a.event(event(WS, "track", "sign_up", "u1", null, "2026-10-11T04:00:00Z", "douyin", "{\"plan\":\"pro\"}"));
            // a3: Sunday 10-11 23:30 local, no channel
            a.event(page(WS, null, "a3", "2026-10-11T15:30:00Z", null));
            // another workspace's events never count
            a.event(page(OTHER, "x", null, "2026-10-11T03:00:00Z", "douyin"));
            // Wednesday 10-14 (no other events that day): five people, one session each, where the two bounce
            // definitions disagree. b1: two views 5 s apart (multi-page, but under 10 s)
            a.event(page(WS, "b1", null, "2026-10-14T02:00:00Z", null));
            a.event(page(WS, "b1", null, "2026-10-14T02:00:05Z", null));
            // b2: one view, then a click 40 s later (single-page, but stayed 40 s)
            a.event(page(WS, "b2", null, "2026-10-14T03:00:00Z", null));
            a.event(track(WS, "click", "b2", "2026-10-14T03:00:40Z"));
            // b3: two views 180 s apart (neither)
            a.event(page(WS, "b3", null, "2026-10-14T04:00:00Z", null));
            a.event(page(WS, "b3", null, "2026-10-14T04:03:00Z", null));
            // b4: one view and nothing else (both)
            a.event(page(WS, "b4", null, "2026-10-14T05:00:00Z", null));
            // b5: one view, a scroll exactly 10 s later: single-page, and 10 s is not "under 10 s"
            a.event(page(WS, "b5", null, "2026-10-14T06:00:00Z", null));
            a.event(track(WS, "scroll", "b5", "2026-10-14T06:00:10Z"));
            a.order(order(WS, "o1", "c1", "2026-10-10T17:00:00Z", "100.00", "paid", "douyin"));
            a.order(order(WS, "o2", "c1", "2026-10-11T05:00:00Z", "50.00", "refunded", "douyin"));
            a.order(order(WS, "o3", "c2", "2026-10-11T06:00:00Z", "30.00", "cancelled", "wechat"));
            a.order(order(WS, "o4", "c3", "2026-10-10T15:00:00Z", "20.00", "paid", "wechat"));
            a.order(order(WS, "o5", "c2", "2026-09-01T00:00:00Z", "10.00", "paid", "wechat"));
            a.order(order(WS, "o6", "u1", "2026-10-12T00:00:00Z", "60.00", "paid", "douyin"));
            a.adCost(ad(WS, "2026-10-11", "douyin", 10_000, 200, "400.00", 10));
            a.adCost(ad(WS, "2026-10-11", "wechat", 5_000, 100, "100.00", 5));
            a.contentMetric(content(WS, "p1", "douyin", "2026-10-11", 1000, 12));
            a.contentMetric(content(WS, "p2", "xiaohongshu", "2026-10-11", 500, 8));
        });
        identity(warehouse, WS, "a2", "u2", "2026-10-11T03:05:00Z");
        warehouse.append(a -> {
            // Calendar fixture (page views, Asia/Shanghai = UTC+8; "local" below). 2026-10-19, 10-26 and 11-02 are Mondays;
            // the week of 10-26 runs Mon 10-26 .. Sun 11-01 and straddles October and November.
            a.event(page(CAL, "x1", null, "2026-10-05T02:00:00Z", null)); // Mon 10-05 10:00 local
            a.event(page(CAL, "x2", null, "2026-10-18T15:30:00Z", null)); // Sun 10-18 23:30 local (week of 10-12)
            a.event(page(CAL, "x2", null, "2026-10-18T16:30:00Z", null)); // Mon 10-19 00:30 local (week of 10-19)
            a.event(page(CAL, "x3", null, "2026-10-25T15:30:00Z", null)); // Sun 10-25 23:30 local (week of 10-19)
            a.event(page(CAL, "x3", null, "2026-10-25T16:30:00Z", null)); // Mon 10-26 00:30 local (week of 10-26)
            a.event(page(CAL, "x4", null, "2026-10-31T15:30:00Z", null)); // Sat 10-31 23:30 local (October, week of 10-26)
            a.event(page(CAL, "x4", null, "2026-10-31T16:30:00Z", null)); // Sun 11-01 00:30 local (November, week of 10-26)
            a.event(page(CAL, "x5", null, "2026-11-01T16:30:00Z", null)); // Mon 11-02 00:30 local (week of 11-02)
            a.event(page(CAL, "x1", null, "2026-11-15T04:00:00Z", null)); // 11-15 12:00 local
            a.event(page(CAL, "x6", null, "2026-11-30T15:30:00Z", null)); // 11-30 23:30 local (November)
            a.event(page(CAL, "x6", null, "2026-11-30T16:30:00Z", null)); // 12-01 00:30 local (December)
            // August and September 2026 (the previous period of October–November)
            a.event(page(CAL, "y3", null, "2026-08-10T04:00:00Z", null)); // 08-10 12:00 local
            a.event(page(CAL, "y1", null, "2026-08-31T15:30:00Z", null)); // 08-31 23:30 local (August)
            a.event(page(CAL, "y1", null, "2026-08-31T16:30:00Z", null)); // 09-01 00:30 local (September)
            a.event(page(CAL, "y2", null, "2026-09-15T04:00:00Z", null)); // 09-15 12:00 local
            a.event(page(CAL, "y2", null, "2026-09-20T04:00:00Z", null)); // 09-20 12:00 local
            // a year earlier (2025-10-19 is a Sunday, 2025-10-20 and 10-27 Mondays)
            a.event(page(CAL, "z1", null, "2025-10-10T04:00:00Z", null)); // 2025-10-10 12:00 local
            a.event(page(CAL, "z3", null, "2025-10-19T04:00:00Z", null)); // Sun 2025-10-19 12:00 local
            a.event(page(CAL, "z4", null, "2025-10-21T04:00:00Z", null)); // Tue 2025-10-21 12:00 local
            a.event(page(CAL, "z2", null, "2025-10-31T15:30:00Z", null)); // Fri 2025-10-31 23:30 local (October)
            a.event(page(CAL, "z2", null, "2025-10-31T16:30:00Z", null)); // Sat 2025-11-01 00:30 local (November)

            // N-day retention fixture (track events; cohort = local day of the first event)
            a.event(track(RET, "open", "r0", "2026-09-30T15:30:00Z")); // first: 09-30 23:30 local
            a.event(track(RET, "open", "r0", "2026-10-07T04:00:00Z")); // 10-07 = day 7
            a.event(track(RET, "open", "r1", "2026-10-01T02:00:00Z")); // first: 10-01 10:00 local
            a.event(track(RET, "open", "r1", "2026-10-08T02:00:00Z")); // 10-08 = day 7
            a.event(track(RET, "open", "r1", "2026-10-31T15:30:00Z")); // 10-31 23:30 local = day 30
            a.event(track(RET, "open", "r2", "2026-10-01T15:30:00Z")); // first: 10-01 23:30 local
            a.event(track(RET, "open", "r2", "2026-10-07T16:30:00Z")); // 10-08 00:30 local = day 7 (10-07 in UTC)
            a.event(track(RET, "open", "r2", "2026-10-31T16:30:00Z")); // 11-01 00:30 local = day 31, not 30
            a.event(track(RET, "open", "r3", "2026-10-01T04:00:00Z")); // first: 10-01 12:00 local
            a.event(track(RET, "open", "r3", "2026-10-09T04:00:00Z")); // day 8
            a.event(track(RET, "open", "r3", "2026-10-30T04:00:00Z")); // day 29
            a.event(track(RET, "open", "r4", "2026-10-01T16:30:00Z")); // first: 10-02 00:30 local (10-01 in UTC)
            a.event(track(RET, "open", "r4", "2026-10-09T04:00:00Z")); // 10-09 = day 7 of 10-02
        });
        engine = engine(warehouse, WS);
        fixed = new MetricEngine(warehouse, workspaces(WS, CAL, RET), new MetricDefinitions(noCustomMetrics()), MetricsProperties.defaults(),
                java.util.Optional.of(MARCH_2027), java.util.Optional.of(new ActivityRollup(warehouse)));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static MetricResult run(List<String> metrics, String from, String to, Granularity g, List<String> dims) {
        return engine.run(WorkspaceId.of(WS), new MetricQuery(metrics, LocalDate.parse(from), LocalDate.parse(to), g, dims, List.of(), Comparison.NONE));
    }

    static Map<String, Number> day(MetricResult r, String period) {
        return r.rows().stream().filter(x -> x.period().equals(period)).findFirst().orElseThrow().values();
    }

    @Test
    void countsPageViewsAndStitchedVisitorsPerShanghaiDay() {
        var r = run(List.of("pv", "uv"), "2026-10-10", "2026-10-13", Granularity.DAY, List.of());
        assertThat(r.rows()).extracting(MetricResult.Row::period).containsExactly("2026-10-10", "2026-10-11", "2026-10-12", "2026-10-13");
        assertThat(day(r, "2026-10-10")).containsEntry("pv", 1L).containsEntry("uv", 1L);
        // 10-11: u1 (00:05), a1, a2+u2 as one person, a3 → 4 people, 5 views
        assertThat(day(r, "2026-10-11")).containsEntry("pv", 5L).containsEntry("uv", 4L);
        assertThat(day(r, "2026-10-12")).containsEntry("pv", 1L).containsEntry("uv", 1L);
        assertThat(day(r, "2026-10-13")).containsEntry("pv", 0L).containsEntry("uv", 0L);
    }

    @Test
    void weeksStartOnMondayAndTheFirstIsClampedToFrom() {
        var r = run(List.of("pv", "uv"), "2026-10-10", "2026-10-13", Granularity.WEEK, List.of());
        assertThat(r.rows()).extracting(MetricResult.Row::period).containsExactly("2026-10-10", "2026-10-12");
        assertThat(day(r, "2026-10-10")).containsEntry("pv", 6L).containsEntry("uv", 4L);
        assertThat(day(r, "2026-10-12")).containsEntry("pv", 1L).containsEntry("uv", 1L);
    }

    @Test
    void breaksDownVisitorsByChannelWithMissingChannelAsNull() {
        var r = run(List.of("uv"), "2026-10-11", "2026-10-11", Granularity.DAY, List.of("channel"));
        Map<String, Number> byChannel = new LinkedHashMap<>();
        r.rows().forEach(x -> byChannel.put(x.dimensions().get("channel"), x.value("uv")));
        assertThat(byChannel).containsExactly(Map.entry("douyin", 1L), Map.entry("wechat", 2L), new java.util.AbstractMap.SimpleEntry<>(null, 1L));
    }

    @Test
    void sessionsBounceRatesAndDurationFollowTheirDefinitions() {
        var r = run(List.of("sessions", "bounce_rate", "bounce_rate_10s", "avg_session_duration"), "2026-10-10", "2026-10-12", Granularity.DAY, List.of());
        // 10-10: u1's session started 23:50 local, 2 views, 900 s
        assertThat(day(r, "2026-10-10")).containsEntry("sessions", 1L).containsEntry("bounce_rate", 0.0).containsEntry("bounce_rate_10s", 0.0)
                .containsEntry("avg_session_duration", new BigDecimal("900.0"));
        // 10-11: a1 (1 view, 0 s), u2 (2 views, 300 s), u1 sign_up (0 views, 0 s), a3 (1 view, 0 s)
        assertThat(day(r, "2026-10-11")).containsEntry("sessions", 4L).containsEntry("bounce_rate", 0.75).containsEntry("bounce_rate_10s", 0.75)
                .containsEntry("avg_session_duration", new BigDecimal("75.0"));
        assertThat(day(r, "2026-10-12")).containsEntry("sessions", 1L).containsEntry("bounce_rate", 1.0);
    }

    @Test
    void singlePageAndUnderTenSecondBounceRatesDiffer() {
        var r = run(List.of("sessions", "bounce_rate", "bounce_rate_10s", "avg_session_duration", "pv"), "2026-10-14", "2026-10-14", Granularity.DAY, List.of());
        // sessions: b1 (2 views, 5 s), b2 (1 view, 40 s), b3 (2 views, 180 s), b4 (1 view, 0 s), b5 (1 view, 10 s)
        // single-page (views <= 1): b2, b4, b5 → 3 / 5 = 0.6
        // under 10 s (last − first event < 10 s): b1, b4 → 2 / 5 = 0.4 (b5's exactly 10 s does not count)
        // duration (5 + 40 + 180 + 0 + 10) / 5 = 47.0 s; views 2 + 1 + 2 + 1 + 1 = 7
        assertThat(day(r, "2026-10-14")).containsEntry("sessions", 5L).containsEntry("bounce_rate", 0.6).containsEntry("bounce_rate_10s", 0.4)
                .containsEntry("avg_session_duration", new BigDecimal("47.0")).containsEntry("pv", 7L);
    }

    @Test
    void activeUsersUseTrailingWindowsEndingOnTheBucket() {
        var r = run(List.of("dau", "wau", "mau", "stickiness", "new_users"), "2026-10-10", "2026-10-12", Granularity.DAY, List.of());
        assertThat(day(r, "2026-10-10")).containsEntry("dau", 1L).containsEntry("wau", 1L).containsEntry("new_users", 1L);
        assertThat(day(r, "2026-10-11")).containsEntry("dau", 4L).containsEntry("new_users", 3L);
        // 10-12: DAU 1 (a1); 7 and 30 days back: u1, a1, u2, a3; stickiness = (1 + 4 + 1) / 30 / 4 = 0.05
        assertThat(day(r, "2026-10-12")).containsEntry("dau", 1L).containsEntry("wau", 4L).containsEntry("mau", 4L)
                .containsEntry("stickiness", 0.05).containsEntry("new_users", 0L);
        // over the whole range as one bucket the DAU is the mean (1 + 4 + 1) / 3
        var total = run(List.of("dau"), "2026-10-10", "2026-10-12", Granularity.TOTAL, List.of());
        assertThat(total.rows().get(0).values()).containsEntry("dau", 2L);
    }

    @Test
    void retentionAndCohortLtvCountFromTheFirstLocalDay() {
        var r = run(List.of("retention_d1", "ltv_30"), "2026-10-10", "2026-10-11", Granularity.DAY, List.of());
        // cohort 10-10 = {u1}: active on 10-11 → 1.0; u1 ordered 60.00 within 30 days → LTV 60.00
        assertThat(day(r, "2026-10-10")).containsEntry("retention_d1", 1.0).containsEntry("ltv_30", new BigDecimal("60.00"));
        // cohort 10-11 = {a1, u2, a3}: only a1 came back on 10-12 → 1/3
        assertThat(day(r, "2026-10-11")).containsEntry("retention_d1", 0.333333).containsEntry("ltv_30", new BigDecimal("0.00"));
    }

    static MetricResult runFixed(long ws, List<String> metrics, String from, String to, Granularity g, Comparison c) {
        return fixed.run(WorkspaceId.of(ws), new MetricQuery(metrics, LocalDate.parse(from), LocalDate.parse(to), g, List.of(), List.of(), c));
    }

    static Map<String, MetricResult.Change> compare(MetricResult r, String period) {
        return r.rows().stream().filter(x -> x.period().equals(period)).findFirst().orElseThrow().compare();
    }

    @Test
    void sevenAndThirtyDayRetentionAreClassicOnShanghaiDays() {
        var r = runFixed(RET, List.of("new_users", "retention_d1", "retention_d7", "retention_d30"), "2026-09-30", "2026-10-02", Granularity.DAY, Comparison.NONE);
        // cohort 09-30 = {r0}: back on 10-07 (day 7), not on 10-01 or 10-30
        assertThat(day(r, "2026-09-30")).containsEntry("new_users", 1L).containsEntry("retention_d1", 0.0).containsEntry("retention_d7", 1.0).containsEntry("retention_d30", 0.0);
        // cohort 10-01 = {r1, r2, r3} (r4's 10-01T16:30Z is 10-02 local): day 7 = 10-08: r1 and r2 (00:30 local) → 2/3;
        // day 30 = 10-31: r1 (23:30 local) → 1/3 (r2's 11-01 00:30 local is day 31; r3 came on days 8 and 29); nobody on day 1
        assertThat(day(r, "2026-10-01")).containsEntry("new_users", 3L).containsEntry("retention_d1", 0.0).containsEntry("retention_d7", 0.666667)
                .containsEntry("retention_d30", 0.333333);
        // cohort 10-02 = {r4}: back on 10-09 (day 7), not on 11-01
        assertThat(day(r, "2026-10-02")).containsEntry("new_users", 1L).containsEntry("retention_d7", 1.0).containsEntry("retention_d30", 0.0);
    }

    @Test
    void monthlyCohortsPoolTheirPeopleForNDayRetention() {
        var r = runFixed(RET, List.of("new_users", "retention_d7", "retention_d30"), "2026-09-01", "2026-10-31", Granularity.MONTH, Comparison.NONE);
        assertThat(r.rows()).extracting(MetricResult.Row::period).containsExactly("2026-09-01", "2026-10-01");
        // September = {r0}: day 7 yes, day 30 (10-30) no
        assertThat(day(r, "2026-09-01")).containsEntry("new_users", 1L).containsEntry("retention_d7", 1.0).containsEntry("retention_d30", 0.0);
        // October = {r1, r2, r3, r4}: day 7 r1, r2, r4 → 3/4; day 30 r1 → 1/4
        assertThat(day(r, "2026-10-01")).containsEntry("new_users", 4L).containsEntry("retention_d7", 0.75).containsEntry("retention_d30", 0.25);
    }

    @Test
    void cohortMetricsAreNullUntilTheirDaysHavePassed() {
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-10-20T00:00:00Z"), java.time.ZoneOffset.UTC);
        var early = new MetricEngine(warehouse, workspaces(RET), new MetricDefinitions(noCustomMetrics()), MetricsProperties.defaults(),
                java.util.Optional.of(clock), java.util.Optional.empty());
        var r = early.run(WorkspaceId.of(RET), MetricQuery.of(List.of("retention_d7", "retention_d30"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01"), Granularity.DAY));
        // on 10-20 day 7 of the 10-01 cohort (10-08) has passed, day 30 (10-31) has not
        assertThat(day(r, "2026-10-01")).containsEntry("retention_d7", 0.666667).containsEntry("retention_d30", null);
    }

    @Test
    void monthsAreLocalCalendarMonthsAndTheFirstIsClampedToFrom() {
        var r = runFixed(CAL, List.of("pv", "uv"), "2026-10-01", "2026-11-30", Granularity.MONTH, Comparison.NONE);
        assertThat(r.rows()).extracting(MetricResult.Row::period).containsExactly("2026-10-01", "2026-11-01");
        // October: x1 10-05, x2 10-18 and 10-19, x3 10-25 and 10-26, x4 10-31 23:30 → 6 views by x1..x4
        assertThat(day(r, "2026-10-01")).containsEntry("pv", 6L).containsEntry("uv", 4L);
        // November: x4 11-01 00:30 (10-31 in UTC), x5 11-02, x1 11-15, x6 11-30 23:30 (its 12-01 00:30 is December) → 4 views, 4 people
        assertThat(day(r, "2026-11-01")).containsEntry("pv", 4L).containsEntry("uv", 4L);
        // a range starting mid-month: the first bucket is 10-19..10-31 (x2 10-19, x3 10-25 and 10-26, x4 10-31), the second 11-01 (x4)
        var mid = runFixed(CAL, List.of("pv", "uv"), "2026-10-19", "2026-11-01", Granularity.MONTH, Comparison.NONE);
        assertThat(mid.rows()).extracting(MetricResult.Row::period).containsExactly("2026-10-19", "2026-11-01");
        assertThat(day(mid, "2026-10-19")).containsEntry("pv", 4L).containsEntry("uv", 3L);
        assertThat(day(mid, "2026-11-01")).containsEntry("pv", 1L).containsEntry("uv", 1L);
    }

    @Test
    void monthlyComparisonsWithThePreviousPeriodAndYear() {
        var r = runFixed(CAL, List.of("pv", "uv"), "2026-10-01", "2026-11-30", Granularity.MONTH, Comparison.PREVIOUS_PERIOD);
        // 环比 of two whole months: August and September, October paired with August, November with September
        assertThat(r.compareFrom()).isEqualTo(LocalDate.parse("2026-08-01"));
        assertThat(r.compareTo()).isEqualTo(LocalDate.parse("2026-09-30"));
        // August: y3 08-10, y1 08-31 23:30 → pv 2, uv 2. October pv 6 → (6 − 2) / 2 = 2.0; uv 4 → (4 − 2) / 2 = 1.0
        assertThat(compare(r, "2026-10-01")).containsEntry("pv", new MetricResult.Change(2L, 2.0)).containsEntry("uv", new MetricResult.Change(2L, 1.0));
        // September: y1 09-01 00:30 (08-31 in UTC), y2 09-15 and 09-20 → pv 3, uv 2. November pv 4 → 1/3; uv 4 → 1.0
        assertThat(compare(r, "2026-11-01")).containsEntry("pv", new MetricResult.Change(3L, 0.333333)).containsEntry("uv", new MetricResult.Change(2L, 1.0));

        var y = runFixed(CAL, List.of("pv", "uv"), "2026-10-01", "2026-11-30", Granularity.MONTH, Comparison.PREVIOUS_YEAR);
        assertThat(y.compareFrom()).isEqualTo(LocalDate.parse("2025-10-01"));
        assertThat(y.compareTo()).isEqualTo(LocalDate.parse("2025-11-30"));
        // October 2025: z1, z3, z4, z2 (10-31 23:30) → pv 4, uv 4. pv (6 − 4) / 4 = 0.5; uv 0.0
        assertThat(compare(y, "2026-10-01")).containsEntry("pv", new MetricResult.Change(4L, 0.5)).containsEntry("uv", new MetricResult.Change(4L, 0.0));
        // November 2025: z2's 11-01 00:30 local (10-31 in UTC) → pv 1, uv 1. pv (4 − 1) / 1 = 3.0, uv 3.0
        assertThat(compare(y, "2026-11-01")).containsEntry("pv", new MetricResult.Change(1L, 3.0)).containsEntry("uv", new MetricResult.Change(1L, 3.0));
    }

    @Test
    void weeklyComparisonWithThePreviousPeriodAcrossAMonthBoundary() {
        var r = runFixed(CAL, List.of("pv", "uv"), "2026-10-19", "2026-11-01", Granularity.WEEK, Comparison.PREVIOUS_PERIOD);
        assertThat(r.rows()).extracting(MetricResult.Row::period).containsExactly("2026-10-19", "2026-10-26");
        // week of 10-19: x2 Mon 00:30, x3 Sun 23:30 → pv 2, uv 2 (x2's Sunday 10-18 23:30 belongs to the week before)
        assertThat(day(r, "2026-10-19")).containsEntry("pv", 2L).containsEntry("uv", 2L);
        // week of 10-26 (into November): x3 Mon 00:30, x4 10-31 23:30 and 11-01 00:30 → pv 3, uv 2 (x5's Mon 11-02 00:30 is outside)
        assertThat(day(r, "2026-10-26")).containsEntry("pv", 3L).containsEntry("uv", 2L);
        // 环比: the 14 days before, Mon 10-05 .. Sun 10-18, i.e. the weeks of 10-05 (x1) and 10-12 (x2's Sunday 23:30)
        assertThat(r.compareFrom()).isEqualTo(LocalDate.parse("2026-10-05"));
        assertThat(r.compareTo()).isEqualTo(LocalDate.parse("2026-10-18"));
        assertThat(compare(r, "2026-10-19")).containsEntry("pv", new MetricResult.Change(1L, 1.0)).containsEntry("uv", new MetricResult.Change(1L, 1.0));
        assertThat(compare(r, "2026-10-26")).containsEntry("pv", new MetricResult.Change(1L, 2.0)).containsEntry("uv", new MetricResult.Change(1L, 1.0));
    }

    @Test
    void weeklyComparisonWithThePreviousYearMeetsTheSameWeekdays52WeeksBefore() {
        var r = runFixed(CAL, List.of("pv", "uv"), "2026-10-19", "2026-11-01", Granularity.WEEK, Comparison.PREVIOUS_YEAR);
        // 52 weeks (364 days) before: Mon 2025-10-20 .. Sun 2025-11-02, two whole Monday weeks like the range's own
        assertThat(r.compareFrom()).isEqualTo(LocalDate.parse("2025-10-20"));
        assertThat(r.compareTo()).isEqualTo(LocalDate.parse("2025-11-02"));
        // Mon 2026-10-19 .. Sun 10-25 (pv 2, uv 2) ↔ Mon 2025-10-20 .. Sun 10-26: z4 (Tue 10-21) → pv 1, uv 1 (z3's Sunday 10-19 is the week before)
        assertThat(compare(r, "2026-10-19")).containsEntry("pv", new MetricResult.Change(1L, 1.0)).containsEntry("uv", new MetricResult.Change(1L, 1.0));
        // Mon 2026-10-26 .. Sun 11-01 (pv 3, uv 2) ↔ Mon 2025-10-27 .. Sun 11-02: z2 10-31 23:30 and 11-01 00:30 local → pv 2, uv 1
        assertThat(compare(r, "2026-10-26")).containsEntry("pv", new MetricResult.Change(2L, 0.5)).containsEntry("uv", new MetricResult.Change(1L, 1.0));
    }

    @Test
    void orderMetricsKeepGmvPaidAndNetApart() {
        var r = run(List.of("orders", "gmv", "paid_gmv", "net_gmv", "buyers", "aov", "revenue_per_buyer", "repurchase_rate"),
                "2026-10-11", "2026-10-11", Granularity.DAY, List.of());
        // o1 (01:00 local) 100 paid, o2 50 refunded (c1), o3 30 cancelled (c2)
        assertThat(day(r, "2026-10-11")).containsEntry("orders", 3L).containsEntry("gmv", new BigDecimal("180.00"))
                .containsEntry("paid_gmv", new BigDecimal("150.00")).containsEntry("net_gmv", new BigDecimal("100.00"))
                .containsEntry("buyers", 2L).containsEntry("aov", new BigDecimal("60.00")).containsEntry("revenue_per_buyer", new BigDecimal("90.00"))
                .containsEntry("repurchase_rate", 0.5);
    }

    @Test
    void adAndMixedMetricsCombineSources() {
        var r = run(List.of("impressions", "clicks", "cost", "ctr", "cpc", "cpm", "cpa", "cac", "roas", "roi", "cvr", "ad_cvr", "follower_growth", "content_reads"),
                "2026-10-11", "2026-10-11", Granularity.DAY, List.of());
        // cost 500 on 15,000 impressions, 300 clicks, 15 conversions; GMV 180; 1 new customer (c1; c2 bought in September); 3 orders / 4 visitors
        assertThat(day(r, "2026-10-11")).containsEntry("impressions", 15_000L).containsEntry("clicks", 300L).containsEntry("cost", new BigDecimal("500.00"))
                .containsEntry("ctr", 0.02).containsEntry("cpc", new BigDecimal("1.67")).containsEntry("cpm", new BigDecimal("33.33"))
                .containsEntry("cpa", new BigDecimal("33.33")).containsEntry("cac", new BigDecimal("500.00")).containsEntry("roas", 0.36)
                .containsEntry("roi", -0.64).containsEntry("cvr", 0.75).containsEntry("ad_cvr", 0.05)
                .containsEntry("follower_growth", 20L).containsEntry("content_reads", 1500L);
    }

    @Test
    void contentStatisticsBreakDownByPostTitle() {
        // both fixture posts are titled "t": 1000 + 500 reads
        var r = run(List.of("content_reads"), "2026-10-11", "2026-10-11", Granularity.TOTAL, List.of("content"));
        assertThat(r.rows()).singleElement().satisfies(row -> {
            assertThat(row.dimensions()).containsEntry("content", "t");
            assertThat(row.values()).containsEntry("content_reads", 1500L);
        });
    }

    @Test
    void roasByChannelMatchesOrdersAndCostsOfThatChannel() {
        var r = run(List.of("roas"), "2026-10-11", "2026-10-11", Granularity.DAY, List.of("channel"));
        assertThat(r.rows()).extracting(x -> x.dimensions().get("channel"), x -> x.value("roas"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("douyin", 0.375), org.assertj.core.groups.Tuple.tuple("wechat", 0.3));
    }

    @Test
    void comparesWithThePreviousPeriodAndYear() {
        var q = new MetricQuery(List.of("uv"), LocalDate.parse("2026-10-11"), LocalDate.parse("2026-10-11"), Granularity.DAY, List.of(), List.of(), Comparison.PREVIOUS_PERIOD);
        var r = engine.run(WorkspaceId.of(WS), q);
        assertThat(r.compareFrom()).isEqualTo(LocalDate.parse("2026-10-10"));
        assertThat(r.rows().get(0).compare().get("uv")).isEqualTo(new MetricResult.Change(1L, 3.0));
        var y = engine.run(WorkspaceId.of(WS), q.withCompare(Comparison.PREVIOUS_YEAR));
        assertThat(y.compareFrom()).isEqualTo(LocalDate.parse("2025-10-11"));
        assertThat(y.rows().get(0).compare().get("uv")).isEqualTo(new MetricResult.Change(0L, null));
        assertThat(MetricEngine.compareRange(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), Comparison.PREVIOUS_PERIOD))
                .containsExactly(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30"));
    }

    @Test
    void homeOverviewComparesWithThePreviousPeriodAndYearAndSplitsByChannel() {
        var overview = new WarehouseOverview(engine, workspaces(WS));
        var s = overview.summarize(WorkspaceId.of(WS), LocalDate.parse("2026-10-11"), LocalDate.parse("2026-10-11"));
        var uv = s.kpis().stream().filter(k -> k.metric().equals("uv")).findFirst().orElseThrow();
        assertThat(uv.value()).isEqualByComparingTo("4");
        assertThat(uv.previous()).isEqualByComparingTo("1");
        assertThat(uv.change()).isEqualTo(3.0);
        assertThat(uv.previousYear()).isEqualByComparingTo("0");
        assertThat(uv.yearChange()).isNull();
        assertThat(s.previousFrom()).isEqualTo(LocalDate.parse("2026-10-10"));
        assertThat(s.yearFrom()).isEqualTo(LocalDate.parse("2025-10-11"));
        // channels by GMV: douyin 150 (o1, o2), wechat 30 (o3), then the visitors without a channel
        assertThat(s.channels()).extracting(Overview.ChannelRow::channel).containsExactly("douyin", "wechat", null);
        assertThat(s.channels().get(0).values().get("roas")).isEqualByComparingTo("0.375");
    }

    @Test
    void filtersAndPropertyDimensionsReadEventProperties() {
        var q = new MetricQuery(List.of("sessions"), LocalDate.parse("2026-10-11"), LocalDate.parse("2026-10-11"), Granularity.DAY,
                List.of("properties.plan"), List.of(Filter.eq("channel", "douyin")), Comparison.NONE);
        var r = engine.run(WorkspaceId.of(WS), q);
        // douyin events on 10-11: u1's 00:05 view (sessions are cut at the range start, so its own session, no plan)
        // and u1's sign_up four hours later (a new session, plan=pro)
        assertThat(r.rows()).extracting(x -> x.dimensions().get("properties.plan"), x -> x.value("sessions"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pro", 1L), org.assertj.core.groups.Tuple.tuple(null, 1L));
    }

    @Test
    void refusesUnknownMetricsDimensionsPropertiesAndInvertedRanges() {
        assertThatThrownBy(() -> run(List.of("no_such_metric"), "2026-10-10", "2026-10-11", Granularity.DAY, List.of()))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("metrics[0]").hasMessageContaining("no_such_metric");
        assertThatThrownBy(() -> run(List.of("uv"), "2026-10-11", "2026-10-10", Granularity.DAY, List.of()))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("to: must not be before from");
        assertThatThrownBy(() -> run(List.of("uv"), "2026-10-10", "2026-10-11", Granularity.DAY, List.of("colour")))
                .hasMessageContaining("dimensions[0]: unknown dimension 'colour'");
        assertThatThrownBy(() -> run(List.of("uv"), "2026-10-10", "2026-10-11", Granularity.DAY, List.of("properties.nope")))
                .hasMessageContaining("unknown property 'nope'");
        assertThatThrownBy(() -> run(List.of("uv"), "2026-10-10", "2026-10-11", Granularity.DAY, List.of("properties.a b")))
                .hasMessageContaining("not a valid property name");
        assertThatThrownBy(() -> run(List.of("cost"), "2026-10-10", "2026-10-11", Granularity.DAY, List.of("device")))
                .hasMessageContaining("metric 'cost' comes from ad costs, which cannot be broken down by 'device'");
        assertThatThrownBy(() -> run(List.of("uv"), "2024-01-01", "2026-10-11", Granularity.MONTH, List.of()))
                .hasMessageContaining("at most 732 are allowed");
        assertThatThrownBy(() -> run(List.of("uv"), "2025-01-01", "2026-10-11", Granularity.DAY, List.of()))
                .hasMessageContaining("day granularity allows at most 366 days");
    }
}
