package io.marketops.metrics.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RollupDaysTests {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai"), BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate D1 = LocalDate.parse("2026-10-01"), D2 = D1.plusDays(1), D3 = D1.plusDays(2);

    @Test
    void checkedDaysAreNotCheckedAgainUntilEventsAreAnnouncedNearThem() {
        RollupDays days = new RollupDays();
        RollupDays.Check first = days.unchecked(SHANGHAI, D1, D3);
        assertThat(first.first()).isEqualTo(D1);
        assertThat(first.last()).isEqualTo(D3);
        days.checked(first);
        assertThat(days.unchecked(SHANGHAI, D1, D3)).isNull();

        days.invalidate(D2, D2);
        RollupDays.Check again = days.unchecked(SHANGHAI, D1, D3);
        assertThat(again.first()).isEqualTo(D2);
        assertThat(again.last()).isEqualTo(D2);
    }

    @Test
    void anAnnouncementDuringACheckKeepsThatDayUnchecked() {
        RollupDays days = new RollupDays();
        RollupDays.Check running = days.unchecked(SHANGHAI, D1, D3);
        days.invalidate(D3, D3);
        days.checked(running);
        RollupDays.Check next = days.unchecked(SHANGHAI, D1, D3);
        assertThat(next.first()).isEqualTo(D3);
        assertThat(next.last()).isEqualTo(D3);
    }

    @Test
    void anotherZoneForgetsEveryCheck() {
        RollupDays days = new RollupDays();
        days.checked(days.unchecked(SHANGHAI, D1, D3));
        assertThat(days.unchecked(BERLIN, D1, D3).first()).isEqualTo(D1);
    }

    @Test
    void aHugeAnnouncedSpanForgetsEveryCheck() {
        RollupDays days = new RollupDays();
        days.checked(days.unchecked(SHANGHAI, D1, D3));
        days.invalidate(LocalDate.parse("1970-01-01"), LocalDate.parse("2099-12-31"));
        assertThat(days.unchecked(SHANGHAI, D1, D3).first()).isEqualTo(D1);
    }
}
