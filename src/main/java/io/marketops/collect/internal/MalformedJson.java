package io.marketops.collect.internal;

/** A body that is not JSON; answered with 400 naming where parsing stopped. */
public final class MalformedJson extends RuntimeException {
    private final int line;
    private final int column;
    private final long offset;

    MalformedJson(String why, int line, int column, long offset) {
        super("The body is not valid JSON: " + why + (line > 0 ? " at line " + line + ", column " + column + " (byte " + offset + ")" : ""),
                null, false, false);
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public long offset() {
        return offset;
    }
}
