package io.marketops.imports.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.QuoteStrategies;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The validated rows of one import, as CSV with a fixed header, written before anything touches
 * the warehouse. Null is written as an unquoted empty field and the empty string as {@code ""},
 * which DuckDB's reader tells apart. {@link #close()} forces the file to disk, because the job is
 * marked "merging" (resume from here) right after.
 */
final class StagingFile implements Closeable {
    private final FileOutputStream stream;
    private final CsvWriter out;
    private long records;
    private boolean closed;

    StagingFile(Path file, Iterable<String> header) throws IOException {
        this.stream = new FileOutputStream(file.toFile());
        this.out = CsvWriter.builder().quoteStrategy(QuoteStrategies.EMPTY).bufferSize(1 << 16)
                .build(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        out.writeRecord(header);
    }

    void write(String[] values) {
        out.writeRecord(values);
        records++;
    }

    long records() {
        return records;
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        out.flush();
        stream.getFD().sync();
        out.close();
    }
}
