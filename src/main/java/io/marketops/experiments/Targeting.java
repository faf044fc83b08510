package io.marketops.experiments;

import io.marketops.core.InvalidRequest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Simple targeting: an experiment lists attributes and the values allowed for each
 * ({@code {"city": ["上海", "杭州"], "plan": ["vip"]}}); a visitor enters only when every listed
 * attribute was sent with the assignment request and its value is one of those listed (exact,
 * case-sensitive match after trimming). Attributes the experiment does not list are ignored.
 */
public final class Targeting {
    public static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    public static final int MAX_ATTRIBUTES = 10;
    public static final int MAX_VALUES = 200;
    public static final int MAX_VALUE_LENGTH = 200;

    private Targeting() {
    }

    /** The targeting rules checked (each problem named by its field), values trimmed, order kept; null = none. */
    public static Map<String, List<String>> checked(Map<String, List<String>> targeting) {
        if (targeting == null || targeting.isEmpty()) return Map.of();
        if (targeting.size() > MAX_ATTRIBUTES) throw new InvalidRequest("targeting", "at most " + MAX_ATTRIBUTES + " attributes");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (var entry : targeting.entrySet()) {
            String attribute = entry.getKey();
            String f = "targeting." + attribute;
            if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
                throw new InvalidRequest("targeting", "attribute names are 1–64 letters, digits, '_', '.' or '-', starting with a letter");
            }
            List<String> values = entry.getValue();
            if (values == null || values.isEmpty()) throw new InvalidRequest(f, "needs at least one allowed value");
            if (values.size() > MAX_VALUES) throw new InvalidRequest(f, "at most " + MAX_VALUES + " values");
            LinkedHashSet<String> cleaned = new LinkedHashSet<>();
            for (String v : values) {
                if (v == null || v.isBlank()) throw new InvalidRequest(f, "values must not be empty");
                if (v.strip().length() > MAX_VALUE_LENGTH) throw new InvalidRequest(f, "values are at most " + MAX_VALUE_LENGTH + " characters");
                cleaned.add(v.strip());
            }
            out.put(attribute, List.copyOf(cleaned));
        }
        return Collections.unmodifiableMap(out);
    }

    /** True when the visitor's attributes satisfy every rule (always true without rules). */
    public static boolean matches(Map<String, List<String>> rules, Map<String, String> attributes) {
        for (var rule : rules.entrySet()) {
            String value = attributes == null ? null : attributes.get(rule.getKey());
            if (value == null || !rule.getValue().contains(value.strip())) return false;
        }
        return true;
    }
}
