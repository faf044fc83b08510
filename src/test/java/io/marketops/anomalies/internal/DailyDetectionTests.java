package io.marketops.anomalies.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Which days the schedule runs, in the workspace's time zone. */
class DailyDetectionTests {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalTime SEVEN = LocalTime.of(7, 0);

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SHANGHAI);
    }

    @Test
    void afterRunAtYesterdayIsDueWithTheRecheckDaysBeforeIt() {
        var due = DailyDetection.due(at("2026-11-22T07:10"), SEVEN, LocalDate.of(2026, 11, 20), 2, 90);

        assertThat(due).isEqualTo(new DailyDetection.Range(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 21)));
    }

    @Test
    void beforeRunAtNothingNewIsDueOnceTheDayBeforeIsDone() {
        assertThat(DailyDetection.due(at("2026-11-22T06:59"), SEVEN, LocalDate.of(2026, 11, 20), 2, 90)).isNull();
        assertThat(DailyDetection.due(at("2026-11-22T23:59"), SEVEN, LocalDate.of(2026, 11, 21), 2, 90)).isNull();
    }

    @Test
    void theFirstRunCoversTheInitialDaysAndAnOutageIsCaughtUpWithinALimit() {
        assertThat(DailyDetection.due(at("2026-11-22T08:00"), SEVEN, null, 2, 90))
                .isEqualTo(new DailyDetection.Range(LocalDate.of(2026, 8, 24), LocalDate.of(2026, 11, 21)));
        assertThat(DailyDetection.due(at("2026-11-22T08:00"), SEVEN, LocalDate.of(2026, 6, 1), 0, 90))
                .isEqualTo(new DailyDetection.Range(LocalDate.of(2026, 10, 22), LocalDate.of(2026, 11, 21)));
    }

    @Test
    void theLocalDayDecidesNotTheServersUtcDay() {
        // 2026-11-21 23:30 UTC is already 07:30 on the 22nd in Shanghai
        ZonedDateTime utc = ZonedDateTime.parse("2026-11-21T23:30:00Z").withZoneSameInstant(SHANGHAI);
        assertThat(DailyDetection.due(utc, SEVEN, LocalDate.of(2026, 11, 20), 0, 90).to()).isEqualTo(LocalDate.of(2026, 11, 21));
    }
}
