package io.marketops.imports.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.imports.ImportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceFileTests {
    @TempDir Path dir;

    private SourceFile file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return SourceFile.sniff(p, name);
    }

    private static List<List<String>> rows(SourceFile f) {
        List<List<String>> out = new ArrayList<>();
        f.read((n, cells) -> out.add(cells), p -> {
        });
        return out;
    }

    @Test
    void detectsGbkAndDecodesChineseHeaders() throws Exception {
        SourceFile f = file("report.csv", ImportFixtures.adCostsGbk());
        assertThat(f.charset()).isEqualTo(Charset.forName("GB18030"));
        assertThat(rows(f).get(2)).startsWith("日期", "计划名称", "广告组名称");
    }

    @Test
    void skipsAUtf8ByteOrderMarkSoTheFirstHeaderIsClean() throws Exception {
        SourceFile f = file("orders.csv", ImportFixtures.utf8Bom("订单号,金额\nA1,10\n"));
        assertThat(f.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(rows(f).get(0).get(0)).isEqualTo("订单号");
    }

    @Test
    void detectsTabAndSemicolonSeparators() throws Exception {
        assertThat(file("a.csv", "日期\t花费\n2026-11-01\t1\n".getBytes(StandardCharsets.UTF_8)).separator()).isEqualTo('\t');
        assertThat(file("b.csv", "date;cost\n2026-11-01;1,5\n".getBytes(StandardCharsets.UTF_8)).separator()).isEqualTo(';');
        assertThat(file("c.csv", "\"a,b\";c;d\n".getBytes(StandardCharsets.UTF_8)).separator()).isEqualTo(';');
    }

    @Test
    void readsXlsxDateCellsAsIsoAndNumbersUnformatted() throws Exception {
        SourceFile f = file("m.xlsx", ImportFixtures.contentMetricsXlsx(3));
        var rows = rows(f);
        assertThat(f.format()).isEqualTo(SourceFile.Format.XLSX);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).containsExactly("note-1", "小红书", "2026-11-02", "秋冬穿搭 1", "1001", "100", "10", "5", "20", "0.35", "-1");
    }

    @Test
    void refusesOldExcelFilesWithAnActionableMessage() throws Exception {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        assertThatThrownBy(() -> file("old.xls", xls)).isInstanceOf(InvalidRequest.class).hasMessageContaining("save it as .xlsx or CSV");
        assertThatThrownBy(() -> file("empty.csv", new byte[0])).hasMessageContaining("is empty");
    }
}
