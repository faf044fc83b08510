package io.marketops.attribution.internal;

import io.marketops.attribution.PathTable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyAssemblerTests {
    static final long DAY = 86_400_000L;
    /** Period: days 10..19 (inclusive), lookback 3 days. */
    final JourneyAssembler a = new JourneyAssembler(10 * DAY, 20 * DAY, 3 * DAY);

    @Test
    void aConversionsPathHoldsTheTouchesOfItsLookbackWindowWithTheirAges() {
        a.touch("p", 6 * DAY, "weibo");          // too old for a conversion on day 10
        a.touch("p", 8 * DAY, "douyin");
        a.touch("p", 10 * DAY, "baidu");
        a.conversion("p", 10 * DAY + DAY / 2, new BigDecimal("99.50"));
        var r = a.finish();
        PathTable t = r.table();
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.pathText(0)).isEqualTo("douyin > baidu");
        assertThat(t.ages(0)).containsExactly(2.5, 0.5);
        assertThat(t.value(0)).isEqualTo(99.5);
        assertThat(r.conversions()).isEqualTo(1);
        assertThat(r.nullPaths()).isZero();
    }

    @Test
    void aTouchMayBelongToSeveralConversions() {
        a.touch("p", 11 * DAY, "douyin");
        a.conversion("p", 11 * DAY + 10, BigDecimal.TEN);
        a.conversion("p", 12 * DAY, BigDecimal.ONE);
        var r = a.finish();
        assertThat(r.table().size()).isEqualTo(2);
        assertThat(r.table().pathText(1)).isEqualTo("douyin");
        assertThat(r.unattributed()).isZero();
    }

    @Test
    void conversionsWithoutTouchesAreCountedAsUnattributedNotDropped() {
        a.touch("p", 2 * DAY, "douyin");
        a.conversion("p", 11 * DAY, new BigDecimal("20.00"));
        a.conversion("q", 12 * DAY, null);
        var r = a.finish();
        assertThat(r.conversions()).isEqualTo(2);
        assertThat(r.unattributed()).isEqualTo(2);
        assertThat(r.unattributedValue()).isEqualByComparingTo("20.00");
        assertThat(r.table().size()).isZero();
    }

    @Test
    void conversionsOutsideThePeriodOnlyEndEarlierJourneys() {
        a.touch("p", 9 * DAY, "douyin");
        a.conversion("p", 9 * DAY + 5, BigDecimal.ONE);   // before the period: not counted
        a.touch("p", 15 * DAY, "wechat");
        var r = a.finish();
        assertThat(r.conversions()).isZero();
        assertThat(r.nullPaths()).isEqualTo(1);
        assertThat(r.table().pathText(0)).isEqualTo("wechat");
    }

    @Test
    void touchesAfterThePersonsLastConversionInThePeriodFormOneNullPath() {
        a.touch("p", 11 * DAY, "douyin");
        a.conversion("p", 11 * DAY, BigDecimal.ONE);        // the touch at the same instant belongs to it
        a.touch("p", 13 * DAY, "weibo");
        a.touch("p", 14 * DAY, "weibo");
        a.touch("p", 25 * DAY, "baidu");                    // after the period
        a.touch("q", 3 * DAY, "bilibili");                  // lookback only: no null path
        a.touch("r", 12 * DAY, "xiaohongshu");
        a.touch("r", 18 * DAY, "direct");                   // more than 3 days after xiaohongshu
        var r = a.finish();
        assertThat(r.nullPaths()).isEqualTo(2);
        assertThat(r.table().pathText(1)).isEqualTo("weibo > weibo");
        assertThat(r.table().nulls(1)).isEqualTo(1);
        assertThat(r.table().pathText(2)).isEqualTo("direct");
        assertThat(r.distinctPaths()).isEqualTo(3);
    }
}
