package io.marketops.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values marketers' files hold: numbers with thousands separators, currency signs,
 * 万/亿 multipliers and percent signs; dates and times in the usual Chinese and ISO forms;
 * yes/no in both languages. Each method throws {@link Bad} with a reason a person can act on.
 */
final class Values {
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})\\s*[:时]\\s*(\\d{1,2})(?:\\s*[:分]\\s*(\\d{1,2})(?:\\.(\\d{1,9}))?\\s*秒?)?");
    private static final Pattern ZONED = Pattern.compile(".*(?:[zZ]|[+-]\\d{2}:?\\d{2})$");
    private static final Pattern NUMBER_NOISE = Pattern.compile("[,，\\s¥￥$€£元]");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{12,13}");

    /** A value that cannot be read; the message says why. */
    static final class Bad extends RuntimeException {
        Bad(String reason) {
            super(reason, null, false, false);
        }
    }

    private Values() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank() || s.equals("-") || s.equals("--") || s.equals("—");
    }

    static BigDecimal decimal(String raw) {
        if (plainNumber(raw)) {
            try {
                return new BigDecimal(raw);
            } catch (NumberFormatException e) {
                throw new Bad("'" + raw + "' is not a number");
            }
        }
        String s = NUMBER_NOISE.matcher(raw.trim()).replaceAll("");
        BigDecimal factor = BigDecimal.ONE;
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
            factor = new BigDecimal("0.01");
        } else if (s.endsWith("万")) {
            s = s.substring(0, s.length() - 1);
            factor = BigDecimal.valueOf(10_000);
        } else if (s.endsWith("亿")) {
            s = s.substring(0, s.length() - 1);
            factor = BigDecimal.valueOf(100_000_000);
        }
        boolean negative = s.startsWith("(") && s.endsWith(")");
        if (negative) s = s.substring(1, s.length() - 1);
        try {
            BigDecimal v = new BigDecimal(s).multiply(factor);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            throw new Bad("'" + raw + "' is not a number");
        }
    }

    /** Digits with at most a leading minus and one point: the common case, parsed without regular expressions. */
    private static boolean plainNumber(String s) {
        int n = s.length();
        if (n == 0 || n > 30) return false;
        boolean point = false, digit = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c == '.' && !point) point = true;
            else if (!(c == '-' && i == 0)) return false;
        }
        return digit;
    }

    /** {@code yyyy-MM-dd HH:mm[:ss]} (or with / and T), the shape of nearly every export, read without regular expressions; else null. */
    private static LocalDateTime isoLocal(String s) {
        int n = s.length();
        if (n != 16 && n != 19) return null;
        char sep = s.charAt(4);
        if ((sep != '-' && sep != '/') || s.charAt(7) != sep || (s.charAt(10) != ' ' && s.charAt(10) != 'T') || s.charAt(13) != ':'
                || (n == 19 && s.charAt(16) != ':')) return null;
        for (int i : n == 19 ? new int[]{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18} : new int[]{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15}) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return null;
        }
        try {
            return LocalDateTime.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10), num(s, 11, 13), num(s, 14, 16), n == 19 ? num(s, 17, 19) : 0);
        } catch (java.time.DateTimeException e) {
            return null; // the slow path explains what is wrong
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) v = v * 10 + (s.charAt(i) - '0');
        return v;
    }

    /** A whole, non-negative count; "1.2万" is 12000, "1,234" is 1234. */
    static long count(String raw) {
        BigDecimal v = decimal(raw);
        if (v.signum() < 0) throw new Bad("'" + raw + "' is negative; a count cannot be");
        try {
            return v.stripTrailingZeros().scale() <= 0 ? v.longValueExact() : v.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new Bad("'" + raw + "' is too large");
        }
    }

    static LocalDate date(String raw, String pattern) {
        String s = raw.trim();
        if (pattern != null) {
            try {
                return LocalDate.parse(s.split("[T\\s]+", 2)[0], formatter(pattern));
            } catch (DateTimeParseException e) {
                throw new Bad("'" + raw + "' does not match the date format " + pattern);
            }
        }
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10)) {
            return ymd(raw, s.substring(0, 4), s.substring(5, 7), s.substring(8));
        }
        Matcher m = DATE.matcher(s);
        if (m.lookingAt()) return ymd(raw, m.group(1), m.group(2), m.group(3));
        m = COMPACT_DATE.matcher(s);
        if (m.matches()) return ymd(raw, m.group(1), m.group(2), m.group(3));
        if (ZONED.matcher(s).matches() && s.contains("T")) return OffsetDateTime.parse(s.replace("Z", "+00:00")).toLocalDate();
        throw new Bad("'" + raw + "' is not a date; write it as 2026-11-05, 2026/11/5, 20261105 or 2026年11月5日");
    }

    /** A point in time: a zone or offset in the text wins, else the wall-clock time is read in {@code zone}. */
    static Instant instant(String raw, ZoneId zone, String pattern) {
        String s = raw.trim();
        if (pattern == null) {
            LocalDateTime fast = isoLocal(s);
            if (fast != null) return fast.atZone(zone).toInstant();
        }
        if (EPOCH.matcher(s).matches()) return s.length() == 10 ? Instant.ofEpochSecond(Long.parseLong(s)) : Instant.ofEpochMilli(Long.parseLong(s));
        if (ZONED.matcher(s).matches() && s.length() > 10) {
            try {
                return OffsetDateTime.parse(s.replace(' ', 'T').replace("Z", "+00:00").replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
            } catch (DateTimeParseException e) {
                throw new Bad("'" + raw + "' is not a date and time");
            }
        }
        if (pattern != null && pattern.contains("H")) {
            try {
                return LocalDateTime.parse(s, formatter(pattern)).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new Bad("'" + raw + "' does not match the format " + pattern);
            }
        }
        LocalDate d = date(s, pattern);
        String rest = rest(s, pattern);
        if (rest.isEmpty()) return d.atStartOfDay(zone).toInstant();
        Matcher t = TIME.matcher(rest);
        if (!t.matches()) throw new Bad("'" + raw + "' has a time that cannot be read; write it as 2026-11-05 14:30:00");
        try {
            LocalTime time = LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)),
                    t.group(3) == null ? 0 : Integer.parseInt(t.group(3)),
                    t.group(4) == null ? 0 : Integer.parseInt((t.group(4) + "00000000").substring(0, 9)));
            return d.atTime(time).atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new Bad("'" + raw + "' has an impossible time");
        }
    }

    private static String rest(String s, String pattern) {
        if (pattern != null) {
            String[] parts = s.split("[T\\s]+", 2);
            return parts.length > 1 ? parts[1] : "";
        }
        Matcher m = DATE.matcher(s);
        if (m.lookingAt()) return s.substring(m.end()).replaceFirst("^[T\\s]+", "");
        return "";
    }

    private static LocalDate ymd(String raw, String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (java.time.DateTimeException e) {
            throw new Bad("'" + raw + "' is not a real date");
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    static boolean yesNo(String raw) {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "1", "y", "yes", "true", "是", "同意", "已同意", "订阅", "已订阅", "允许", "opt-in", "optin", "granted" -> true;
            case "0", "n", "no", "false", "否", "不同意", "拒绝", "未同意", "退订", "已退订", "不允许", "opt-out", "optout", "refused" -> false;
            default -> throw new Bad("'" + raw + "' is not yes or no (use 1/0, yes/no, 是/否, 同意/拒绝)");
        };
    }

    /** A rate as a fraction 0..1: "35%" and "35" (above 1) both read as 0.35. */
    static double rate(String raw) {
        String s = raw.trim();
        double v = decimal(s).doubleValue();
        if (!s.endsWith("%") && v > 1) v = v / 100;
        if (v < 0 || v > 1) throw new Bad("'" + raw + "' is not a rate between 0 and 100%");
        return v;
    }
}
