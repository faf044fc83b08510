package io.marketops.imports.internal;

import io.marketops.imports.ImportKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Suggests which field each column holds from its header, in Chinese or English. An exact
 * synonym beats a header that merely starts or ends with one ("宝贝总数量" → items); rates,
 * unit costs and averages ("点击率", "转化成本", "平均点击单价") are never taken for counts.
 * A field two headers claim equally strongly is left unmapped and reported as ambiguous.
 */
final class Headers {
    private static final Pattern BRACKETED = Pattern.compile("[(（\\[【].*?[)）\\]】]");
    private static final Pattern NOISE = Pattern.compile("[\\s_\\-.·:：/*#\\ufeff\\u200b]+");
    private static final List<String> DERIVED = List.of("率", "rate", "成本", "单价", "均价", "平均", "average", "avg", "cpc", "cpm", "ctr", "cpa", "roi", "占比", "percent");

    /** One column's suggestion; {@code field} is null when nothing fits. */
    record Suggestion(int column, String header, String field, boolean ambiguous) {
    }

    private Headers() {
    }

    static String normalize(String header) {
        if (header == null) return "";
        String s = BRACKETED.matcher(header.trim()).replaceAll("");
        return NOISE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** How well a header names a field: 3 exact synonym, 2 starts or ends with one, 0 not at all. */
    static int score(String normalizedHeader, Fields.Field field) {
        int best = 0;
        for (String syn : field.synonyms()) {
            String s = normalize(syn);
            if (normalizedHeader.equals(s)) return 3;
            boolean ascii = s.chars().allMatch(c -> c < 128);
            if (s.length() >= (ascii ? 4 : 2) && (normalizedHeader.startsWith(s) || normalizedHeader.endsWith(s))
                    && DERIVED.stream().noneMatch(normalizedHeader::contains)) best = 2;
        }
        return best;
    }

    static List<Suggestion> suggest(ImportKind kind, List<String> headers) {
        int[] scores = new int[headers.size()];
        String[] fields = new String[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            String h = normalize(headers.get(i));
            if (h.isEmpty()) continue;
            for (Fields.Field f : Fields.of(kind)) {
                int s = score(h, f);
                if (s > scores[i]) {
                    scores[i] = s;
                    fields[i] = f.id();
                }
            }
        }
        Map<String, List<Integer>> claims = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            if (fields[i] != null) claims.computeIfAbsent(fields[i], k -> new ArrayList<>()).add(i);
        }
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String field = fields[i];
            boolean ambiguous = false;
            if (field != null) {
                int top = claims.get(field).stream().mapToInt(c -> scores[c]).max().orElse(0);
                long atTop = claims.get(field).stream().filter(c -> scores[c] == top).count();
                if (scores[i] < top) field = null;
                else if (atTop > 1) ambiguous = true;
            }
            out.add(new Suggestion(i, headers.get(i), ambiguous ? null : field, ambiguous));
            if (ambiguous) out.set(i, new Suggestion(i, headers.get(i), fields[i], true));
        }
        return out;
    }

    /** How many columns of a row look like headers of the kind: used to find the header row under title lines. */
    static long recognised(ImportKind kind, List<String> row) {
        return suggest(kind, row).stream().filter(s -> s.field() != null && !s.ambiguous()).count();
    }
}
