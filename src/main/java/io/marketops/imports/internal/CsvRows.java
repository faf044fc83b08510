package io.marketops.imports.internal;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.marketops.core.InvalidRequest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.DoubleConsumer;

/** Streams a CSV file's records; row numbers are the line a record starts on. */
final class CsvRows {
    private final SourceFile file;

    CsvRows(SourceFile file) {
        this.file = file;
    }

    void read(RowSink sink, DoubleConsumer progress) {
        long size;
        try (Counting in = new Counting(new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16))) {
            size = Math.max(1, Files.size(file.path()));
            in.skipNBytes(file.bomLength());
            CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(file.separator()).quoteCharacter('"')
                    .commentStrategy(CommentStrategy.NONE).skipEmptyLines(true).ignoreDifferentFieldCount(true)
                    .acceptCharsAfterQuotes(true).detectBomHeader(false)
                    .ofCsvRecord(new InputStreamReader(in, file.charset()));
            long n = 0;
            for (CsvRecord r : csv) {
                sink.accept(r.getStartingLineNumber(), r.getFields());
                if ((++n & 0x3FFF) == 0) progress.accept(Math.min(1.0, in.count / (double) size));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidRequest("file", "is not a readable CSV file: " + e.getMessage());
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new InvalidRequest("file", "is not a readable CSV file: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
    }

    /** Counts bytes read, for progress. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
