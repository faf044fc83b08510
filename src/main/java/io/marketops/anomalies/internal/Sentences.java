package io.marketops.anomalies.internal;

import java.util.Locale;

/**
 * The one-sentence explanation of a finding, in English and 简体中文, e.g.
 * "UV −32% vs expected; Douyin −61% explains 78% of the drop" /
 * "UV 较预期 −32%；抖音 −61%，解释了 78% 的下降".
 */
final class Sentences {
    private Sentences() {
    }

    /** A cause is named only when it explains at least this share of the move and itself moved at least {@link #MIN_NAMED_CHANGE}. */
    static final double MIN_NAMED_SHARE = 0.2;
    static final double MIN_NAMED_CHANGE = 0.05;

    static Finding explain(Finding f) {
        return explain(f, java.util.Map.of());
    }

    /** @param names English and Chinese names of metrics without a short label (custom metrics) */
    static Finding explain(Finding f, java.util.Map<String, String[]> names) {
        return f.withExplanation(sentence(f, false, names), sentence(f, true, names));
    }

    static String sentence(Finding f, boolean zh) {
        return sentence(f, zh, java.util.Map.of());
    }

    static String sentence(Finding f, boolean zh, java.util.Map<String, String[]> names) {
        StringBuilder b = new StringBuilder();
        String[] named = names.get(f.metric());
        String metric = named != null ? named[zh ? 1 : 0] : Labels.metric(f.metric(), zh);
        if (f.total()) {
            b.append(metric).append(zh ? " 较预期 " : " ").append(pct(f.change()));
        } else {
            String slice = Labels.slice(f.dimension(), f.value(), zh);
            b.append(zh ? slice + "的 " + metric + " 较预期 " : metric + " of " + slice + " ").append(pct(f.change()));
        }
        if (!zh) b.append(" vs expected");
        if ("sustained".equals(f.method())) b.append(zh ? "（连续 " + Judge.RUN + " 天）" : " (" + Judge.RUN + " days in a row)");
        if (f.parts() != null && f.parts().expected() > 0) appendParts(b, f, zh);
        if (f.knownDay() != null) {
            String day = Labels.day(f.knownDay(), zh);
            b.append(zh ? "（" + day + "期间）" : " (during " + day + ")");
        }
        Adtributor.Candidate c = f.causes().isEmpty() ? null : f.causes().get(0);
        if (c != null && c.explains() >= MIN_NAMED_SHARE && Math.abs(c.change()) >= MIN_NAMED_CHANGE) {
            String who = Labels.slice(c.dimension(), c.value(), zh);
            int share = (int) Math.round(Math.min(1, Math.max(0, c.explains())) * 100);
            if (zh) {
                b.append("；").append(who).append(' ').append(pct(c.change())).append("，解释了 ").append(share).append("% 的")
                        .append(f.down() ? "下降" : "上升");
            } else {
                b.append("; ").append(who).append(' ').append(pct(c.change())).append(" explains ").append(share).append("% of the ")
                        .append(f.down() ? "drop" : "rise");
            }
        }
        return b.toString();
    }

    /** "(Orders −42%, UV −3%)": how the numerator and denominator moved against their own expectations. */
    private static void appendParts(StringBuilder b, Finding f, boolean zh) {
        Watched w = Watched.DEFAULT.stream().filter(x -> x.id().equals(f.metric())).findFirst().orElse(null);
        if (w == null || !w.ratio()) return;
        RatioSplit.Parts p = f.parts();
        String num = Labels.metric(w.numerator(), zh) + " " + pct(p.numeratorChange());
        String den = Labels.metric(w.denominator(), zh) + " " + pct(p.denominatorChange());
        b.append(zh ? "（" + num + "，" + den + "）" : " (" + num + ", " + den + ")");
    }

    /** −32% with a real minus sign, +16%; whole percents. */
    static String pct(double change) {
        long p = Math.round(change * 100);
        if (p == 0) return "0%";
        return (p < 0 ? "−" : "+") + String.format(Locale.ROOT, "%,d", Math.abs(p)) + "%";
    }
}
