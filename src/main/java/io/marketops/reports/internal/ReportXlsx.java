package io.marketops.reports.internal;

import io.marketops.reports.internal.ReportContent.AnomalyItem;
import io.marketops.reports.internal.ReportContent.ChannelRoi;
import io.marketops.reports.internal.ReportContent.Kpi;
import io.marketops.reports.internal.ReportContent.Mover;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as an XLSX workbook: a summary sheet (narrative and charts) and one sheet per table, numbers as numbers
 * with number formats (money 2 decimals, shares and changes as %), headers in the report's language.
 */
@Component
public class ReportXlsx {

    public byte[] render(ReportContent c, Texts t, ReportCharts.Charts charts) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XlsxSheet.Styles styles = new XlsxSheet.Styles(book);
            summary(book, styles, c, t, charts);
            kpis(new XlsxSheet(book, styles, t.get("section.kpis")), c, t);
            movers(new XlsxSheet(book, styles, t.get("section.movers")), c, t);
            anomalies(new XlsxSheet(book, styles, t.get("section.anomalies")), c, t);
            channels(new XlsxSheet(book, styles, t.get("section.channels")), c, t);
            trends(new XlsxSheet(book, styles, t.get("section.trend")), c, t);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the XLSX of " + c.title(), e);
        }
    }

    private static void summary(Workbook book, XlsxSheet.Styles styles, ReportContent c, Texts t, ReportCharts.Charts charts) {
        XlsxSheet s = new XlsxSheet(book, styles, t.get("section.summary"));
        s.title(c.title());
        s.text(t.get("meta.period", c.workspaceName(), c.from(), c.to(), c.timezone()));
        s.text(t.get("meta.compare", c.previousFrom(), c.previousTo(), c.yearAgoFrom(), c.yearAgoTo()));
        s.blank();
        c.narrative().forEach(s::text);
        s.blank();
        List<ReportCharts.Chart> all = new ArrayList<>(charts.trends());
        if (charts.channels() != null) all.add(charts.channels());
        Sheet sheet = s.sheet();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        for (ReportCharts.Chart chart : all) {
            s.text(chart.caption());
            int row = s.nextRow();
            XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, 0, row, 10, row + 16);
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
            drawing.createPicture(anchor, book.addPicture(chart.png(), Workbook.PICTURE_TYPE_PNG));
            s.skip(17);
        }
        sheet.setColumnWidth(0, 100 * 256);
    }

    private static void kpis(XlsxSheet s, ReportContent c, Texts t) {
        s.header(t.get("kpi.metric"), t.get("kpi.value"), t.get("kpi.previous"), t.get("kpi.mom"), t.get("kpi.yearAgo"), t.get("kpi.yoy"),
                t.get("kpi.target"), t.get("kpi.attainment"));
        for (Kpi k : c.kpis()) {
            s.row().text(k.name()).value(k.value(), k.unit()).value(k.previous(), k.unit()).change(k.change()).value(k.yearAgo(), k.unit())
                    .change(k.yearChange()).value(k.target(), k.unit()).share(k.attainment());
        }
        s.widths(28, 16, 16, 10, 16, 10, 16, 10);
    }

    private static void movers(XlsxSheet s, ReportContent c, Texts t) {
        s.header(t.get("movers.dimension"), t.get("movers.value"), t.get("kpi.metric"), t.get("kpi.value"), t.get("kpi.previous"),
                t.get("movers.delta"), t.get("kpi.mom"));
        for (Mover m : c.movers()) {
            s.row().text(t.dimension(m.dimension())).text(t.dimensionValue(m.dimension(), m.dimensionValue())).text(m.name())
                    .value(m.value(), m.unit()).value(m.previous(), m.unit()).value(m.delta(), m.unit()).change(m.change());
        }
        s.widths(12, 30, 24, 16, 16, 16, 10);
    }

    private static void anomalies(XlsxSheet s, ReportContent c, Texts t) {
        if (!c.anomalies().available()) {
            s.text(t.get("anomalies.unavailable"));
            return;
        }
        s.header(t.get("anomalies.date"), t.get("kpi.metric"), t.get("movers.value"), t.get("anomalies.actual"), t.get("anomalies.expected"),
                t.get("anomalies.severity"), t.get("anomalies.explanation"));
        for (AnomalyItem a : c.anomalies().items()) {
            s.row().text(a.date().toString()).text(a.name())
                    .text(a.dimension() == null ? t.get("anomalies.total") : t.dimension(a.dimension()) + ": " + t.dimensionValue(a.dimension(), a.dimensionValue()))
                    .number(a.actual()).number(a.expected()).text(t.severity(a.severity())).text(a.explanation());
        }
        s.widths(12, 20, 24, 14, 14, 10, 80);
    }

    private static void channels(XlsxSheet s, ReportContent c, Texts t) {
        s.header(t.get("roi.channel"), t.get("roi.cost"), t.get("roi.gmv"), t.get("roi.orders"), "ROAS", "ROI");
        for (ChannelRoi r : c.channels()) roi(s.row().text(t.channel(r.channel())), r);
        roi(s.row().text(t.get("roi.total")), c.channelTotal());
        s.widths(18, 16, 16, 12, 10, 10);
    }

    private static void roi(XlsxSheet.RowWriter w, ChannelRoi r) {
        w.value(r.cost(), "currency").value(r.gmv(), "currency").value(r.orders(), "count").value(r.roas(), "times").value(r.roi(), "ratio");
    }

    private static void trends(XlsxSheet s, ReportContent c, Texts t) {
        if (c.trends().isEmpty()) return;
        List<String> head = new ArrayList<>(List.of(t.get("anomalies.date")));
        for (var tr : c.trends()) {
            head.add(tr.name());
            head.add(tr.name() + " · " + t.get("chart.previous"));
        }
        s.header(head.toArray(String[]::new));
        int days = c.trends().get(0).points().size();
        for (int d = 0; d < days; d++) {
            XlsxSheet.RowWriter w = s.row().text(c.trends().get(0).points().get(d).day().toString());
            for (var tr : c.trends()) {
                var p = tr.points().get(d);
                w.value(p.value(), tr.unit()).value(p.previous(), tr.unit());
            }
        }
        s.widths(12, 18, 18, 18, 18);
    }
}
