package io.marketops.attribution.web;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.AttributionSettings;
import io.marketops.attribution.JourneyQuery;
import io.marketops.attribution.PositionWeights;
import io.marketops.attribution.internal.AttributionProperties;
import io.marketops.core.InvalidRequest;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Request bodies of the attribution API and how they become settings (defaults from {@link AttributionProperties}). */
final class Requests {
    private Requests() {
    }

    @Schema(description = "Position-based shares in percent; they must add up to 100 (default 40/20/40)")
    record Weights(Double first, Double middle, Double last) {
        PositionWeights toWeights() {
            if (first == null || middle == null || last == null) throw new InvalidRequest("positionWeights", "give first, middle and last (percent, adding up to 100)");
            return new PositionWeights(first, middle, last);
        }
    }

    @Schema(description = "One row of a path table in ChannelAttribution's layout")
    record PathRow(@Schema(example = "c1 > c2 > c3") String path,
                   @Schema(description = "conversions of journeys along this path (whole number)", example = "10") Double conversions,
                   @Schema(description = "their total value", example = "120.5") Double value,
                   @Schema(description = "journeys along this path that did not convert (whole number)", example = "3") Double nulls) {
    }

    @Schema(description = "A path table and the models to run on it")
    record PathsRequest(List<PathRow> paths,
                        @Schema(description = "models to run (default all): first_touch, last_touch, last_non_direct, linear, time_decay, position_based, markov, shapley") List<String> models,
                        @Schema(description = "Markov order 1–3 (default 1)") Integer markovOrder,
                        @Schema(description = "time-decay half-life in touches (default 1: each earlier touch counts half)") Double halfLifeTouches,
                        Weights positionWeights,
                        @Schema(description = "channels last_non_direct skips (default: direct)") List<String> directChannels,
                        @Schema(description = "permutations sampled for Shapley values beyond the exact limit (default 10,000)") Integer shapleySamples,
                        @Schema(description = "seed of that sampling (default 1)") Long seed) {
    }

    @Schema(description = "Attribution of the workspace's own events over local days from..to")
    record ReportRequest(@Schema(description = "first local day (default: 30 days before yesterday)") LocalDate from,
                         @Schema(description = "last local day, inclusive (default: yesterday)") LocalDate to,
                         List<String> models, Integer markovOrder,
                         @Schema(description = "touches up to this many days before a conversion count (default 30)") Integer lookbackDays,
                         @Schema(description = "track events that count as conversions (default purchase)") List<String> conversionEvents,
                         @Schema(description = "revenue (column) or an event property holding the value (default revenue)") String valueProperty,
                         @Schema(description = "time-decay half-life in days (default 7)") Double halfLifeDays,
                         Weights positionWeights, List<String> directChannels, Integer shapleySamples, Long seed,
                         @Schema(description = "include the Markov transition probabilities (default false)") Boolean includeTransitions) {
    }

    static List<AttributionModelId> models(List<String> ids) {
        if (ids == null || ids.isEmpty()) return AttributionModelId.all();
        List<AttributionModelId> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) out.add(AttributionModelId.parse(ids.get(i), "models[" + i + "]"));
        return out;
    }

    static AttributionSettings settings(AttributionProperties p, List<String> models, Integer order, Double halfLife, double defaultHalfLife,
                                        Weights weights, List<String> direct, Integer samples, Long seed) {
        return new AttributionSettings(models(models), order == null ? 1 : order, halfLife == null ? defaultHalfLife : halfLife,
                weights == null ? PositionWeights.DEFAULT : weights.toWeights(),
                new LinkedHashSet<>(direct == null || direct.isEmpty() ? p.directChannels() : direct),
                samples == null ? p.shapleySamples() : samples, seed == null ? 1 : seed);
    }

    static AttributionSettings settings(AttributionProperties p, PathsRequest r) {
        return settings(p, r.models(), r.markovOrder(), r.halfLifeTouches(), 1, r.positionWeights(), r.directChannels(), r.shapleySamples(), r.seed());
    }

    static AttributionSettings settings(AttributionProperties p, ReportRequest r) {
        return settings(p, r.models(), r.markovOrder(), r.halfLifeDays(), p.halfLifeDays(), r.positionWeights(), r.directChannels(),
                r.shapleySamples(), r.seed());
    }

    /** The query, with the period defaulting to the 30 local days up to yesterday. */
    static JourneyQuery query(AttributionProperties p, ReportRequest r, LocalDate yesterday) {
        LocalDate to = r.to() != null ? r.to() : yesterday;
        LocalDate from = r.from() != null ? r.from() : to.minusDays(29);
        return new JourneyQuery(from, to, r.lookbackDays() == null ? p.lookbackDays() : r.lookbackDays(),
                r.conversionEvents() == null || r.conversionEvents().isEmpty() ? p.conversionEvents() : r.conversionEvents(),
                r.valueProperty() == null ? p.valueProperty() : r.valueProperty());
    }
}
