package io.marketops.reports.internal;

import io.marketops.anomalies.Anomaly;
import io.marketops.metrics.Metric;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An anomaly alert in one language: a title and one line per anomaly (metric, scope, date, actual against expected,
 * the first cause), as Markdown for robots and as HTML for e-mail. At most {@link #MAX_ITEMS} lines; the rest are counted.
 */
record AlertMessage(String title, List<String> lines, String more, String link, String linkText) {
    static final int MAX_ITEMS = 10;

    static AlertMessage of(List<Anomaly> alerts, Texts t, Function<String, Optional<Metric>> metrics, String link) {
        List<String> lines = new ArrayList<>();
        for (Anomaly a : alerts.subList(0, Math.min(MAX_ITEMS, alerts.size()))) {
            Optional<Metric> m = metrics.apply(a.metric());
            String unit = m.map(Metric::unit).orElse("count");
            String scope = a.dimension() == null ? t.get("anomalies.total")
                    : t.dimension(a.dimension().name()) + " " + t.dimensionValue(a.dimension().name(), a.dimension().value());
            double change = a.expected() == 0 ? 0 : a.actual() / a.expected() - 1;
            String line = t.get("alert.line", m.map(x -> x.name(t.locale())).orElse(a.metric()), scope, t.date(a.date()),
                    t.value(BigDecimal.valueOf(a.actual()), unit), t.value(BigDecimal.valueOf(a.expected()), unit), t.change(change));
            if (!a.causes().isEmpty()) {
                Anomaly.Cause c = a.causes().get(0);
                line += t.get("alert.cause", t.dimensionValue(c.dimension(), c.value()), t.change(c.change()), t.percent(c.explains()));
            }
            lines.add(line);
        }
        String more = alerts.size() > MAX_ITEMS ? t.get("alert.more", String.valueOf(alerts.size() - MAX_ITEMS)) : null;
        return new AlertMessage(t.get("alert.title", String.valueOf(alerts.size())), lines, more, link, t.get("alert.open"));
    }

    /** For group robots; short enough for WeCom's 4,096-byte limit at {@link #MAX_ITEMS} lines. */
    RobotMessage robot() {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append("- ").append(l).append('\n'));
        if (more != null) b.append(more).append('\n');
        if (link != null) b.append("\n[").append(linkText).append("](").append(link).append(')');
        return new RobotMessage(title, b.toString().stripTrailing());
    }

    String html() {
        StringBuilder b = new StringBuilder("<h2>").append(HtmlUtils.htmlEscape(title, "UTF-8")).append("</h2><ul>");
        lines.forEach(l -> b.append("<li>").append(HtmlUtils.htmlEscape(l, "UTF-8")).append("</li>"));
        b.append("</ul>");
        if (more != null) b.append("<p>").append(HtmlUtils.htmlEscape(more, "UTF-8")).append("</p>");
        if (link != null) b.append("<p><a href=\"").append(HtmlUtils.htmlEscape(link, "UTF-8")).append("\">").append(HtmlUtils.htmlEscape(linkText, "UTF-8")).append("</a></p>");
        return b.toString();
    }
}
