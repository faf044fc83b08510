package io.marketops.reports.internal;

import io.marketops.reports.internal.ReportContent.ChannelRoi;
import io.marketops.reports.internal.ReportContent.Trend;
import io.marketops.reports.internal.ReportContent.TrendPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.springframework.stereotype.Component;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Chart images drawn on the server (ECharts runs only in a browser, and PDFs, e-mails and XLSX need pictures):
 * each trend metric this period against the previous one, and GMV against ad cost per channel. PNG, 2× for print.
 */
@Component
public class ReportCharts {
    static final int WIDTH = 900, HEIGHT = 300;
    private static final Color BLUE = new Color(0x2E, 0x5B, 0xFF), GREY = new Color(0x98, 0xA2, 0xB3), ORANGE = new Color(0xF7, 0x90, 0x09);
    private final CjkFont font;

    public ReportCharts(CjkFont font) {
        this.font = font;
    }

    /** A chart's caption and its PNG as a data URI, for the HTML and PDF renderings. */
    public record Chart(String caption, byte[] png) {
        public String dataUri() {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }
    }

    /** @param channels null when the report has no channel with cost or GMV */
    public record Charts(List<Chart> trends, Chart channels) {
    }

    public Charts all(ReportContent c, Texts t) {
        List<Chart> trends = new ArrayList<>();
        for (Trend trend : c.trends()) trends.add(trend(trend, t));
        return new Charts(trends, c.channels().isEmpty() ? null : channels(c.channels(), t));
    }

    Chart trend(Trend trend, Texts t) {
        TimeSeries now = new TimeSeries(t.get("chart.current")), before = new TimeSeries(t.get("chart.previous"));
        for (TrendPoint p : trend.points()) {
            Day day = new Day(p.day().getDayOfMonth(), p.day().getMonthValue(), p.day().getYear());
            if (p.value() != null) now.add(day, p.value());
            if (p.previous() != null) before.add(day, p.previous());
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(now);
        data.addSeries(before);
        JFreeChart chart = new JFreeChart(null, font.awt(13), new XYPlot(data, new DateAxis(), new NumberAxis(), new XYLineAndShapeRenderer(true, false)), true);
        theme().apply(chart);
        XYPlot plot = chart.getXYPlot();
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new SimpleDateFormat("MM-dd"));
        plot.getRenderer().setSeriesPaint(0, BLUE);
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(2.2f));
        plot.getRenderer().setSeriesPaint(1, GREY);
        plot.getRenderer().setSeriesStroke(1, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 4f}, 0f));
        return new Chart(t.get("chart.trend", trend.name()), png(chart));
    }

    Chart channels(List<ChannelRoi> rows, Texts t) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String gmv = t.get("roi.gmv"), cost = t.get("roi.cost");
        for (ChannelRoi r : rows) {
            String name = t.channel(r.channel());
            data.addValue(r.gmv(), gmv, name);
            data.addValue(r.cost(), cost, name);
        }
        JFreeChart chart = new JFreeChart(null, font.awt(13), new CategoryPlot(data, new org.jfree.chart.axis.CategoryAxis(), new NumberAxis(),
                new BarRenderer()), true);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.getDomainAxis().setCategoryLabelPositions(rows.size() > 8 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, BLUE);
        r.setSeriesPaint(1, ORANGE);
        return new Chart(t.get("chart.channels"), png(chart));
    }

    private StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("marketops");
        theme.setExtraLargeFont(font.awt(16));
        theme.setLargeFont(font.awt(14));
        theme.setRegularFont(font.awt(12));
        theme.setSmallFont(font.awt(11));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xEA, 0xEC, 0xF0));
        theme.setRangeGridlinePaint(new Color(0xEA, 0xEC, 0xF0));
        theme.setShadowVisible(false);
        return theme;
    }

    /**
     * Draws at 2× on an opaque RGB image: a PNG without alpha is copied into the PDF as it is (PDFBox's PNG pass-through)
     * instead of being decoded and re-compressed, which made PDFs several times slower to render.
     */
    private static byte[] png(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH * 2, HEIGHT * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            g.scale(2, 2);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw a report chart", e);
        } finally {
            g.dispose();
        }
    }
}
