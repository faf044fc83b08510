package io.marketops.collect;

import java.util.Locale;

/**
 * A marketing channel as reports show it. Ids are lower-case and stable ({@code douyin},
 * {@code xiaohongshu}, {@code wechat}, {@code baidu}, {@code organic_search}, {@code direct} …);
 * names are what people read in each UI language.
 */
public record Channel(String id, String nameEn, String nameZh) {

    /** The display name in the given UI language (Chinese for any zh locale, else English). */
    public String displayName(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
