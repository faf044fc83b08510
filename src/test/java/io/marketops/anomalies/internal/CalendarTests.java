package io.marketops.anomalies.internal;

import io.marketops.core.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarTests {
    static final Calendar CALENDAR = Calendar.parse(List.of("618 05-20..06-20", "double_11 10-10..11-13"),
            List.of("dragon_boat 2026-06-19..2026-06-21", "national_day 2026-10-01..2026-10-07"));

    @Test
    void peaksRecurEveryYearAndHolidaysFallOnTheirDates() {
        assertThat(CALENDAR.classify(LocalDate.of(2026, 11, 11))).isEqualTo(new Calendar.Day(Calendar.Kind.PEAK, "double_11"));
        assertThat(CALENDAR.classify(LocalDate.of(2031, 10, 10)).kind()).isEqualTo(Calendar.Kind.PEAK);
        assertThat(CALENDAR.classify(LocalDate.of(2026, 10, 3))).isEqualTo(new Calendar.Day(Calendar.Kind.HOLIDAY, "national_day"));
        assertThat(CALENDAR.classify(LocalDate.of(2027, 10, 3)).normal()).isTrue();
        assertThat(CALENDAR.classify(LocalDate.of(2026, 11, 14)).normal()).isTrue();
    }

    @Test
    void aHolidayInsideAPeakIsJudgedAsThePeak() {
        assertThat(CALENDAR.classify(LocalDate.of(2026, 6, 19))).isEqualTo(new Calendar.Day(Calendar.Kind.PEAK, "618"));
    }

    @Test
    void badEntriesAreRefusedNamingTheEntry() {
        assertThatThrownBy(() -> Calendar.parse(List.of("618 06-01"), List.of()))
                .isInstanceOf(InvalidRequest.class).hasMessageStartingWith("peaks[0]: write a peak as 'name MM-dd..MM-dd'");
        assertThatThrownBy(() -> Calendar.parse(List.of(), List.of("new_year 2026-01-01", "x 2026-13-01..2026-13-02")))
                .isInstanceOf(InvalidRequest.class).hasMessageStartingWith("holidays[1]: dates must be yyyy-MM-dd");
        assertThatThrownBy(() -> Calendar.parse(List.of(), List.of("x 2026-10-07..2026-10-01")))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("ends before it starts");
    }
}
