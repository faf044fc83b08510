package io.marketops.reports.internal;

import org.springframework.context.MessageSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The words of one report in its own language (zh-CN or en), whatever the reader's UI language: labels from
 * {@code i18n/reports}, channel names, dimension values and formatted numbers. Templates call it as {@code t}.
 */
public final class Texts {
    private final MessageSource messages;
    private final Locale locale;
    private final String currency;

    public Texts(MessageSource messages, String language, String currency) {
        this.messages = messages;
        this.locale = Locale.forLanguageTag(language);
        this.currency = currency;
    }

    public Locale locale() {
        return locale;
    }

    public boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }

    /** The label {@code reports.doc.<key>}. */
    public String get(String key, Object... args) {
        return messages.getMessage("reports.doc." + key, args, locale);
    }

    /** 抖音 for douyin; an unknown channel id as it is; null as "(none)". */
    public String channel(String id) {
        if (id == null || id.isBlank()) return get("none");
        return messages.getMessage("reports.channel." + id, null, id, locale);
    }

    /** 渠道 for channel; a dimension without a label (e.g. {@code properties.x}) as it is. */
    public String dimension(String dim) {
        return messages.getMessage("reports.doc.dim." + dim, null, dim, locale);
    }

    public String dimensionValue(String dim, String value) {
        if ("channel".equals(dim)) return channel(value);
        return value == null || value.isBlank() ? get("none") : value;
    }

    public String value(BigDecimal v, String unit) {
        String s = Formats.value(v, unit, currency);
        return "seconds".equals(unit) && chinese() ? s.replace(" s", " 秒") : s;
    }

    public String delta(BigDecimal d, String unit) {
        String s = Formats.delta(d, unit, currency);
        return "seconds".equals(unit) && chinese() ? s.replace(" s", " 秒") : s;
    }

    public String change(Double c) {
        return Formats.change(c);
    }

    public String percent(Double share) {
        return Formats.percent(share);
    }

    /** "good" when a change is in the metric's good direction, "bad" when against it, "" when neutral or unknown. */
    public String tone(Double change, String direction) {
        if (change == null || change == 0 || direction == null || direction.equals("neutral")) return "";
        return (change > 0) == direction.equals("up") ? "good" : "bad";
    }

    public String date(LocalDate d) {
        return d == null ? Formats.NONE : d.toString();
    }

    public String severity(String s) {
        return s == null ? Formats.NONE : messages.getMessage("reports.doc.severity." + s, null, s, locale);
    }

    /** "本月"/"This month" for a run covering exactly its frequency's period, else "本期"/"This period". */
    public String periodWord(String frequency, LocalDate from, LocalDate to) {
        Frequency f = Frequency.parse(frequency);
        return f.containing(from).equals(new Period(from, to)) ? get("period." + f.id()) : get("period.custom");
    }
}
