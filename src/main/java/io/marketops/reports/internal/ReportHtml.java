package io.marketops.reports.internal;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.time.ZoneId;
import java.util.Map;

/** The report as a standalone XHTML document (for the .html download, e-mail bodies and the PDF), via Thymeleaf. */
@Component
public class ReportHtml {
    private final ITemplateEngine engine;

    ReportHtml(ITemplateEngine engine) {
        this.engine = engine;
    }

    public String document(ReportContent c, Texts t, ReportCharts.Charts charts) {
        Context ctx = new Context(t.locale());
        ctx.setVariables(model(c, t, charts));
        return engine.process("reports/document", ctx);
    }

    /** What the report fragment needs: the content {@code c}, its words {@code t}, the {@code charts} and {@code generatedAt} in the workspace zone. */
    public static Map<String, Object> model(ReportContent c, Texts t, ReportCharts.Charts charts) {
        return Map.of("c", c, "t", t, "charts", charts, "generatedAt", c.generatedAt().atZone(ZoneId.of(c.timezone())));
    }
}
