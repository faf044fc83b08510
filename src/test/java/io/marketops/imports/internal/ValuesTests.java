package io.marketops.imports.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTests {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void readsNumbersAsMarketersWriteThem() {
        assertThat(Values.decimal("1,234.50")).isEqualByComparingTo("1234.50");
        assertThat(Values.decimal("¥1,234.5")).isEqualByComparingTo("1234.5");
        assertThat(Values.decimal("1.5万")).isEqualByComparingTo("15000");
        assertThat(Values.decimal("(12.00)")).isEqualByComparingTo("-12");
        assertThat(Values.count("12,000")).isEqualTo(12000);
        assertThat(Values.rate("35%")).isEqualTo(0.35);
        assertThat(Values.rate("0.35")).isEqualTo(0.35);
        assertThatThrownBy(() -> Values.decimal("abc")).hasMessage("'abc' is not a number");
        assertThatThrownBy(() -> Values.count("-3")).hasMessageContaining("negative");
    }

    @Test
    void readsDatesInChineseAndIsoForms() {
        LocalDate d = LocalDate.of(2026, 11, 5);
        assertThat(Values.date("2026-11-05", null)).isEqualTo(d);
        assertThat(Values.date("2026/11/5", null)).isEqualTo(d);
        assertThat(Values.date("20261105", null)).isEqualTo(d);
        assertThat(Values.date("2026年11月5日", null)).isEqualTo(d);
        assertThat(Values.date("05/11/2026", "dd/MM/yyyy")).isEqualTo(d);
        assertThatThrownBy(() -> Values.date("2026-02-30", null)).hasMessageContaining("not a real date");
        assertThatThrownBy(() -> Values.date("yesterday", null)).hasMessageContaining("not a date");
    }

    @Test
    void readsTimesWithoutAZoneInTheGivenZoneAndKeepsAnExplicitOffset() {
        assertThat(Values.instant("2026-11-11 00:05:12", SHANGHAI, null)).isEqualTo(Instant.parse("2026-11-10T16:05:12Z"));
        assertThat(Values.instant("2026/11/11 9:30", SHANGHAI, null)).isEqualTo(Instant.parse("2026-11-11T01:30:00Z"));
        assertThat(Values.instant("2026-11-11T00:00:00Z", SHANGHAI, null)).isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
        assertThat(Values.instant("2026-11-11 08:00:00+0800", SHANGHAI, null)).isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
        assertThat(Values.instant("2026-11-11", SHANGHAI, null)).isEqualTo(Instant.parse("2026-11-10T16:00:00Z"));
        assertThatThrownBy(() -> Values.instant("2026-11-11 25:00", SHANGHAI, null)).hasMessageContaining("impossible time");
    }

    @Test
    void readsYesAndNoInBothLanguages() {
        assertThat(Values.yesNo("是")).isTrue();
        assertThat(Values.yesNo("同意")).isTrue();
        assertThat(Values.yesNo("0")).isFalse();
        assertThat(Values.yesNo("退订")).isFalse();
        assertThatThrownBy(() -> Values.yesNo("maybe")).hasMessageContaining("not yes or no");
    }
}
