package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.AttributionResult;
import io.marketops.attribution.AttributionSettings;
import io.marketops.attribution.ChannelCredit;
import io.marketops.attribution.ModelResult;
import io.marketops.attribution.PathTable;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Test fixtures: the ChannelAttribution path tables kept in src/test/resources/attribution (GPL-3 / MIT test data). */
final class PathTables {
    private PathTables() {
    }

    /** ChannelAttribution's demo data: 10,000 paths, 12 channels. */
    static PathTable channelAttributionData() {
        return resource("channelattribution-data.csv");
    }

    static PathTable resource(String name) {
        try (Reader r = new InputStreamReader(Objects.requireNonNull(PathTables.class.getResourceAsStream("/attribution/" + name), name),
                StandardCharsets.UTF_8)) {
            return PathCsv.read(r, 2_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelResult run(PathTable table, AttributionModelId model) {
        return run(table, AttributionSettings.defaults().withModels(List.of(model)));
    }

    static ModelResult run(PathTable table, AttributionSettings settings) {
        AttributionResult r = AttributionEngine.run(table, settings, AttributionProperties.defaults());
        return r.models().values().iterator().next();
    }

    static ModelResult markov(PathTable table, int order) {
        return run(table, AttributionSettings.defaults().withModels(List.of(AttributionModelId.MARKOV)).withMarkovOrder(order));
    }

    static ChannelCredit credit(ModelResult r, String channel) {
        return r.channels().stream().filter(c -> c.channel().equals(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no channel " + channel + " in " + r.channels()));
    }

    static double sumConversions(ModelResult r) {
        return r.channels().stream().mapToDouble(ChannelCredit::conversions).sum();
    }

    static double sumValue(ModelResult r) {
        return r.channels().stream().mapToDouble(ChannelCredit::value).sum();
    }
}
