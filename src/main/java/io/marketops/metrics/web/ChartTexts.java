package io.marketops.metrics.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.collect.Channels;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.MetricCatalog;
import io.marketops.metrics.internal.EventProperties;
import io.marketops.workspace.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words metrics-charts.js and metrics-explore.js print, in the page's language, carried to the browser as JSON in
 * {@code <script id="metrics-texts">}: labels ({@code metrics.chart.*} messages), metric names, channel display names
 * (抖音 / Douyin, as on the home page), dimension names, and the workspace time zone for times. The scripts hold no text of their own.
 */
@Component
class ChartTexts {
    /** The keys under {@code metrics.chart.} the scripts use. */
    static final List<String> LABELS = List.of("period", "event", "users", "toPrevious", "toFirst", "medianSeconds", "step",
            "cohort", "size", "average", "path", "people", "none", "change", "error", "classic", "unbounded",
            "droppedAt", "list", "exportCsv", "segmentName", "saveSegment", "saved", "viewSegments", "person", "enteredAt", "showing", "nextPage", "nameRequired",
            "compared", "breakdown", "all", "classicShort", "unboundedShort", "from", "to");
    private final MessageSource messages;
    private final MetricCatalog catalog;
    private final Channels channels;
    private final EventProperties properties;
    private final ObjectMapper json;
    private final Workspaces workspaces;

    ChartTexts(MessageSource messages, MetricCatalog catalog, Channels channels, EventProperties properties, ObjectMapper json, Workspaces workspaces) {
        this.workspaces = workspaces;
        this.messages = messages;
        this.catalog = catalog;
        this.channels = channels;
        this.properties = properties;
        this.json = json;
    }

    Map<String, Object> of(WorkspaceId ws, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String k : LABELS) labels.put(k, messages.getMessage("metrics.chart." + k, null, locale));
        Map<String, String> metrics = new LinkedHashMap<>();
        catalog.all(ws).forEach(m -> metrics.put(m.id(), m.name(locale)));
        Map<String, String> channelNames = new LinkedHashMap<>();
        channels.all(ws).forEach(c -> channelNames.put(c.id(), c.displayName(locale)));
        Map<String, String> dimensions = new LinkedHashMap<>();
        properties.dimensions().forEach(d -> dimensions.put(d, messages.getMessage("metrics.dimension." + d, null, d, locale)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("labels", labels);
        out.put("metrics", metrics);
        out.put("channels", channelNames);
        out.put("dimensions", dimensions);
        out.put("zone", workspaces.get(ws).timezone().getId());
        return out;
    }

    /** The JSON for the page; safe inside a script element ({@code <} is escaped). */
    String json(WorkspaceId ws, Locale locale) {
        try {
            return json.writeValueAsString(of(ws, locale)).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
