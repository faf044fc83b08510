package io.marketops.reports.internal;

import io.marketops.reports.internal.ReportContent.ChannelRoi;
import io.marketops.reports.internal.ReportContent.Kpi;
import io.marketops.reports.internal.ReportContent.Mover;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary sentences come from the numbers by fixed templates; the same numbers always read the same. */
class NarrativeAndFormatsTests {
    static final LocalDate MON = LocalDate.of(2026, 11, 9), SUN = LocalDate.of(2026, 11, 15);
    final Kpi uv = new Kpi("uv", "访客数 UV", "count", "up", new BigDecimal("12000"), new BigDecimal("10000"), 0.2, null, null, null, null);
    final Mover douyin = new Mover("channel", "douyin", "uv", "访客数 UV", "count", new BigDecimal("6000"), new BigDecimal("5000"), new BigDecimal("1000"), 0.2);
    final Mover weibo = new Mover("channel", "weibo", "uv", "访客数 UV", "count", new BigDecimal("700"), new BigDecimal("1000"), new BigDecimal("-300"), -0.3);
    final Mover campaign = new Mover("campaign", "双11预热", "uv", "访客数 UV", "count", new BigDecimal("3000"), new BigDecimal("2200"), new BigDecimal("800"), 0.363636);
    final List<ChannelRoi> channels = List.of(
            new ChannelRoi("baidu", new BigDecimal("100.00"), new BigDecimal("520.00"), new BigDecimal("5"), new BigDecimal("5.2"), new BigDecimal("4.2")),
            new ChannelRoi("weibo", new BigDecimal("100.00"), new BigDecimal("80.00"), new BigDecimal("1"), new BigDecimal("0.8"), new BigDecimal("-0.2")));

    /** The fixture with metric names in the report's language, as the builder names them. */
    List<String> write(String language, Optional<Mover> driver) {
        String name = language.equals("en") ? "UV" : uv.name();
        Kpi k = new Kpi(uv.metric(), name, uv.unit(), uv.direction(), uv.value(), uv.previous(), uv.change(), null, null, null, null);
        Mover d = new Mover(douyin.dimension(), douyin.dimensionValue(), "uv", name, "count", douyin.value(), douyin.previous(), douyin.delta(), douyin.change());
        Mover w = new Mover(weibo.dimension(), weibo.dimensionValue(), "uv", name, "count", weibo.value(), weibo.previous(), weibo.delta(), weibo.change());
        return Narrative.write(new Narrative.Input("weekly", MON, SUN, List.of(k), List.of(d, w), driver, channels,
                new ReportContent.AnomalySection(true, List.of())), ReportFixtures.texts(language));
    }

    @Test
    void weeklyChineseSummarySaysWhatMovedAndWhereItCameFrom() {
        assertThat(write("zh-CN", Optional.of(campaign))).containsExactly(
                "本周访客数 UV 12,000，环比 +20.0%，同比无去年同期数据。",
                "本周抖音访客数 UV环比 +20.0%（+1,000），主要来自活动 双11预热（+800）。",
                "降幅最大的是微博（-30.0%，-300）。",
                "ROAS 最高的渠道是百度（5.20），最低的是微博（0.80）。",
                "本期未发现异常。");
    }

    @Test
    void englishSummaryUsesTheSameNumbersAndLeavesOutAMissingDriver() {
        assertThat(write("en", Optional.empty())).containsExactly(
                "This week UV was 12,000, +20.0% vs the previous week and no data for a year earlier.",
                "This week Douyin UV moved +20.0% (+1,000) vs the previous week.",
                "The largest drop was Weibo (-30.0%, -300).",
                "Baidu had the highest ROAS (5.20) and Weibo the lowest (0.80).",
                "No anomalies were found in this period.");
    }

    @Test
    void numbersReadTheSameInEveryRendering() {
        assertThat(Formats.value(new BigDecimal("1234567.891"), "currency", "CNY")).isEqualTo("¥1,234,567.89");
        assertThat(Formats.value(new BigDecimal("0.118"), "ratio", "CNY")).isEqualTo("11.80%");
        assertThat(Formats.value(new BigDecimal("12.5"), "count", "CNY")).isEqualTo("12.50");
        assertThat(Formats.value(null, "count", "CNY")).isEqualTo("—");
        assertThat(Formats.change(-0.04449)).isEqualTo("-4.4%");
        assertThat(Formats.change(0.0)).isEqualTo("0.0%");
        assertThat(Formats.delta(new BigDecimal("-56"), "currency", "USD")).isEqualTo("-$56.00");
        assertThat(KpiSection.attainment(new BigDecimal("90"), new BigDecimal("100"), io.marketops.metrics.Metric.Direction.UP)).isEqualTo(0.9);
        assertThat(KpiSection.attainment(new BigDecimal("80"), new BigDecimal("100"), io.marketops.metrics.Metric.Direction.DOWN)).isEqualTo(1.25);
    }

    @Test
    void robotMessagesFitWeComsLimitAndHideNothingButWhatDoesNotFit() {
        ReportContent c = ReportFixtures.october("zh-CN");
        RobotMessage m = RobotMessage.of(c, ReportFixtures.texts("zh-CN"), "https://marketops.example.cn/reports/runs/1");
        assertThat(m.withHeading()).startsWith("### 经营月报 · 月报\n2026-10-01 至 2026-10-31").contains("- GMV 成交总额：¥123,456.78（环比 +23.5%，同比 -17.7%）")
                .endsWith("[查看完整报告](https://marketops.example.cn/reports/runs/1)");
        assertThat(m.withHeading().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(4096);
    }

    @Test
    void robotAddressesAreMaskedForLogs() {
        assertThat(Robot.mask("https://oapi.dingtalk.com/robot/send?access_token=abcdef123456")).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=abcd…");
        assertThat(Robot.mask("https://open.feishu.cn/open-apis/bot/v2/hook/1234abcd-5678")).isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/1234…");
    }
}
