package io.marketops.imports.internal;

import io.marketops.imports.ColumnMapping;
import io.marketops.imports.ImportKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** Reading and validating speed without the server (phase one of an import); see docs/benchmarks.md. */
@Tag("benchmark")
class ReadSpeedBenchmarks {
    /** A 1,000,000-row sheet is read with the memory of a small one: live heap is sampled while reading. */
    @Test
    void streamsAMillionRowXlsxInFlatMemory() throws Exception {
        Path xlsx = Files.createTempFile("million", ".xlsx");
        try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100); var out = Files.newOutputStream(xlsx)) {
            var sheet = wb.createSheet("data");
            var header = sheet.createRow(0);
            String[] h = {"日期", "渠道", "计划名称", "消耗", "点击"};
            for (int i = 0; i < h.length; i++) header.createCell(i).setCellValue(h[i]);
            for (int r = 1; r <= 1_000_000; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("2026-11-0" + (1 + r % 9));
                row.createCell(1).setCellValue("douyin");
                row.createCell(2).setCellValue("计划" + r);
                row.createCell(3).setCellValue(r % 1000 + 0.25);
                row.createCell(4).setCellValue(r % 90);
            }
            wb.write(out);
        }
        System.gc();
        long before = usedHeap();
        long[] peak = {before};
        long[] n = {0};
        long t0 = System.nanoTime();
        SourceFile.sniff(xlsx, "million.xlsx").read((row, cells) -> {
            if (++n[0] % 100_000 == 0) { // live heap: collect first, so garbage does not count
                System.gc();
                peak[0] = Math.max(peak[0], usedHeap());
            }
        }, p -> {
        });
        System.out.printf("BENCHMARK xlsx read: %,d rows (%.0f MB file) in %d ms; live heap before %.0f MB, at most %.0f MB while reading (sampled after GC every 100,000 rows)%n",
                n[0], Files.size(xlsx) / 1e6, (System.nanoTime() - t0) / 1_000_000, before / 1e6, peak[0] / 1e6);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void readsAndStagesAMillionAdCostRows() throws Exception {
        Path dir = Files.createTempDirectory("read-speed");
        Path csv = dir.resolve("million.csv");
        StringBuilder sb = new StringBuilder(80_000_000).append("日期,渠道,计划名称,广告组名称,展现量,点击量,消耗,转化数,转化金额\n");
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 1_000_000; i++) {
            sb.append(start.plusDays(i % 365)).append(",douyin,计划").append(i / 365 % 100).append(",组").append(i / 36_500)
                    .append(',').append(1000 + i % 9000).append(',').append(10 + i % 90).append(',').append(i % 1000).append(".25,")
                    .append(i % 7).append(',').append(i % 500).append(".5\n");
        }
        Files.writeString(csv, sb);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            SourceFile file = SourceFile.sniff(csv, "million.csv");
            var headers = Preview.headerAt(file, 1);
            var mapping = ResolvedMapping.resolve(ImportKind.AD_COSTS, headers, ColumnMapping.automatic(), ZoneId.of("Asia/Shanghai"));
            KindSpec spec = KindSpec.of(ImportKind.AD_COSTS);
            RowReader reader = new RowReader(mapping);
            KindSpec.Ctx ctx = new KindSpec.Ctx("CNY", null);
            long[] n = {0};
            try (StagingFile staged = new StagingFile(dir.resolve("staged.csv"), spec.staged().keySet())) {
                file.read((row, cells) -> {
                    if (row <= 1) return;
                    String[] v = spec.convert(reader.reset(row, cells), ctx);
                    if (v != null) staged.write(v);
                    n[0]++;
                }, p -> {
                });
            }
            System.out.printf("BENCHMARK read+stage: %,d rows in %d ms%n", n[0], (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
