package io.marketops.imports.internal;

import java.util.List;

/** Receives a file's rows in order; {@code cells} may be shorter than the header (missing cells are empty). */
@FunctionalInterface
interface RowSink {
    void accept(long rowNumber, List<String> cells);

    /** Thrown by a sink that has seen enough rows (previews); readers end quietly on it. */
    final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
