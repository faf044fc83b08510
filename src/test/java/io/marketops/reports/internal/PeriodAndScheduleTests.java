package io.marketops.reports.internal;

import io.marketops.core.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which days a run covers and when a schedule fires, in the workspace time zone. */
class PeriodAndScheduleTests {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void lastCompletePeriodIsYesterdayLastMondayToSundayOrLastMonth() {
        LocalDate wednesday = LocalDate.of(2026, 11, 18);
        assertThat(Frequency.DAILY.lastComplete(wednesday)).isEqualTo(new Period(LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 17)));
        assertThat(Frequency.WEEKLY.lastComplete(wednesday)).isEqualTo(new Period(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15)));
        assertThat(Frequency.MONTHLY.lastComplete(LocalDate.of(2026, 3, 1))).isEqualTo(new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void periodsAreNamedAsMonthIsoWeekOrDay() {
        LocalDate today = LocalDate.of(2026, 11, 18);
        assertThat(Period.of(Frequency.MONTHLY, null, null, "2026-10", today)).isEqualTo(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
        assertThat(Period.of(Frequency.WEEKLY, null, null, "2026-W41", today)).isEqualTo(new Period(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 11)));
        assertThat(Period.of(Frequency.WEEKLY, null, null, "2026-10-08", today)).isEqualTo(new Period(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 11)));
        assertThat(Period.of(Frequency.DAILY, "2026-10-01", "2026-10-03", null, today).days()).isEqualTo(3);
        assertThat(Period.of(Frequency.DAILY, null, null, null, today)).isEqualTo(Frequency.DAILY.lastComplete(today));
    }

    @Test
    void badPeriodsNameTheFieldAndWhy() {
        LocalDate today = LocalDate.of(2026, 11, 18);
        assertThatThrownBy(() -> Period.of(Frequency.DAILY, "2026-10-05", "2026-10-01", null, today)).isInstanceOf(InvalidRequest.class).hasMessageStartingWith("to: must not be before from");
        assertThatThrownBy(() -> Period.of(Frequency.DAILY, "2026-10-05", null, null, today)).hasMessageStartingWith("to: is required");
        assertThatThrownBy(() -> Period.of(Frequency.DAILY, "2025-01-01", "2026-10-01", null, today)).hasMessageContaining("at most 366 days");
        assertThatThrownBy(() -> Period.of(Frequency.MONTHLY, null, null, "October", today)).hasMessageStartingWith("period: 'October' is not a month");
    }

    @Test
    void schedulesFireInTheWorkspaceTimeZone() {
        Instant sundayNoonUtc = Instant.parse("2026-11-15T12:00:00Z"); // Sunday 20:00 in Shanghai
        assertThat(Schedules.next(Frequency.WEEKLY.defaultSchedule(), SHANGHAI, sundayNoonUtc)).isEqualTo(Instant.parse("2026-11-16T01:00:00Z"));
        assertThat(Schedules.next(Frequency.MONTHLY.defaultSchedule(), SHANGHAI, sundayNoonUtc)).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
        assertThat(Schedules.next(Frequency.DAILY.defaultSchedule(), SHANGHAI, Instant.parse("2026-11-16T01:00:00Z"))).isEqualTo(Instant.parse("2026-11-17T01:00:00Z"));
    }

    @Test
    void invalidCronIsRefusedWithAnExample() {
        assertThatThrownBy(() -> Schedules.parse("schedule", "0 9 * *")).hasMessageContaining("must have 5 fields").hasMessageContaining("'0 9 1 * *'");
        assertThatThrownBy(() -> Schedules.parse("schedule", "0 25 * * *")).hasMessageStartingWith("schedule: '0 25 * * *' is not a valid cron expression");
    }

    @Test
    void retriesWaitTwiceAsLongEachTime() {
        var base = java.time.Duration.ofMinutes(1);
        assertThat(DeliveryWorker.backoff(base, 1)).hasMinutes(1);
        assertThat(DeliveryWorker.backoff(base, 2)).hasMinutes(2);
        assertThat(DeliveryWorker.backoff(base, 4)).hasMinutes(8);
    }
}
