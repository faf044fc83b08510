package io.marketops.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * How numbers read in every rendering: counts with thousands separators, money with two decimals and the currency
 * sign (¥ for CNY), shares as percentages with two decimals, multiples (ROAS) with two decimals, changes signed with
 * one decimal ("+12.3%"). A missing value is "—".
 */
public final class Formats {
    public static final String NONE = "—";

    private Formats() {
    }

    public static String value(BigDecimal v, String unit, String currency) {
        if (v == null) return NONE;
        return switch (unit) {
            case "currency" -> symbol(currency) + pattern("#,##0.00").format(v);
            case "ratio" -> pattern("0.00").format(v.multiply(BigDecimal.valueOf(100))) + "%";
            case "times" -> pattern("#,##0.00").format(v);
            case "seconds" -> pattern("#,##0.0").format(v) + " s";
            default -> pattern(v.stripTrailingZeros().scale() <= 0 ? "#,##0" : "#,##0.00").format(v);
        };
    }

    /** A change against an earlier value: "+12.3%", "-4.5%", "0.0%"; "—" when undefined. */
    public static String change(Double change) {
        if (change == null) return NONE;
        BigDecimal pct = BigDecimal.valueOf(change).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
        return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
    }

    /** A share such as target attainment: "87.6%". */
    public static String percent(Double share) {
        if (share == null) return NONE;
        return BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A signed difference in the metric's unit: "+1,234", "-¥56.00". */
    public static String delta(BigDecimal d, String unit, String currency) {
        if (d == null) return NONE;
        String abs = value(d.abs(), unit, currency);
        return d.signum() > 0 ? "+" + abs : d.signum() < 0 ? "-" + abs : abs;
    }

    static String symbol(String currency) {
        if (currency == null || "CNY".equals(currency)) return "¥";
        try {
            String s = Currency.getInstance(currency).getSymbol(Locale.US);
            return s.length() == 1 ? s : s + " ";
        } catch (IllegalArgumentException e) {
            return currency + " ";
        }
    }

    private static DecimalFormat pattern(String p) {
        DecimalFormat f = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
