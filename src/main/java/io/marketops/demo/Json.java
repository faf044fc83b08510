package io.marketops.demo;

/** Builds the small JSON texts of event properties, traits and context without a library. */
final class Json {
    private final StringBuilder out = new StringBuilder(96).append('{');

    static Json object() {
        return new Json();
    }

    Json put(String key, String value) {
        if (value == null) return this;
        name(key);
        quote(out, value);
        return this;
    }

    Json put(String key, long value) {
        name(key);
        out.append(value);
        return this;
    }

    /** A money amount given in cents, written as a JSON number with two decimals. */
    Json putCents(String key, long cents) {
        name(key);
        out.append(Cents.format(cents));
        return this;
    }

    Json putRaw(String key, String json) {
        name(key);
        out.append(json);
        return this;
    }

    String build() {
        return out.append('}').toString();
    }

    private void name(String key) {
        if (out.length() > 1) out.append(',');
        quote(out, key);
        out.append(':');
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c)); else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
