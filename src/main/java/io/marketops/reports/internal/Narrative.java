package io.marketops.reports.internal;

import io.marketops.reports.internal.ReportContent.ChannelRoi;
import io.marketops.reports.internal.ReportContent.Kpi;
import io.marketops.reports.internal.ReportContent.Mover;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The summary in words, from the numbers only, by fixed templates in the report's language (reports.doc.narr.* in
 * i18n/reports): the same numbers always give the same sentences. Order: the first KPIs, the biggest mover and where
 * it mainly comes from, the biggest opposite mover, channel ROAS, targets missed, anomalies.
 */
final class Narrative {
    static final int HEADLINE_KPIS = 3;

    private Narrative() {
    }

    record Input(String frequency, LocalDate from, LocalDate to, List<Kpi> kpis, List<Mover> movers, Optional<Mover> driver,
                 List<ChannelRoi> channels, ReportContent.AnomalySection anomalies) {
    }

    static List<String> write(Input in, Texts t) {
        String period = t.periodWord(in.frequency(), in.from(), in.to());
        String prev = t.get("prev." + (period.equals(t.get("period.custom")) ? "custom" : in.frequency()));
        List<String> out = new ArrayList<>();
        in.kpis().stream().limit(HEADLINE_KPIS).forEach(k -> out.add(headline(k, period, prev, t)));
        lead(in.movers()).ifPresent(top -> {
            String moved = t.get("narr.mover", period, t.dimensionValue(top.dimension(), top.dimensionValue()), top.name(),
                    t.change(top.change()), t.delta(top.delta(), top.unit()), prev);
            String from = in.driver().map(d -> t.get("narr.driver", t.dimension(d.dimension()), t.dimensionValue(d.dimension(), d.dimensionValue()),
                    t.delta(d.delta(), d.unit()))).orElse("");
            out.add(t.get("narr.sentence", moved + from));
            opposite(in.movers(), top).ifPresent(o -> out.add(t.get(o.delta().signum() < 0 ? "narr.drop" : "narr.rise",
                    t.dimensionValue(o.dimension(), o.dimensionValue()), t.change(o.change()), t.delta(o.delta(), o.unit()))));
        });
        roas(in.channels(), t).ifPresent(out::add);
        targets(in.kpis(), t).ifPresent(out::add);
        out.add(anomalies(in.anomalies(), t));
        return out;
    }

    private static String headline(Kpi k, String period, String prev, Texts t) {
        String mom = k.change() == null ? t.get("narr.noPrevious") : t.get("narr.mom", t.change(k.change()), prev);
        String yoy = k.yearChange() == null ? t.get("narr.noYearAgo") : t.get("narr.yoy", t.change(k.yearChange()));
        String target = k.attainment() == null ? "" : t.get("narr.attainment", t.percent(k.attainment()));
        return t.get("narr.kpi", period, k.name(), t.value(k.value(), k.unit()), mom, yoy, target);
    }

    /** The biggest mover of the first breakdown (channel when the report has it) and the first metric ranked there. */
    static Optional<Mover> lead(List<Mover> movers) {
        if (movers.isEmpty()) return Optional.empty();
        String dim = movers.stream().anyMatch(m -> m.dimension().equals("channel")) ? "channel" : movers.get(0).dimension();
        return movers.stream().filter(m -> m.dimension().equals(dim)).findFirst();
    }

    private static Optional<Mover> opposite(List<Mover> movers, Mover top) {
        return movers.stream().filter(m -> m.dimension().equals(top.dimension()) && m.metric().equals(top.metric())
                && m.delta().signum() == -top.delta().signum()).findFirst();
    }

    private static Optional<String> roas(List<ChannelRoi> channels, Texts t) {
        List<ChannelRoi> paid = channels.stream().filter(c -> c.roas() != null && c.cost() != null && c.cost().signum() > 0).toList();
        if (paid.size() < 2) return Optional.empty();
        Comparator<ChannelRoi> byRoas = Comparator.comparing(ChannelRoi::roas);
        ChannelRoi best = paid.stream().max(byRoas).orElseThrow(), worst = paid.stream().min(byRoas).orElseThrow();
        return Optional.of(t.get("narr.roas", t.channel(best.channel()), t.value(best.roas(), "times"), t.channel(worst.channel()), t.value(worst.roas(), "times")));
    }

    private static Optional<String> targets(List<Kpi> kpis, Texts t) {
        List<Kpi> withTarget = kpis.stream().filter(k -> k.attainment() != null).toList();
        if (withTarget.isEmpty()) return Optional.empty();
        List<String> missed = withTarget.stream().filter(k -> k.attainment() < 1.0)
                .map(k -> t.get("narr.missedItem", k.name(), t.percent(k.attainment()))).toList();
        return Optional.of(missed.isEmpty() ? t.get("narr.allTargetsMet") : t.get("narr.targetsMissed", String.join(t.get("narr.listSeparator"), missed)));
    }

    private static String anomalies(ReportContent.AnomalySection a, Texts t) {
        if (!a.available()) return t.get("narr.anomaliesUnavailable");
        if (a.items().isEmpty()) return t.get("narr.noAnomalies");
        return t.get("narr.anomalies", a.items().size(), a.items().get(0).explanation());
    }
}
