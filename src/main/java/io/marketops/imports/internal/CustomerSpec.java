package io.marketops.imports.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketops.imports.ImportKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Customers; natural key customer id. Non-identifying facts (first seen, channel, city, gender,
 * age band, tier) go to the warehouse; name, phone, e-mail and WeChat ids are encrypted here,
 * before they touch the staging file, and go to PostgreSQL only. A re-import changes only the
 * fields the file maps and leaves the others as they were.
 */
final class CustomerSpec extends KindSpec {
    static final List<String> FACTS = List.of("first_seen", "acquisition_channel", "city", "gender", "age_band", "tier");
    static final List<String> CONSENTS = List.of("sms", "email", "wechat", "phone");
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern INTL = Pattern.compile("\\+\\d{7,15}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LinkedHashMap<String, String> STAGED = columns("customer_id", "VARCHAR", "first_seen", "TIMESTAMPTZ",
            "acquisition_channel", "VARCHAR", "city", "VARCHAR", "gender", "VARCHAR", "age_band", "VARCHAR", "tier", "VARCHAR",
            "name_enc", "VARCHAR", "phone_enc", "VARCHAR", "email_enc", "VARCHAR", "openid_enc", "VARCHAR", "unionid_enc", "VARCHAR",
            "traits", "VARCHAR", "consent_sms", "BOOLEAN", "consent_email", "BOOLEAN", "consent_wechat", "BOOLEAN", "consent_phone", "BOOLEAN");

    @Override
    ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    LinkedHashMap<String, String> staged() {
        return STAGED;
    }

    @Override
    List<String> key() {
        return List.of("customer_id");
    }

    @Override
    List<String> factColumns() {
        return List.of("customer_id", "first_seen", "acquisition_channel", "city", "gender", "age_band", "tier");
    }

    @Override
    String[] convert(RowReader r, Ctx ctx) {
        String id = r.text("customer_id", true, 200);
        Instant firstSeen = r.time("first_seen", false);
        String channel = Codes.channel(r.text("acquisition_channel", false, 100));
        String city = r.text("city", false, 100);
        String gender = gender(r);
        String age = ageBand(r);
        String tier = r.text("tier", false, 100);
        String name = r.text("name", false, 200);
        String phone = phone(r);
        String email = email(r);
        String openid = r.text("wechat_openid", false, 128);
        String unionid = r.text("wechat_unionid", false, 128);
        List<String> consents = new ArrayList<>();
        for (String c : CONSENTS) consents.add(str(r.yesNo("consent_" + c)));
        if (r.failed()) return null;
        List<String> out = new ArrayList<>(List.of(Long.toString(r.row()), id));
        out.add(str(firstSeen));
        out.add(channel); out.add(city); out.add(gender); out.add(age); out.add(tier);
        out.add(ctx.cipher.encrypt(name)); out.add(ctx.cipher.encrypt(phone)); out.add(ctx.cipher.encrypt(email));
        out.add(ctx.cipher.encrypt(openid)); out.add(ctx.cipher.encrypt(unionid));
        out.add(traits(r));
        out.addAll(consents);
        return out.toArray(String[]::new);
    }

    private static String gender(RowReader r) {
        String v = r.raw("gender");
        if (v == null) return null;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "男", "m", "male", "先生" -> "male";
            case "女", "f", "female", "女士" -> "female";
            case "未知", "保密", "unknown", "other", "其他" -> "unknown";
            default -> {
                r.reject("gender", v, "is not a gender; use 男/女/未知 or male/female/unknown");
                yield null;
            }
        };
    }

    /** An age band as given ("25-34"), or derived from an age in years. */
    private static String ageBand(RowReader r) {
        String v = r.raw("age_band");
        if (v == null) return null;
        String digits = v.replaceAll("[岁\\s]", "");
        if (!digits.matches("\\d{1,3}")) return v.length() > 50 ? v.substring(0, 50) : v;
        int age = Integer.parseInt(digits);
        if (age > 120) {
            r.reject("age_band", v, "is not a believable age");
            return null;
        }
        return age < 18 ? "<18" : age < 25 ? "18-24" : age < 35 ? "25-34" : age < 45 ? "35-44" : age < 55 ? "45-54" : "55+";
    }

    private static String phone(RowReader r) {
        String v = r.raw("phone");
        if (v == null) return null;
        String p = v.replaceAll("[\\s()（）]", "");
        if (p.startsWith("+86")) p = p.substring(3);
        else if (p.startsWith("0086")) p = p.substring(4);
        String plain = p.replace("-", "");
        if (CN_MOBILE.matcher(plain).matches()) return plain;
        if (INTL.matcher(plain).matches()) return plain;
        if (LANDLINE.matcher(p).matches()) return p;
        r.reject("phone", v, "is not a phone number (expected a mainland mobile such as 13812345678, a landline such as 021-12345678, or +<country code><number>)");
        return null;
    }

    private static String email(RowReader r) {
        String v = r.raw("email");
        if (v == null) return null;
        String e = v.trim().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            r.reject("email", v, "is not an e-mail address");
            return null;
        }
        return e;
    }

    private static String traits(RowReader r) {
        if (r.mapping().traits().isEmpty()) return null;
        ObjectNode o = JSON.createObjectNode();
        r.mapping().traits().forEach((name, col) -> {
            String v = r.cell(col);
            if (v != null) o.put(name, v);
        });
        return o.isEmpty() ? null : o.toString();
    }

    /** Inserts new customers and, for existing ones, changes only the facts this file maps. */
    @Override
    String applySql(String records, ResolvedMapping mapping) {
        String cols = String.join(", ", factColumns());
        List<String> sets = new ArrayList<>();
        for (String f : FACTS) {
            if (!mapping.has(f)) continue;
            sets.add(f.equals("first_seen")
                    ? "first_seen = CASE WHEN customers.first_seen IS NULL OR excluded.first_seen < customers.first_seen THEN excluded.first_seen ELSE customers.first_seen END"
                    : f + " = coalesce(excluded." + f + ", customers." + f + ")");
        }
        return "INSERT INTO customers (workspace_id, " + cols + ") SELECT ?, " + cols + " FROM (" + records + ")"
                + " ON CONFLICT (workspace_id, customer_id) DO " + (sets.isEmpty() ? "NOTHING" : "UPDATE SET " + String.join(", ", sets));
    }
}
