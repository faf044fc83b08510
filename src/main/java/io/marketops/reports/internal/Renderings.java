package io.marketops.reports.internal;

import io.marketops.core.WorkspaceId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Map;

/** A built run in each format: the page model, standalone HTML, PDF and XLSX — all from the archived content. */
@Component
public class Renderings {
    private final ReportRuns runs;
    private final ReportCharts charts;
    private final ReportHtml html;
    private final ReportPdf pdf;
    private final ReportXlsx xlsx;
    private final MessageSource messages;

    Renderings(ReportRuns runs, ReportCharts charts, ReportHtml html, ReportPdf pdf, ReportXlsx xlsx, MessageSource messages) {
        this.runs = runs;
        this.charts = charts;
        this.html = html;
        this.pdf = pdf;
        this.xlsx = xlsx;
        this.messages = messages;
    }

    /** The content of a done run with its words and charts; NotFound or a 400 naming the run otherwise. */
    public Rendering of(WorkspaceId ws, long runId) {
        ReportContent c = runs.content(ws, runId);
        Texts t = new Texts(messages, c.language(), c.currency());
        return new Rendering(runId, c, t, charts.all(c, t));
    }

    public final class Rendering {
        private final long runId;
        private final ReportContent content;
        private final Texts texts;
        private final ReportCharts.Charts charts;

        Rendering(long runId, ReportContent content, Texts texts, ReportCharts.Charts charts) {
            this.runId = runId;
            this.content = content;
            this.texts = texts;
            this.charts = charts;
        }

        public ReportContent content() {
            return content;
        }

        public Texts texts() {
            return texts;
        }

        /** Variables for the {@code reports/report :: body} fragment inside a page. */
        public Map<String, Object> model() {
            return ReportHtml.model(content, texts, charts);
        }

        public String html() {
            return html.document(content, texts, charts);
        }

        /** The standalone HTML without chart images, for e-mail bodies (mail clients block data-URI images; the PDF has them). */
        public String emailHtml() {
            return html.document(content, texts, new ReportCharts.Charts(java.util.List.of(), null));
        }

        public byte[] pdf() {
            return pdf.render(html(), content.title());
        }

        public byte[] xlsx() {
            return xlsx.render(content, texts, charts);
        }

        /** File name without extension: report name, period, run id (ASCII-safe parts kept, the rest in the UTF-8 name). */
        public String fileName() {
            return content.title().replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + "_" + content.from() + "_" + content.to() + "_" + runId;
        }
    }
}
