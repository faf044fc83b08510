package io.marketops.metrics.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.core.PageQuery;
import io.marketops.metrics.SavedCohorts;
import io.marketops.metrics.internal.JdbcSavedCohorts;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Permission;
import io.marketops.workspace.Workspaces;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Saved segments (cohorts saved from an analysis, e.g. who dropped at a funnel step): the list and each one's people as CSV. */
@Controller
class CohortPages {
    private final JdbcSavedCohorts cohorts;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final ObjectMapper json;

    CohortPages(JdbcSavedCohorts cohorts, Workspaces workspaces, AuditLog audit, ObjectMapper json) {
        this.json = json;
        this.cohorts = cohorts;
        this.workspaces = workspaces;
        this.audit = audit;
    }

    @GetMapping("/cohorts")
    @PreAuthorize("hasAuthority('metrics.read')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        var a = Actors.require();
        var result = cohorts.page(a.workspaceId(), q, PageQuery.of(page == null || page < 1 ? 1 : page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("cohorts", result);
        model.addAttribute("rows", result.items().stream().map(c -> new Row(c, origin(c.origin()))).toList());
        model.addAttribute("q", q);
        model.addAttribute("zone", workspaces.get(a.workspaceId()).timezone());
        model.addAttribute("canExport", a.may(Permission.DATA_EXPORT));
        return "metrics/cohorts";
    }

    /** A saved cohort with what it came from, when it came from a funnel. */
    record Row(SavedCohorts.Cohort cohort, FunnelOrigin funnel) {
    }

    /** @param steps the funnel's events joined by → */
    record FunnelOrigin(int step, String steps, String from, String to) {
    }

    FunnelOrigin origin(String origin) {
        try {
            JsonNode o = json.readTree(origin == null ? "{}" : origin);
            JsonNode f = o.path("funnel");
            if (!o.has("droppedAtStep") || !f.path("steps").isArray()) return null;
            List<String> events = new ArrayList<>();
            f.path("steps").forEach(s -> events.add(s.path("event").asText()));
            return new FunnelOrigin(o.get("droppedAtStep").asInt(), String.join(" → ", events), f.path("from").asText(""), f.path("to").asText(""));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Every person of a saved cohort as CSV (person); written to the audit log. */
    @GetMapping(value = "/cohorts/{id}/members.csv", produces = "text/csv")
    @PreAuthorize("hasAuthority('data.export')")
    ResponseEntity<byte[]> members(@PathVariable long id) {
        var ws = Actors.workspace();
        var cohort = cohorts.get(ws, id);
        StringBuilder csv = new StringBuilder("\uFEFFperson\n");
        for (String p : cohorts.members(ws, id)) csv.append(AnalysisApi.csvCell(p)).append('\n');
        audit.record("metrics.cohort.export", "cohort " + id, cohort.size() + " people");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"segment-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
