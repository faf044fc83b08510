package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.ChannelCredit;
import io.marketops.attribution.ModelResult;
import io.marketops.attribution.ModelResult.MarkovDetails;
import io.marketops.attribution.PathTable;
import io.marketops.attribution.internal.AbsorptionSolver.Absorption;
import io.marketops.core.InvalidRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Markov-chain attribution with removal effects computed exactly from the absorbing chain.
 * Removing channel c sends every state that remembers c to (null);
 * RE(c) = 1 − P(conversion | c removed) / P(conversion), and the channel earns
 * RE(c) / Σ RE × total conversions. Value is attributed the same way with removal effects of the
 * expected value. ChannelAttribution estimates the same quantities by simulating journeys
 * (share of simulated conversions that visited the channel); this computes their limit.
 */
final class MarkovModel implements Model {
    /** Above this many states the per-channel solves run in parallel. */
    private static final int PARALLEL_FROM = 200;

    private final int order;
    private final int denseLimit;
    private final int maxStates;

    MarkovModel(int order, int denseLimit, int maxStates) {
        this.order = order;
        this.denseLimit = denseLimit;
        this.maxStates = maxStates;
    }

    MarkovModel(int order, int denseLimit) {
        this(order, denseLimit, Integer.MAX_VALUE);
    }

    @Override
    public AttributionModelId id() {
        return AttributionModelId.MARKOV;
    }

    @Override
    public ModelResult attribute(PathTable table) {
        MarkovChain chain = MarkovChain.build(table, order);
        if (chain.states - 1 > maxStates) {
            throw new InvalidRequest("markovOrder", "the paths make " + (chain.states - 1) + " states at order " + order
                    + "; at most " + maxStates + " can be solved, use a lower order");
        }
        Absorption base = AbsorptionSolver.solve(chain, null, denseLimit);
        int channels = table.channelCount();
        double[] re = new double[channels], reValue = new double[channels];
        IntStream range = IntStream.range(0, channels);
        (chain.states > PARALLEL_FROM ? range.parallel() : range).forEach(c -> {
            int[] holding = chain.statesOfChannel[c];
            if (holding.length == 0) return;
            boolean[] removed = new boolean[chain.states];
            for (int s : holding) removed[s] = true;
            Absorption without = AbsorptionSolver.solve(chain, removed, denseLimit);
            re[c] = effect(base.conversion(), without.conversion());
            reValue[c] = effect(base.value(), without.value());
        });
        double sum = 0, sumValue = 0;
        for (int c = 0; c < channels; c++) {
            sum += re[c];
            sumValue += reValue[c];
        }
        List<ChannelCredit> credits = new ArrayList<>(channels);
        Map<String, Double> effects = new LinkedHashMap<>(), valueEffects = new LinkedHashMap<>();
        for (int c = 0; c < channels; c++) {
            String name = table.channels().get(c);
            credits.add(new ChannelCredit(name,
                    sum == 0 ? 0 : re[c] / sum * table.totalConversions(),
                    sumValue == 0 ? 0 : reValue[c] / sumValue * table.totalValue()));
            effects.put(name, re[c]);
            valueEffects.put(name, reValue[c]);
        }
        MarkovDetails details = new MarkovDetails(order, base.conversion(), effects, valueEffects, chain.states - 1,
                base.method(), transitions(chain, table.channels()));
        return new ModelResult(credits, details, null);
    }

    /** 1 − with/without, 0 when nothing converts; clamped at 0 against rounding (removing a state never adds paths). */
    private static double effect(double base, double without) {
        if (base <= 0) return 0;
        return Math.max(0, 1 - without / base);
    }

    static Map<String, Map<String, Double>> transitions(MarkovChain chain, List<String> channelNames) {
        String[] names = new String[chain.states];
        names[0] = "(start)";
        for (int s = 1; s < chain.states; s++) {
            StringBuilder b = new StringBuilder();
            for (int c : chain.windows[s]) {
                if (!b.isEmpty()) b.append(" > ");
                b.append(channelNames.get(c));
            }
            names[s] = b.toString();
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int s = 0; s < chain.states; s++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (int e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) row.put(names[chain.to[e]], chain.probability[e]);
            if (chain.toConversion[s] > 0) row.put("(conversion)", chain.toConversion[s]);
            if (chain.toNull[s] > 0) row.put("(null)", chain.toNull[s]);
            out.put(names[s], row);
        }
        return out;
    }
}
