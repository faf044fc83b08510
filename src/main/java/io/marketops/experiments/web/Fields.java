package io.marketops.experiments.web;

import io.marketops.core.InvalidRequest;

import java.util.Arrays;
import java.util.Locale;

/** Small checks shared by the request mappers; each failure names the JSON field and the fix. */
final class Fields {
    private Fields() {
    }

    static double finite(String field, Double value, double fallback) {
        if (value == null) return fallback;
        if (!Double.isFinite(value)) throw new InvalidRequest(field, "must be a finite number");
        return value;
    }

    static double required(String field, Double value) {
        if (value == null) throw new InvalidRequest(field, "is required");
        return finite(field, value, 0);
    }

    static double between(String field, Double value, double fallback, double low, double high) {
        double v = finite(field, value, fallback);
        if (!(v > low && v < high)) throw new InvalidRequest(field, "must be between " + low + " and " + high + " (exclusive), was " + v);
        return v;
    }

    static double positive(String field, Double value, double fallback) {
        double v = finite(field, value, fallback);
        if (!(v > 0)) throw new InvalidRequest(field, "must be greater than 0, was " + v);
        return v;
    }

    /** Parses lower_snake_case names such as {@code two_sided} into the enum constant. */
    static <E extends Enum<E>> E choice(String field, String value, E fallback, Class<E> type) {
        if (value == null || value.isBlank()) {
            if (fallback == null) throw new InvalidRequest(field, "is required; use one of " + names(type));
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, "'" + value + "' is not allowed; use one of " + names(type));
        }
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }
}
