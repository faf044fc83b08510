package io.marketops.demo;

import java.math.BigDecimal;

/** CNY amounts are kept as whole cents (long) while generating, and become BigDecimal scale 2 at the edge. */
final class Cents {
    private Cents() {
    }

    static BigDecimal of(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    static String format(long cents) {
        long abs = Math.abs(cents);
        long fraction = abs % 100;
        return (cents < 0 ? "-" : "") + abs / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
