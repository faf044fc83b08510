package io.marketops.anomalies.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.marketops.anomalies.internal.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Detection on hand-made series: 120 days of visitors with a weekly rhythm and 3 % noise; days 70–119 are judged. */
class DetectorTests {
    static final int DAYS = 120, FROM = 70, TO = 119;
    static final Cube.Key UV = Cube.Key.total("uv");

    private static List<Finding> uv(double[] series, Calendar calendar, double minVolume) {
        Cube cube = cube(DAYS);
        put(cube, UV, series);
        return detect(cube, calendar, rules(minVolume), List.of(watched("uv")), FROM, TO);
    }

    @Test
    void findsADayThatFellByHalfAndNothingElse() {
        double[] x = weekly(DAYS, 1000, WEEK, 0.03, 1);
        x[100] = Math.round(x[100] * 0.5);

        List<Finding> found = uv(x, NO_DAYS, 50);

        assertThat(found).extracting(Finding::date).containsExactly(MONDAY.plusDays(100));
        Finding f = found.get(0);
        assertThat(f.change()).isBetween(-0.6, -0.4);
        assertThat(f.actual()).isLessThan(f.lower());
        assertThat(f.severity()).isEqualTo(Finding.Severity.HIGH);
        assertThat(f.explanationEn()).startsWith("UV −");
    }

    @Test
    void weekendsFarAboveWeekdaysAreNotAlarms() {
        double[] x = weekly(DAYS, 1000, WEEK, 0.03, 2);

        assertThat(uv(x, NO_DAYS, 50)).isEmpty();
        // the expectation follows the week: a Saturday is expected well above the Friday before it
        Cube cube = cube(DAYS);
        put(cube, UV, x);
        Judge judge = new Judge(cube, NO_DAYS, new Baseline(Baseline.Settings.DEFAULT), rules(50), List.of(watched("uv")));
        double friday = judge.expectation(watched("uv"), UV, 102).expected(), saturday = judge.expectation(watched("uv"), UV, 103).expected();
        assertThat(saturday / friday).isCloseTo(WEEK[5] / WEEK[4], org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void valuesBelowTheMinimumVolumeAreNotJudged() {
        // at most 30 × 1.6 = 48 visitors a day: below a minimum volume of 50 even on weekends
        double[] x = weekly(DAYS, 30, WEEK, 0.0, 3);
        x[100] = Math.round(x[100] * 0.05);

        assertThat(uv(x, NO_DAYS, 50)).isEmpty();
        assertThat(uv(x, NO_DAYS, 10)).extracting(Finding::date).containsExactly(MONDAY.plusDays(100));
    }

    @Test
    void anOutageInTheHistoryMovesNeitherTheExpectationNorTheBand() {
        double[] clean = weekly(DAYS, 1000, WEEK, 0.03, 4), hit = clean.clone();
        hit[86] = Math.round(hit[86] * 0.3);
        hit[87] = Math.round(hit[87] * 0.3);
        Cube a = cube(DAYS), b = cube(DAYS);
        put(a, UV, clean);
        put(b, UV, hit);
        Judge ja = new Judge(a, NO_DAYS, new Baseline(Baseline.Settings.DEFAULT), rules(50), List.of(watched("uv")));
        Judge jb = new Judge(b, NO_DAYS, new Baseline(Baseline.Settings.DEFAULT), rules(50), List.of(watched("uv")));

        for (int i = 93; i <= 100; i++) {
            Expectation ea = ja.expectation(watched("uv"), UV, i), eb = jb.expectation(watched("uv"), UV, i);
            assertThat(eb.expected()).isCloseTo(ea.expected(), org.assertj.core.data.Percentage.withPercentage(3));
            assertThat(eb.sigma()).isCloseTo(ea.sigma(), org.assertj.core.data.Percentage.withPercentage(15));
        }
        assertThat(uv(hit, NO_DAYS, 50)).extracting(Finding::date).containsExactly(MONDAY.plusDays(86), MONDAY.plusDays(87));
    }

    @Test
    void aHolidayMayMoveVolumesWithinItsToleranceButNotBeyond() {
        String week = MONDAY.plusDays(100) + ".." + MONDAY.plusDays(106);
        Calendar holiday = Calendar.parse(List.of(), List.of("national_day " + week));
        double[] dip = weekly(DAYS, 1000, WEEK, 0.03, 5), crash = dip.clone();
        for (int i = 100; i <= 106; i++) dip[i] = Math.round(dip[i] * 0.85);
        crash[103] = Math.round(crash[103] * 0.4);

        assertThat(uv(dip, holiday, 50)).isEmpty();
        List<Finding> found = uv(crash, holiday, 50);
        assertThat(found).extracting(Finding::date).containsExactly(MONDAY.plusDays(103));
        assertThat(found.get(0).knownDay()).isEqualTo("national_day");
        assertThat(found.get(0).explanationEn()).contains("(during National Day)");
        assertThat(found.get(0).explanationZh()).contains("（国庆期间）");
    }

    @Test
    void ratesAreJudgedOnHolidaysWithoutTheVolumeTolerance() {
        Watched rate = Watched.custom("checkout_to_purchase_rate", "ratio");
        Cube.Key key = Cube.Key.total(rate.id());
        double[] x = weekly(DAYS, 1000, WEEK, 0.03, 6);
        for (int i = 0; i < DAYS; i++) x[i] = x[i] / 3000;
        Cube cube = cube(DAYS);
        put(cube, key, x);
        Calendar holiday = Calendar.parse(List.of(), List.of("national_day " + MONDAY.plusDays(100) + ".." + MONDAY.plusDays(106)));
        Expectation plain = new Judge(cube, NO_DAYS, new Baseline(Baseline.Settings.DEFAULT), rules(50), List.of(rate)).expectation(rate, key, 103);
        Expectation onHoliday = new Judge(cube, holiday, new Baseline(Baseline.Settings.DEFAULT), rules(50), List.of(rate)).expectation(rate, key, 103);

        // the holiday only leaves its days out of the history; a volume would get ±30 % of the expected value on top
        double plainWidth = plain.upper() - plain.lower(), holidayWidth = onHoliday.upper() - onHoliday.lower();
        assertThat(holidayWidth).isCloseTo(plainWidth, org.assertj.core.data.Percentage.withPercentage(15));
        assertThat(holidayWidth).isLessThan(plainWidth + 0.3 * plain.expected());
    }
}
