package io.marketops.imports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a file's columns become import fields.
 *
 * @param columns    header text (as in the file) to field id ({@code cost}, {@code order_id} …);
 *                   the field {@code ignore} drops a column; headers not named here get suggestions
 * @param defaults   field id to a constant for every row (e.g. {@code channel=douyin}, {@code currency=GBP})
 * @param timezone   zone for timestamps without one; null means the workspace's time zone
 * @param dateFormat a java.time pattern for ambiguous dates such as {@code dd/MM/yyyy}; null means auto
 * @param source     name of the file's origin (e.g. "巨量引擎日报"); its saved mapping is applied first
 * @param save       store this mapping under {@code source} for the next file from there
 */
public record ColumnMapping(Map<String, String> columns, Map<String, String> defaults, String timezone,
                            String dateFormat, String source, boolean save) {

    public ColumnMapping {
        columns = columns == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(columns));
        defaults = defaults == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(defaults));
        if (timezone != null && timezone.isBlank()) timezone = null;
        if (dateFormat != null && dateFormat.isBlank()) dateFormat = null;
        if (source != null && source.isBlank()) source = null;
    }

    public static ColumnMapping automatic() {
        return new ColumnMapping(Map.of(), Map.of(), null, null, null, false);
    }

    /** This mapping's explicit choices laid over {@code base} (a saved mapping). */
    public ColumnMapping over(ColumnMapping base) {
        Map<String, String> c = new LinkedHashMap<>(base.columns);
        c.putAll(columns);
        Map<String, String> d = new LinkedHashMap<>(base.defaults);
        d.putAll(defaults);
        return new ColumnMapping(c, d, timezone != null ? timezone : base.timezone,
                dateFormat != null ? dateFormat : base.dateFormat, source != null ? source : base.source, save);
    }
}
