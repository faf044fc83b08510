package io.marketops.imports.internal;

import io.marketops.imports.ImportKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of a file and where its header is. Platform exports often start with title
 * lines ("报表名称：…", "时间范围：…"); the header is the row among the first ten in which most
 * columns are recognised as fields of the kind (the first non-empty row when none is).
 */
record Preview(long headerRow, List<String> headers, List<List<String>> rows, List<Headers.Suggestion> suggestions) {
    private static final int HEADER_SEARCH = 10;

    static Preview of(SourceFile file, ImportKind kind, int sampleRows) {
        List<Long> numbers = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        file.read((n, cells) -> {
            numbers.add(n);
            rows.add(cells);
            if (rows.size() >= HEADER_SEARCH + sampleRows) throw new RowSink.Stop();
        }, p -> {
        });
        if (rows.isEmpty()) throw new io.marketops.core.InvalidRequest("file", "has no rows");
        int best = 0;
        long bestScore = -1;
        for (int i = 0; i < Math.min(HEADER_SEARCH, rows.size()); i++) {
            long score = Headers.recognised(kind, rows.get(i));
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        List<String> headers = trimTrailingEmpty(rows.get(best));
        List<List<String>> sample = rows.subList(best + 1, Math.min(rows.size(), best + 1 + sampleRows));
        return new Preview(numbers.get(best), headers, List.copyOf(sample), Headers.suggest(kind, headers));
    }

    /** Reads only the header row of a file whose header row is known. */
    static List<String> headerAt(SourceFile file, long headerRow) {
        List<List<String>> found = new ArrayList<>();
        file.read((n, cells) -> {
            if (n == headerRow) {
                found.add(cells);
                throw new RowSink.Stop();
            }
            if (n > headerRow) throw new RowSink.Stop();
        }, p -> {
        });
        if (found.isEmpty()) throw new io.marketops.core.InvalidRequest("file", "has no header row " + headerRow);
        return trimTrailingEmpty(found.get(0));
    }

    private static List<String> trimTrailingEmpty(List<String> cells) {
        int end = cells.size();
        while (end > 0 && (cells.get(end - 1) == null || cells.get(end - 1).isBlank())) end--;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            String h = cells.get(i) == null ? "" : cells.get(i).trim();
            out.add(h.isEmpty() ? "column " + (i + 1) : h);
        }
        return out;
    }
}
