package io.marketops.metrics.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDaysTests {
    static final Instant OCT = Instant.parse("2026-10-01T00:00:00Z"), NOV = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void usesEpochArithmeticWhereTheOffsetCannotChange() {
        assertThat(LocalDays.of("e.ts", ZoneId.of("Asia/Shanghai"), OCT, NOV)).isEqualTo("(DATE '1970-01-01' + CAST((epoch_ms(e.ts) + 28800000) // 86400000 AS INTEGER))");
    }

    @Test
    void convertsEachValueAcrossADaylightSavingChangeOrWithoutAKnownSpan() {
        // Europe/Berlin leaves summer time on 2026-10-25
        assertThat(LocalDays.of("e.ts", ZoneId.of("Europe/Berlin"), OCT, NOV)).isEqualTo("CAST(timezone('Europe/Berlin', e.ts) AS DATE)");
        assertThat(LocalDays.of("e.ts", ZoneId.of("Asia/Shanghai"))).isEqualTo("CAST(timezone('Asia/Shanghai', e.ts) AS DATE)");
    }

    @Test
    void fixedOffsetZonesAlwaysUseArithmetic() {
        assertThat(LocalDays.of("e.ts", ZoneId.of("UTC+08:00"))).contains("+ 28800000");
    }
}
