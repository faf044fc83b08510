package io.marketops.reports.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same built report as XHTML, PDF (Chinese text extractable, font embedded, charts drawn) and XLSX. */
class ReportRenderingTests {
    final ReportContent october = ReportFixtures.october("zh-CN");
    final Texts t = ReportFixtures.texts("zh-CN");
    final ReportCharts charts = new ReportCharts(ReportFixtures.font());
    final ReportHtml html = new ReportHtml(ReportFixtures.templates());

    @Test
    void htmlIsWellFormedXhtmlWithTheNumbersNarrativeAndChartImages() throws Exception {
        String doc = html.document(october, t, charts.all(october, t));
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(doc)));
        assertThat(doc).contains("经营月报 · 月报", "核心指标", "¥123,456.78", "+23.5%", "-17.7%", "82.3%", "异常检测暂不可用。")
                .contains("本月抖音GMV 成交总额环比 +20.0%（+¥10,000.00），主要来自活动 双11预热（+¥8,000.00）。")
                .contains("data:image/png;base64,");
    }

    @Test
    void pdfEmbedsTheChineseFontAndItsTextReadsBack() throws Exception {
        byte[] pdf = new ReportPdf(ReportFixtures.font()).render(html.document(october, t, charts.all(october, t)), october.title());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("经营月报", "核心指标", "渠道 ROI", "¥123,456.78", "抖音", "主要来自活动");
            List<String> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont f = doc.getPage(0).getResources().getFont(name);
                fonts.add(f.getName() + (f.isEmbedded() ? " embedded" : ""));
            }
            assertThat(fonts).anyMatch(f -> f.contains("WenQuanYi") && f.endsWith("embedded"));
            assertThat(doc.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
    }

    @Test
    void pdfWithoutTheFontFailsNamingThePathAndTheFix() {
        ReportPdf pdf = new ReportPdf(ReportFixtures.missingFont());
        assertThatThrownBy(() -> pdf.render("<html><body>x</body></html>", "x")).isInstanceOf(CjkFont.Missing.class)
                .hasMessageContaining("/nonexistent/font.ttc").hasMessageContaining("fonts-wqy-microhei").hasMessageContaining("MARKETOPS_REPORTS_CJK_FONT");
    }

    @Test
    void xlsxHoldsEveryTableWithNumbersAsNumbers() throws Exception {
        byte[] xlsx = new ReportXlsx().render(october, t, charts.all(october, t));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("摘要");
            assertThat(book.getSheet("核心指标").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(123456.78);
            assertThat(new DataFormatter().formatCellValue(book.getSheet("核心指标").getRow(1).getCell(3))).isEqualTo("+23.5%");
            assertThat(book.getSheet("渠道 ROI").getRow(1).getCell(0).getStringCellValue()).isEqualTo("抖音");
            assertThat(book.getSheet("每日趋势").getPhysicalNumberOfRows()).isEqualTo(32);
            assertThat(book.getAllPictures()).hasSize(2);
        }
    }

    @Test
    void englishReportsUseEnglishWordsAndTheSameNumbers() {
        ReportContent en = ReportFixtures.october("en");
        Texts te = ReportFixtures.texts("en");
        String doc = html.document(en, te, charts.all(en, te));
        assertThat(doc).contains("Key metrics", "¥123,456.78", "This month GMV was ¥123,456.78, +23.5% vs the previous month and -17.7% vs a year earlier; 82.3% of target.")
                .contains("Douyin").doesNotContain("核心指标");
    }
}
