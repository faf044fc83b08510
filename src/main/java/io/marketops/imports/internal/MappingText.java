package io.marketops.imports.internal;

import io.marketops.imports.ColumnMapping;

/** Parses the {@code mapping} a caller sends (see {@link MappingJson}); {@code source} names the origin when the JSON does not. */
public final class MappingText {
    private MappingText() {
    }

    public static ColumnMapping parse(String json, String source) {
        ColumnMapping m = MappingJson.parse(json);
        if (source == null || source.isBlank() || m.source() != null) return m;
        return new ColumnMapping(m.columns(), m.defaults(), m.timezone(), m.dateFormat(), source.trim(), m.save());
    }
}
