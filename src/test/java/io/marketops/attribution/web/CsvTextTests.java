package io.marketops.attribution.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTextTests {
    static final String CSV = "path;total_conversions\n抖音 > 小红书;3\n";

    @Test
    void readsUtf8WithAndWithoutByteOrderMark() {
        assertThat(CsvText.decode(CSV.getBytes(StandardCharsets.UTF_8))).isEqualTo(CSV);
        byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(CsvText.decode(withBom)).isEqualTo(CSV);
    }

    @Test
    void readsWhatExcelOnChineseWindowsWrites() {
        assertThat(CsvText.decode(CSV.getBytes(Charset.forName("GBK")))).isEqualTo(CSV);
    }
}
