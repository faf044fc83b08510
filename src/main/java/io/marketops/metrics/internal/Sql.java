package io.marketops.metrics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SQL text with its bound values in textual order, so fragments can be composed without losing parameter order. */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    static Sql of(String text, Object... params) {
        return new Sql().add(text, params);
    }

    Sql add(String s, Object... p) {
        text.append(s);
        params.addAll(Arrays.asList(p));
        return this;
    }

    Sql add(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Object> params() {
        return params;
    }

    Object[] paramArray() {
        return params.toArray();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
