package io.marketops.anomalies.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.marketops.anomalies.internal.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sales peak: days 100–125 ramp every channel up to 3× with its own day-to-day noise, which no
 * history predicts. One channel's outage inside it must still be found, on the channel and on the
 * total, and the ramp itself must not be.
 */
class PeakTests {
    static final int DAYS = 150, PEAK_FROM = 100, PEAK_TO = 125;
    static final String[] CHANNELS = {"douyin", "wechat", "direct", "baidu", "weibo"};
    static final double[] SHARES = {0.3, 0.25, 0.2, 0.15, 0.1};
    static final Watched UV = new Watched("uv", Watched.Kind.COUNT, null, null, "uv", List.of("channel"), List.of("channel"), null, 1);
    static final Calendar PEAK = Calendar.parse(List.of("test_peak " + md(PEAK_FROM) + ".." + md(PEAK_TO)), List.of());

    private static String md(int day) {
        return MONDAY.plusDays(day).toString().substring(5);
    }

    /** Channel visitors: 2,000 a day split by share, the week's rhythm, 8 % noise per channel, the ramp; {@code outage} scales douyin on one day. */
    private static Cube traffic(int outageDay, double outage) {
        Random r = new Random(11);
        Cube cube = cube(DAYS);
        double[] total = new double[DAYS];
        for (int i = 0; i < DAYS; i++) {
            double t = i < PEAK_FROM || i > PEAK_TO ? 0 : (i - PEAK_FROM) / (double) (PEAK_TO - PEAK_FROM);
            double ramp = 1 + 2 * t * t;
            for (int c = 0; c < CHANNELS.length; c++) {
                double v = Math.round(2000 * SHARES[c] * WEEK[i % 7] * ramp * (1 + 0.08 * r.nextGaussian()) * (c == 0 && i == outageDay ? outage : 1));
                cube.put(new Cube.Key("uv", "channel", CHANNELS[c]), cube.date(i), v);
                total[i] += v;
            }
        }
        put(cube, Cube.Key.total("uv"), total);
        return cube;
    }

    @Test
    void theRampOfAPeakRaisesNoAlarm() {
        List<Finding> found = detect(traffic(-1, 1), PEAK, rules(50), List.of(UV), 80, DAYS - 1);

        assertThat(found).filteredOn(Finding::total).isEmpty();
    }

    @Test
    void aChannelOutageInsideAPeakIsFoundOnTheChannelAndOnTheTotalWithTheChannelAsCause() {
        List<Finding> found = detect(traffic(115, 0.3), PEAK, rules(50), List.of(UV), 80, DAYS - 1);

        List<Finding> totals = found.stream().filter(Finding::total).toList();
        assertThat(totals).extracting(Finding::date).containsExactly(MONDAY.plusDays(115));
        Finding total = totals.get(0);
        assertThat(total.method()).isEqualTo("peers");
        assertThat(total.knownDay()).isEqualTo("test_peak");
        assertThat(total.causes().get(0).dimension()).isEqualTo("channel");
        assertThat(total.causes().get(0).value()).isEqualTo("douyin");
        assertThat(total.causes().get(0).change()).isBetween(-0.8, -0.6);
        assertThat(found).filteredOn(f -> !f.total() && f.date().equals(MONDAY.plusDays(115)))
                .extracting(Finding::value).contains("douyin");
    }

    @Test
    void withoutPeakDaysInTheCalendarTheRampWouldBeAlarmedEveryDay() {
        List<Finding> found = detect(traffic(-1, 1), NO_DAYS, rules(50), List.of(UV), 80, DAYS - 1);

        assertThat(found).filteredOn(Finding::total).hasSizeGreaterThan(5);
    }
}
