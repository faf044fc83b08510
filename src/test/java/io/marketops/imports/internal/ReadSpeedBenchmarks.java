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
