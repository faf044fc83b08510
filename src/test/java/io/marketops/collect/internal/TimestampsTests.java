package io.marketops.collect.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTests {

    @Test
    void readsTheShapesSegmentLibrariesSendLikeTheGeneralParser() {
        for (String s : new String[]{"2026-11-01T08:00:00Z", "2026-11-01T08:00:00.123Z", "2024-02-29T23:59:59.123456789+08:00",
                "2019-03-05T06:07:08-05:30", "2026-11-01T08:00:00.1+00:00"}) {
            assertThat(Timestamps.parse(s)).as(s).isEqualTo(OffsetDateTime.parse(s).toInstant());
        }
    }

    @Test
    void refusesTextWithoutAZoneOrThatIsNotADate() {
        assertThat(Timestamps.parse("yesterday-ish")).isNull();
        assertThat(Timestamps.parse("2026-11-01T08:00:00")).isNull();
        assertThat(Timestamps.parse("2026-02-30T08:00:00Z")).isNull();
        assertThat(Timestamps.parse("2026-11-01T25:00:00Z")).isNull();
        assertThat(Timestamps.parse("2026-11-01 08:00:00Z")).isNull();
    }

    @Test
    void keepsHistoricDatesAsGiven() {
        assertThat(Timestamps.parse("2003-01-01T00:00:00Z")).isEqualTo(Instant.parse("2003-01-01T00:00:00Z"));
    }
}
