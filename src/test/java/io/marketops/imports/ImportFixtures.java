package io.marketops.imports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Files as marketers get them from platforms: GBK with title lines and a totals row, BOM-prefixed UTF-8, XLSX. */
public final class ImportFixtures {
    private ImportFixtures() {
    }

    /** A 巨量引擎-style daily report: two title lines, Chinese headers, three data rows, a 合计 line. GBK-encoded. */
    public static byte[] adCostsGbk() {
        String csv = """
                报表名称：广告计划日报
                时间范围：2026-11-01 至 2026-11-02
                日期,计划名称,广告组名称,展现量,点击量,点击率,消耗(元),转化数,转化成本
                2026-11-01,双11预热-抖音,人群包A,"12,000",360,3.00%,"1,234.50",12,102.88
                2026-11-01,双11预热-抖音,人群包B,8000,200,2.50%,800,8,100.00
                2026/11/2,双11预热-抖音,人群包A,1.5万,420,2.80%,1500.25,15,100.02
                合计,,,35000,980,2.80%,3534.75,35,101.00
                """;
        return csv.getBytes(Charset.forName("GBK"));
    }

    public static byte[] utf8Bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    /** Tmall-style orders; row 3 has an impossible date, row 5 an amount that is no number. */
    public static String ordersWithBadRows() {
        return """
                订单编号,买家会员名,订单创建时间,买家实际支付金额,订单状态,店铺名称,优惠券
                T1001,buyer_a,2026-11-11 00:05:12,299.00,交易成功,天猫旗舰店,
                T1002,buyer_b,2026-02-30 10:00:00,199.00,交易成功,天猫旗舰店,
                T1003,buyer_a,2026-11-11 09:30,"1,099.00",交易关闭,天猫旗舰店,C100
                T1004,buyer_c,2026-11-11 10:00:00,abc,交易成功,天猫旗舰店,
                T1005,buyer_d,2026/11/11 11:11:11,59.9,已退款,天猫旗舰店,
                """;
    }

    /** Daily content statistics as XLSX with real date cells and a percent-formatted completion rate. */
    public static byte[] contentMetricsXlsx(int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = wb.createSheet("数据");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            CellStyle pct = wb.createCellStyle();
            pct.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0.00%"));
            Row h = sheet.createRow(0);
            String[] headers = {"笔记ID", "平台", "日期", "笔记标题", "阅读量", "点赞数", "评论数", "分享数", "收藏数", "完播率", "涨粉数"};
            for (int i = 0; i < headers.length; i++) h.createCell(i).setCellValue(headers[i]);
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("note-" + r);
                row.createCell(1).setCellValue("小红书");
                var d = row.createCell(2);
                d.setCellValue(LocalDate.of(2026, 11, 1 + r % 28));
                d.setCellStyle(date);
                row.createCell(3).setCellValue("秋冬穿搭 " + r);
                row.createCell(4).setCellValue(1000 + r);
                row.createCell(5).setCellValue(100);
                row.createCell(6).setCellValue(10);
                row.createCell(7).setCellValue(5);
                row.createCell(8).setCellValue(20);
                var c = row.createCell(9);
                c.setCellValue(0.35);
                c.setCellStyle(pct);
                row.createCell(10).setCellValue(r % 2 == 0 ? 3 : -1);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
