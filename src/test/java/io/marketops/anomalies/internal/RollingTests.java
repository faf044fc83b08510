package io.marketops.anomalies.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.marketops.anomalies.internal.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** WAU dips for a week after a one-day outage of visitors; that outage is reported once, on UV. */
class RollingTests {
    static final int DAYS = 120;
    static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1};

    private static Cube cube(boolean uvOutage) {
        Cube cube = Fixtures.cube(DAYS);
        double[] uv = weekly(DAYS, 1000, WEEK, 0.03, 7), wau = weekly(DAYS, 5000, FLAT, 0.01, 8);
        if (uvOutage) uv[100] = Math.round(uv[100] * 0.3);
        for (int i = 100; i <= 106; i++) wau[i] = Math.round(wau[i] * 0.8);
        put(cube, Cube.Key.total("uv"), uv);
        put(cube, Cube.Key.total("wau"), wau);
        return cube;
    }

    @Test
    void aRollingMetricIsNotAlarmedForAnOutageItsDailyMetricReported() {
        List<Finding> found = detect(cube(true), NO_DAYS, rules(50), List.of(watched("uv"), watched("wau")), 70, DAYS - 1);

        assertThat(found).extracting(Finding::metric).containsExactly("uv");
    }

    @Test
    void aRollingMetricFallingOnItsOwnIsAlarmed() {
        List<Finding> found = detect(cube(false), NO_DAYS, rules(50), List.of(watched("uv"), watched("wau")), 70, DAYS - 1);

        assertThat(found).extracting(Finding::metric).contains("wau").doesNotContain("uv");
    }
}
