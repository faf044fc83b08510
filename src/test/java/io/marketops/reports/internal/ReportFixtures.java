package io.marketops.reports.internal;

import io.marketops.reports.internal.ReportContent.AnomalySection;
import io.marketops.reports.internal.ReportContent.ChannelRoi;
import io.marketops.reports.internal.ReportContent.Kpi;
import io.marketops.reports.internal.ReportContent.Mover;
import io.marketops.reports.internal.ReportContent.Trend;
import io.marketops.reports.internal.ReportContent.TrendPoint;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A small built report (October 2026, hand-written numbers) and the renderers without Spring. */
final class ReportFixtures {
    static final LocalDate FROM = LocalDate.of(2026, 10, 1), TO = LocalDate.of(2026, 10, 31);

    private ReportFixtures() {
    }

    static ReloadableResourceBundleMessageSource messages() {
        ReloadableResourceBundleMessageSource m = new ReloadableResourceBundleMessageSource();
        m.setBasenames("classpath:i18n/reports/messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static Texts texts(String language) {
        return new Texts(messages(), language, "CNY");
    }

    static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
        r.setPrefix("templates/");
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding("UTF-8");
        SpringTemplateEngine e = new SpringTemplateEngine();
        e.setTemplateResolver(r);
        return e;
    }

    static CjkFont font() {
        return new CjkFont(ReportsProperties.defaults());
    }

    static CjkFont missingFont() {
        return new CjkFont(new ReportsProperties(Path.of("/nonexistent/font.ttc"), null, null, null, null, null, null, null));
    }

    static ReportContent october(String language) {
        Texts t = texts(language);
        List<Kpi> kpis = List.of(
                new Kpi("gmv", "zh-CN".equals(language) ? "GMV 成交总额" : "GMV", "currency", "up", new BigDecimal("123456.78"), new BigDecimal("100000.00"),
                        0.234568, new BigDecimal("150000.00"), -0.176955, new BigDecimal("150000"), 0.823045),
                new Kpi("uv", "zh-CN".equals(language) ? "访客数 UV" : "UV (unique visitors)", "count", "up", new BigDecimal("45678"), new BigDecimal("40000"),
                        0.14195, null, null, null, null),
                new Kpi("cost", "zh-CN".equals(language) ? "广告花费" : "Ad cost", "currency", "down", new BigDecimal("30000.00"), new BigDecimal("25000.00"),
                        0.2, new BigDecimal("20000.00"), 0.5, new BigDecimal("33000"), 1.1));
        List<TrendPoint> points = new ArrayList<>();
        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            points.add(new TrendPoint(d, BigDecimal.valueOf(3000 + d.getDayOfMonth() * 50L), BigDecimal.valueOf(2800 + d.getDayOfMonth() * 40L)));
        }
        List<Trend> trends = List.of(new Trend("gmv", kpis.get(0).name(), "currency", points));
        List<Mover> movers = List.of(
                new Mover("channel", "douyin", "gmv", kpis.get(0).name(), "currency", new BigDecimal("60000.00"), new BigDecimal("50000.00"), new BigDecimal("10000.00"), 0.2),
                new Mover("channel", "weibo", "gmv", kpis.get(0).name(), "currency", new BigDecimal("5000.00"), new BigDecimal("8000.00"), new BigDecimal("-3000.00"), -0.375));
        Mover driver = new Mover("campaign", "双11预热", "gmv", kpis.get(0).name(), "currency", new BigDecimal("20000.00"), new BigDecimal("12000.00"), new BigDecimal("8000.00"), 0.666667);
        List<ChannelRoi> channels = List.of(
                new ChannelRoi("douyin", new BigDecimal("20000.00"), new BigDecimal("60000.00"), new BigDecimal("300"), new BigDecimal("3.0"), new BigDecimal("2.0")),
                new ChannelRoi("weibo", new BigDecimal("10000.00"), new BigDecimal("5000.00"), new BigDecimal("20"), new BigDecimal("0.5"), new BigDecimal("-0.5")));
        ChannelRoi total = new ChannelRoi(null, new BigDecimal("30000.00"), new BigDecimal("123456.78"), new BigDecimal("500"), new BigDecimal("4.115226"), new BigDecimal("3.115226"));
        AnomalySection anomalies = new AnomalySection(false, List.of());
        List<String> narrative = Narrative.write(new Narrative.Input("monthly", FROM, TO, kpis, movers, Optional.of(driver), channels, anomalies), t);
        return new ReportContent(1, t.get("title.monthly", "经营月报"), "Demo Brand", "monthly", language, "CNY", "Asia/Shanghai", FROM, TO,
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31),
                Instant.parse("2026-11-01T01:00:00Z"), kpis, trends, movers, anomalies, channels, total, narrative);
    }
}
