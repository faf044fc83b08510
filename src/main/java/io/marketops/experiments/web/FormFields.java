package io.marketops.experiments.web;

import io.marketops.core.InvalidRequest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The new-experiment form's text fields for coverage, targeting and the CUPED pre-period. */
final class FormFields {
    private FormFields() {
    }

    /** "50" (percent) → 0.5; empty → null (the default, 100%). */
    static Double coverage(String percent) {
        if (percent == null || percent.isBlank()) return null;
        try {
            return Double.parseDouble(percent.trim()) / 100;
        } catch (NumberFormatException e) {
            throw new InvalidRequest("coverage", "must be a percentage between 1 and 100");
        }
    }

    static Integer prePeriodDays(String days) {
        if (days == null || days.isBlank()) return null;
        try {
            return Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequest("prePeriodDays", "must be a whole number of days between 0 and 90");
        }
    }

    /** {@code city=上海,杭州; plan=vip} → {city: [上海, 杭州], plan: [vip]}; empty → null (no targeting). */
    static Map<String, List<String>> targeting(String text) {
        if (text == null || text.isBlank()) return null;
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String rule : text.split("[;；]")) {
            if (rule.isBlank()) continue;
            int eq = rule.indexOf('=');
            if (eq <= 0) throw new InvalidRequest("targeting", "write rules as attribute=value1,value2; e.g. city=上海,杭州; plan=vip");
            List<String> values = Arrays.stream(rule.substring(eq + 1).split("[,，]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
            out.put(rule.substring(0, eq).strip(), values);
        }
        return out;
    }
}
