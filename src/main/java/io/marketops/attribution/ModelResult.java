package io.marketops.attribution;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Map;

/**
 * One model's answer: credit per channel (every channel of the paths, in order of first
 * appearance), plus the Markov chain's or Shapley computation's details for those models.
 */
public record ModelResult(List<ChannelCredit> channels, @JsonUnwrapped MarkovDetails markov, @JsonUnwrapped ShapleyDetails shapley) {

    public static ModelResult of(List<ChannelCredit> channels) {
        return new ModelResult(List.copyOf(channels), null, null);
    }

    /**
     * @param order                 Markov order used
     * @param conversionProbability probability that a journey from (start) ends in (conversion)
     * @param removalEffects        per channel: 1 − P(conversion with the channel removed) / P(conversion)
     * @param valueRemovalEffects   the same for the expected conversion value
     * @param states                transient states of the chain besides (start)
     * @param solver                {@code dense-lu} (direct elimination) or {@code gauss-seidel} (iterated to
     *                              a relative change below 1e-15) for chains with many states
     * @param transitions           from state → to state → probability; states of order 2–3 are the
     *                              touches they remember joined by {@code " > "}
     */
    public record MarkovDetails(int order, double conversionProbability, Map<String, Double> removalEffects,
                                Map<String, Double> valueRemovalEffects, int states, String solver,
                                Map<String, Map<String, Double>> transitions) {
    }

    /**
     * @param method               {@code exact} (every coalition enumerated) or {@code sampled} (random permutations)
     * @param players              channels that appear in converting paths (the others get 0)
     * @param samples              permutations sampled, for {@code sampled}
     * @param standardErrors       per channel, the standard error of its conversions (0 when exact)
     * @param valueStandardErrors  the same for value
     */
    public record ShapleyDetails(String method, int players, Integer samples, Map<String, Double> standardErrors,
                                 Map<String, Double> valueStandardErrors) {
    }
}
