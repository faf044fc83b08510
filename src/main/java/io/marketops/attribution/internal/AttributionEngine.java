package io.marketops.attribution.internal;

import io.marketops.attribution.Attribution;
import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.AttributionResult;
import io.marketops.attribution.AttributionSettings;
import io.marketops.attribution.ChannelReport;
import io.marketops.attribution.JourneyQuery;
import io.marketops.attribution.ModelResult;
import io.marketops.attribution.PathTable;
import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Service;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the models on path tables and on the warehouse's journeys. */
@Service
class AttributionEngine implements Attribution {
    private final AttributionProperties properties;
    private final WarehouseJourneys journeys;
    private final AdCosts adCosts;
    private final Workspaces workspaces;

    AttributionEngine(AttributionProperties properties, WarehouseJourneys journeys, AdCosts adCosts, Workspaces workspaces) {
        this.properties = properties;
        this.journeys = journeys;
        this.adCosts = adCosts;
        this.workspaces = workspaces;
    }

    @Override
    public AttributionResult attribute(PathTable paths, AttributionSettings settings) {
        return run(paths, settings, properties);
    }

    /** The computation without Spring, for tests and benchmarks. */
    static AttributionResult run(PathTable paths, AttributionSettings settings, AttributionProperties properties) {
        if (paths.channelCount() > properties.maxChannels()) {
            throw new InvalidRequest("paths", "hold " + paths.channelCount() + " distinct channels; at most " + properties.maxChannels()
                    + " can be attributed (merge rare channels into one, e.g. other)");
        }
        Map<String, ModelResult> models = new LinkedHashMap<>();
        for (AttributionModelId id : settings.models()) models.put(id.id(), model(id, settings, properties).attribute(paths));
        return new AttributionResult(AttributionResult.Totals.of(paths), models);
    }

    static Model model(AttributionModelId id, AttributionSettings s, AttributionProperties p) {
        return switch (id) {
            case FIRST_TOUCH -> new FirstTouch();
            case LAST_TOUCH -> new LastTouch();
            case LAST_NON_DIRECT -> new LastNonDirect(s.directChannels());
            case LINEAR -> new Linear();
            case TIME_DECAY -> new TimeDecay(s.halfLife());
            case POSITION_BASED -> new PositionBased(s.positionWeights());
            case MARKOV -> new MarkovModel(s.markovOrder(), p.markovDenseStates(), p.markovMaxStates());
            case SHAPLEY -> new ShapleyModel(p.shapleyExactChannels(), s.shapleySamples(), s.seed());
        };
    }

    @Override
    public PathTable readCsv(Reader csv) {
        return PathCsv.read(csv, properties.maxPaths());
    }

    @Override
    public PathTable journeys(WorkspaceId workspace, JourneyQuery query) {
        return read(workspaces.get(workspace), query).table();
    }

    private JourneyAssembler.Result read(Workspace w, JourneyQuery query) {
        long days = ChronoUnit.DAYS.between(query.from(), query.to()) + 1;
        if (days > properties.maxRangeDays()) {
            throw new InvalidRequest("to", "the period may span at most " + properties.maxRangeDays() + " days, was " + days);
        }
        return journeys.read(w.id().value(), query, w.timezone());
    }

    @Override
    public ChannelReport report(WorkspaceId workspace, JourneyQuery query, AttributionSettings settings, boolean includeTransitions) {
        Workspace w = workspaces.get(workspace);
        JourneyAssembler.Result paths = read(w, query);
        Map<String, BigDecimal> costs = adCosts.byChannel(w.id().value(), w.currency(), query.from(), query.to());
        AttributionResult result = run(paths.table(), settings, properties);
        Map<String, ChannelReport.ModelRoi> models = new LinkedHashMap<>();
        result.models().forEach((id, r) -> models.put(id, ChannelRoiTable.of(r, costs, includeTransitions)));
        List<ChannelReport.ChannelCost> costList = new ArrayList<>();
        costs.forEach((ch, c) -> costList.add(new ChannelReport.ChannelCost(ch, c)));
        BigDecimal attributedValue = paths.value().subtract(paths.unattributedValue());
        ChannelReport.Journeys summary = new ChannelReport.Journeys(paths.conversions(), money(paths.value()),
                paths.conversions() - paths.unattributed(), money(attributedValue), paths.unattributed(),
                money(paths.unattributedValue()), paths.nullPaths(), paths.distinctPaths(), paths.table().channelCount(),
                journeys.stitching());
        return new ChannelReport(query.from(), query.to(), w.currency(), query, summary, costList, models);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
