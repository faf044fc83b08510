package io.marketops.imports.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.marketops.imports.ImportRejection;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rejected rows to a CSV file (row, field, value, reason; one line per problem) and keeps
 * the first few for the job's summary. Counts rows, not problems.
 */
final class Rejects implements Closeable {
    static final int SAMPLE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CsvWriter out;
    private final List<ImportRejection> sample = new ArrayList<>();
    private long rows;
    private boolean closed;

    Rejects(Path file) throws IOException {
        this.out = CsvWriter.builder().build(file, StandardCharsets.UTF_8);
        out.writeRecord("row", "field", "value", "reason");
    }

    void reject(List<ImportRejection> problems) {
        if (problems.isEmpty()) return;
        rows++;
        for (ImportRejection p : problems) {
            out.writeRecord(Long.toString(p.row()), p.field() == null ? "" : p.field(), p.value() == null ? "" : inert(p.value()), p.reason());
            if (sample.size() < SAMPLE) sample.add(p);
        }
    }

    /** A value a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
    static String inert(String v) {
        if (v.isEmpty()) return v;
        char c = v.charAt(0);
        boolean formula = c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r'
                || (c == '-' && (v.length() == 1 || !Character.isDigit(v.charAt(1))));
        return formula ? "'" + v : v;
    }

    long rows() {
        return rows;
    }

    List<ImportRejection> sample() {
        return sample;
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        out.close();
    }

    static String toJson(List<ImportRejection> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ImportRejection> fromJson(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both rejected-row files of a job as one CSV body (header once). */
    static void concat(Path first, Path second, java.io.OutputStream to) throws IOException {
        boolean header = false;
        for (Path p : List.of(first, second)) {
            if (!Files.exists(p)) continue;
            try (var lines = Files.lines(p, StandardCharsets.UTF_8)) {
                var it = lines.iterator();
                if (it.hasNext()) {
                    String h = it.next();
                    if (!header) to.write((h + "\r\n").getBytes(StandardCharsets.UTF_8));
                    header = true;
                }
                while (it.hasNext()) to.write((it.next() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!header) to.write("row,field,value,reason\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
