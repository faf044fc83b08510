package io.marketops.demo;

/** Deterministic, readable ids: a prefix and a zero-padded sequence number ({@code a-000123}). */
final class Ids {
    private Ids() {
    }

    static String of(String prefix, long number, int width) {
        String digits = Long.toString(number);
        int pad = width - digits.length();
        if (pad <= 0) return prefix.concat(digits);
        StringBuilder b = new StringBuilder(prefix.length() + width).append(prefix);
        for (int i = 0; i < pad; i++) b.append('0');
        return b.append(digits).toString();
    }

    static String visitor(long n) {
        return of("a-", n, 6);
    }

    static String user(long n) {
        return of("u-", n, 6);
    }
}
