package io.marketops.metrics.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Funnels;
import io.marketops.metrics.MetricQueries;
import io.marketops.metrics.Paths;
import io.marketops.metrics.Retention;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Runs a saved or explored chart: a kind (metrics, funnel, retention, paths) and the request body
 * of that kind's API call. {@code "lastDays": N} in the body replaces from/to by the N local days
 * up to yesterday, so a saved chart keeps rolling.
 */
@Component
class ChartRunner {
    private final MetricQueries metrics;
    private final Funnels funnels;
    private final Retention retention;
    private final Paths paths;
    private final Workspaces workspaces;
    private final ObjectMapper json;

    ChartRunner(MetricQueries metrics, Funnels funnels, Retention retention, Paths paths, Workspaces workspaces, ObjectMapper json) {
        this.metrics = metrics;
        this.funnels = funnels;
        this.retention = retention;
        this.paths = paths;
        this.workspaces = workspaces;
        this.json = json;
    }

    Object run(WorkspaceId ws, String kind, JsonNode request) {
        ObjectNode body = dated(ws, kind, request);
        try {
            return switch (kind == null ? "" : kind) {
                case "metrics" -> metrics.run(ws, json.treeToValue(body, Requests.MetricsRequest.class).toQuery());
                case "funnel" -> funnels.run(ws, json.treeToValue(body, Requests.FunnelRequest.class).toQuery());
                case "retention" -> retention.run(ws, json.treeToValue(body, Requests.RetentionRequest.class).toQuery());
                case "paths" -> paths.run(ws, json.treeToValue(body, Requests.PathsRequest.class).toQuery());
                default -> throw new InvalidRequest("kind", "must be metrics, funnel, retention or paths, was '" + kind + "'");
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequest("request", "is not a valid " + kind + " request: " + e.getOriginalMessage());
        }
    }

    /** A funnel request as the API takes it, from an explored or saved one ({@code lastDays} made into from/to). */
    Requests.FunnelRequest funnel(WorkspaceId ws, JsonNode request) {
        try {
            return json.treeToValue(dated(ws, "funnel", request), Requests.FunnelRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequest("funnel", "is not a valid funnel request: " + e.getOriginalMessage());
        }
    }

    private ObjectNode dated(WorkspaceId ws, String kind, JsonNode request) {
        if (request == null || !request.isObject()) throw new InvalidRequest("request", "must be a JSON object: the body of the " + kind + " API call");
        ObjectNode body = request.deepCopy();
        if (body.hasNonNull("lastDays")) {
            int days = body.get("lastDays").asInt();
            if (days < 1 || days > 366) throw new InvalidRequest("lastDays", "must be between 1 and 366, was " + body.get("lastDays"));
            LocalDate to = LocalDate.now(workspaces.get(ws).timezone()).minusDays(1);
            body.put("from", to.minusDays(days - 1L).toString());
            body.put("to", to.toString());
            body.remove("lastDays");
        }
        return body;
    }

    JsonNode parse(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequest("request", "is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
