package io.marketops.reports.internal;

import java.math.BigDecimal;

/** Metric values arrive as Long, BigDecimal or Double; reports keep them as BigDecimal so JSON round-trips exactly. */
final class Numbers {
    private Numbers() {
    }

    static BigDecimal dec(Number n) {
        if (n == null) return null;
        if (n instanceof BigDecimal b) return b;
        if (n instanceof Long || n instanceof Integer) return BigDecimal.valueOf(n.longValue());
        return new BigDecimal(n.toString());
    }
}
