package io.marketops.imports.internal;

import io.marketops.core.InvalidRequest;
import org.mozilla.universalchardet.UniversalDetector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * What a file is: XLSX, or CSV with its encoding (UTF-8 with or without BOM, GBK/GB18030
 * detected, UTF-16 by BOM) and field separator. GBK files are decoded as GB18030, its superset.
 *
 * @param bomLength bytes to skip at the start of a CSV
 * @param encoding  the encoding as detected, for people (UTF-8, UTF-8 (BOM), GBK, GB18030 …)
 */
record SourceFile(Path path, Format format, Charset charset, String encoding, int bomLength, char separator) {
    private static final int SAMPLE = 1 << 20;

    enum Format { CSV, XLSX }

    static SourceFile sniff(Path path, String fileName) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SAMPLE);
        } catch (IOException e) {
            throw new InvalidRequest("file", "cannot be read: " + e.getMessage());
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (head.length == 0) throw new InvalidRequest("file", "is empty");
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) return new SourceFile(path, Format.XLSX, null, null, 0, ',');
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new InvalidRequest("file", "is an old binary Excel file (.xls); open it in Excel or WPS and save it as .xlsx or CSV");
        }
        if (name.endsWith(".xlsx")) throw new InvalidRequest("file", "is named .xlsx but is not an Excel workbook");
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) return csv(path, StandardCharsets.UTF_8, "UTF-8 (BOM)", 3, head, name);
        if (startsWith(head, 0xFF, 0xFE)) return csv(path, StandardCharsets.UTF_16LE, "UTF-16LE", 2, head, name);
        if (startsWith(head, 0xFE, 0xFF)) return csv(path, StandardCharsets.UTF_16BE, "UTF-16BE", 2, head, name);
        if (validUtf8(head, head.length == SAMPLE)) return csv(path, StandardCharsets.UTF_8, "UTF-8", 0, head, name);
        UniversalDetector d = new UniversalDetector();
        d.handleData(head, 0, head.length);
        d.dataEnd();
        String detected = d.getDetectedCharset();
        if (detected == null || detected.startsWith("GB") || detected.startsWith("HZ") || !Charset.isSupported(detected)) {
            return csv(path, Charset.forName("GB18030"), detected == null ? "GB18030" : detected.toUpperCase(Locale.ROOT), 0, head, name);
        }
        return csv(path, Charset.forName(detected), detected, 0, head, name);
    }

    private static SourceFile csv(Path path, Charset cs, String label, int bom, byte[] head, String name) {
        String text = new String(head, bom, head.length - bom, cs);
        return new SourceFile(path, Format.CSV, cs, label, bom, name.endsWith(".tsv") ? '\t' : separator(text));
    }

    /** The separator that occurs most often outside quotes in the first non-empty line. */
    static char separator(String text) {
        int comma = 0, tab = 0, semicolon = 0;
        boolean quoted = false, seen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) {
                if (seen) break;
            } else if (!quoted) {
                seen = true;
                if (c == ',') comma++;
                else if (c == '\t') tab++;
                else if (c == ';') semicolon++;
            }
        }
        if (tab > comma && tab >= semicolon) return '\t';
        if (semicolon > comma) return ';';
        return ',';
    }

    private static boolean validUtf8(byte[] b, boolean truncated) {
        int len = b.length;
        if (truncated) { // do not judge a character cut by the sample's end
            int back = 0;
            while (back < 3 && len - back - 1 >= 0 && (b[len - back - 1] & 0xC0) == 0x80) back++;
            len = Math.max(0, len - back - 1);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    /** Reads every row (or until the sink stops), reporting progress 0..1 now and then. */
    void read(RowSink sink, DoubleConsumer progress) {
        try {
            if (format == Format.XLSX) new XlsxRows(path).read(sink, progress);
            else new CsvRows(this).read(sink, progress);
        } catch (RowSink.Stop stop) {
            // the sink has seen enough
        }
    }

    @Override
    public String toString() {
        return format + (charset == null ? "" : " " + encoding + " sep=" + Arrays.toString(new char[]{separator}));
    }
}
