package io.marketops.attribution.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Attribution settings ({@code marketops.attribution.*}, environment {@code MARKETOPS_ATTRIBUTION_*}).
 * Requests may override the first five per call.
 *
 * @param lookbackDays         touches up to this many days before a conversion belong to its path (default 30)
 * @param conversionEvents     track events that count as conversions (default {@code purchase})
 * @param valueProperty        the conversion's value: {@code revenue} column or an event property (default {@code revenue})
 * @param directChannels       channels the last-non-direct model skips (default {@code direct})
 * @param halfLifeDays         time-decay half-life for warehouse paths, in days (default 7)
 * @param shapleyExactChannels up to this many channels Shapley values are exact, beyond they are sampled (default 15, at most 20)
 * @param shapleySamples       permutations sampled beyond that (default 10,000)
 * @param markovDenseStates    Markov chains up to this many states are solved by LU decomposition, larger ones
 *                             by Gauss–Seidel iteration to 1e-15 (default 400)
 * @param maxPaths             most rows an uploaded path table may have (default 2,000,000)
 * @param maxRangeDays         longest period of a warehouse attribution (default 366 days)
 * @param maxChannels          most distinct channels a path table may have (default 200; each needs its own Markov solve)
 * @param markovMaxStates      most states a Markov chain may have before a lower order is asked for (default 100,000)
 */
@Validated
@ConfigurationProperties("marketops.attribution")
public record AttributionProperties(@Min(1) @Max(365) Integer lookbackDays, List<String> conversionEvents, String valueProperty,
                                    List<String> directChannels, Double halfLifeDays,
                                    @Min(1) @Max(20) Integer shapleyExactChannels, @Min(100) @Max(1_000_000) Integer shapleySamples,
                                    @Min(1) @Max(5000) Integer markovDenseStates, @Min(1) Integer maxPaths,
                                    @Min(1) @Max(3660) Integer maxRangeDays, @Min(1) @Max(100_000) Integer maxChannels,
                                    @Min(1) @Max(10_000_000) Integer markovMaxStates) {
    public AttributionProperties {
        if (lookbackDays == null) lookbackDays = 30;
        if (conversionEvents == null || conversionEvents.isEmpty()) conversionEvents = List.of("purchase");
        if (valueProperty == null || valueProperty.isBlank()) valueProperty = "revenue";
        if (directChannels == null || directChannels.isEmpty()) directChannels = List.of("direct");
        if (halfLifeDays == null) halfLifeDays = 7.0;
        if (shapleyExactChannels == null) shapleyExactChannels = 15;
        if (shapleySamples == null) shapleySamples = 10_000;
        if (markovDenseStates == null) markovDenseStates = 400;
        if (maxPaths == null) maxPaths = 2_000_000;
        if (maxRangeDays == null) maxRangeDays = 366;
        if (maxChannels == null) maxChannels = 200;
        if (markovMaxStates == null) markovMaxStates = 100_000;
    }

    public static AttributionProperties defaults() {
        return new AttributionProperties(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
