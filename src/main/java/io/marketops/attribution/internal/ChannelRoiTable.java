package io.marketops.attribution.internal;

import io.marketops.attribution.ChannelCredit;
import io.marketops.attribution.ChannelReport.ChannelRoi;
import io.marketops.attribution.ChannelReport.ModelRoi;
import io.marketops.attribution.ModelResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins a model's credits with ad cost per channel: CPA = cost / conversions (2 decimals),
 * ROAS = value / cost (2 decimals), ROI = (value − cost) / cost (4 decimals, 0.25 = 25%);
 * a ratio is null when its denominator is 0. Channels with cost but no touches are listed with 0
 * conversions, so spend that earned nothing stays visible.
 */
final class ChannelRoiTable {
    private ChannelRoiTable() {
    }

    static ModelRoi of(ModelResult result, Map<String, BigDecimal> costs, boolean includeTransitions) {
        Set<String> channels = new LinkedHashSet<>();
        result.channels().forEach(c -> channels.add(c.channel()));
        channels.addAll(costs.keySet());
        Map<String, ChannelCredit> credits = new java.util.HashMap<>();
        result.channels().forEach(c -> credits.put(c.channel(), c));
        List<ChannelRoi> rows = new ArrayList<>();
        for (String ch : channels) {
            ChannelCredit credit = credits.getOrDefault(ch, new ChannelCredit(ch, 0, 0));
            rows.add(row(ch, credit.conversions(), credit.value(), costs.get(ch)));
        }
        var markov = result.markov();
        if (markov != null && !includeTransitions) {
            markov = new ModelResult.MarkovDetails(markov.order(), markov.conversionProbability(), markov.removalEffects(),
                    markov.valueRemovalEffects(), markov.states(), markov.solver(), null);
        }
        return new ModelRoi(rows, markov, result.shapley());
    }

    static ChannelRoi row(String channel, double conversions, double value, BigDecimal cost) {
        BigDecimal v = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        BigDecimal cpa = null, roas = null, roi = null;
        if (cost != null && cost.signum() > 0) {
            roas = v.divide(cost, 2, RoundingMode.HALF_UP);
            roi = v.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP);
            if (conversions > 1e-9) cpa = cost.divide(BigDecimal.valueOf(conversions), 2, RoundingMode.HALF_UP);
        }
        return new ChannelRoi(channel, conversions, v, cost, cpa, roas, roi);
    }
}
