package io.marketops.imports.internal;

/** How PII looks to people without the {@code pii.view} permission: enough to recognise, not to contact. */
final class Masks {
    private Masks() {
    }

    static String phone(String p) {
        if (p == null) return null;
        String digits = p.startsWith("+") ? p.substring(1) : p;
        if (digits.length() < 7) return "****";
        return p.substring(0, p.length() - digits.length() + 3) + "****" + p.substring(p.length() - 4);
    }

    static String email(String e) {
        if (e == null) return null;
        int at = e.indexOf('@');
        if (at <= 0) return "***";
        return e.charAt(0) + "***" + e.substring(at);
    }

    static String name(String n) {
        if (n == null || n.isEmpty()) return n;
        return n.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "**";
    }

    static String id(String v) {
        if (v == null) return null;
        return v.length() <= 6 ? "****" : v.substring(0, 3) + "****" + v.substring(v.length() - 2);
    }

    /** Masks a raw cell of a PII field (for rejected-row files); other fields pass through. */
    static String field(String field, String value) {
        if (value == null) return null;
        return switch (field) {
            case "phone" -> phone(value);
            case "email" -> email(value);
            case "name" -> name(value);
            case "wechat_openid", "wechat_unionid" -> id(value);
            default -> value;
        };
    }
}
