package io.marketops.attribution;

import io.marketops.core.InvalidRequest;

import java.util.List;
import java.util.Set;

/**
 * How to attribute: which models, and their parameters.
 *
 * @param models          models to compute, in the order answers list them (not empty, no repeats)
 * @param markovOrder     order of the Markov chain: 1, 2 or 3 (states are the last 1–3 touches)
 * @param halfLife        time decay: a touch this far before the conversion gets half the weight of a
 *                        touch at the conversion; in days when the paths carry touch times, else in touches
 * @param positionWeights position-based shares (percent) of first, middle and last touches
 * @param directChannels  channels last non-direct skips (unless a path has nothing else)
 * @param shapleySamples  permutations sampled when there are too many channels for exact Shapley values
 * @param seed            seed of that sampling, so answers can be repeated
 */
public record AttributionSettings(List<AttributionModelId> models, int markovOrder, double halfLife, PositionWeights positionWeights,
                                  Set<String> directChannels, int shapleySamples, long seed) {
    public static final int MAX_SAMPLES = 1_000_000;

    public AttributionSettings {
        if (models == null || models.isEmpty()) throw new InvalidRequest("models", "name at least one model");
        if (Set.copyOf(models).size() != models.size()) throw new InvalidRequest("models", "lists a model twice");
        models = List.copyOf(models);
        if (markovOrder < 1 || markovOrder > 3) throw new InvalidRequest("markovOrder", "must be 1, 2 or 3, was " + markovOrder);
        if (!Double.isFinite(halfLife) || halfLife <= 0) throw new InvalidRequest("halfLife", "must be a number greater than 0, was " + halfLife);
        if (positionWeights == null) positionWeights = PositionWeights.DEFAULT;
        directChannels = directChannels == null ? Set.of("direct") : Set.copyOf(directChannels);
        if (shapleySamples < 100 || shapleySamples > MAX_SAMPLES) {
            throw new InvalidRequest("shapleySamples", "must be between 100 and " + MAX_SAMPLES + ", was " + shapleySamples);
        }
    }

    /** All models, first-order Markov, half-life 7, 40/20/40, "direct", 10,000 Shapley samples, seed 1. */
    public static AttributionSettings defaults() {
        return new AttributionSettings(AttributionModelId.all(), 1, 7, PositionWeights.DEFAULT, Set.of("direct"), 10_000, 1);
    }

    public AttributionSettings withModels(List<AttributionModelId> m) {
        return new AttributionSettings(m, markovOrder, halfLife, positionWeights, directChannels, shapleySamples, seed);
    }

    public AttributionSettings withMarkovOrder(int order) {
        return new AttributionSettings(models, order, halfLife, positionWeights, directChannels, shapleySamples, seed);
    }

    public AttributionSettings withHalfLife(double h) {
        return new AttributionSettings(models, markovOrder, h, positionWeights, directChannels, shapleySamples, seed);
    }
}
