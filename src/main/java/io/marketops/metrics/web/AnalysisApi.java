package io.marketops.metrics.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.metrics.FunnelResult;
import io.marketops.metrics.Funnels;
import io.marketops.metrics.PathResult;
import io.marketops.metrics.Paths;
import io.marketops.metrics.Retention;
import io.marketops.metrics.RetentionResult;
import io.marketops.metrics.SavedCohorts;
import io.marketops.metrics.internal.JdbcSavedCohorts;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Funnels (with the people who dropped off), retention and paths. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Metrics")
class AnalysisApi {
    static final int MAX_EXPORT = 100_000;
    private final Funnels funnels;
    private final Retention retention;
    private final Paths paths;
    private final JdbcSavedCohorts cohorts;
    private final AuditLog audit;
    private final ObjectMapper json;

    AnalysisApi(Funnels funnels, Retention retention, Paths paths, JdbcSavedCohorts cohorts, AuditLog audit, ObjectMapper json) {
        this.funnels = funnels;
        this.retention = retention;
        this.paths = paths;
        this.cohorts = cohorts;
        this.audit = audit;
        this.json = json;
    }

    @PostMapping("/funnels")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "A funnel: people entering with step 1 in from..to, later steps in order within the window from the entry; each person counted once by the entry that gets furthest")
    FunnelResult funnel(@RequestBody Requests.FunnelRequest request) {
        return funnels.run(Actors.workspace(), request.toQuery());
    }

    @PostMapping("/funnels/dropped")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "The people who reached step − 1 but not step of a funnel, a page at a time")
    PageResult<Funnels.DroppedPerson> dropped(@RequestBody Requests.DroppedRequest request,
                                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return funnels.droppedAt(Actors.workspace(), request.query(), request.stepNumber(), PageQuery.parse(page, size, null, Set.of("person"), "person"));
    }

    @PostMapping(value = "/funnels/dropped/export", produces = "text/csv")
    @PreAuthorize("hasAuthority('data.export')")
    @Operation(summary = "The people who dropped off at a step as CSV (person, entered_at); at most 100,000 rows; written to the audit log")
    ResponseEntity<byte[]> export(@RequestBody Requests.DroppedRequest request) {
        var people = funnels.allDroppedAt(Actors.workspace(), request.query(), request.stepNumber(), MAX_EXPORT);
        StringBuilder csv = new StringBuilder("\uFEFFperson,entered_at\n");
        for (var p : people) csv.append(csvCell(p.person())).append(',').append(p.enteredAt()).append('\n');
        audit.record("metrics.funnel.export", "step " + request.stepNumber(), people.size() + " people");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"funnel-dropped-step-" + request.stepNumber() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String csvCell(String v) {
        if (v == null) return "";
        String s = v.matches("^[=+\\-@].*") ? "'" + v : v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @PostMapping("/funnels/dropped/cohorts")
    @PreAuthorize("hasAuthority('metrics.manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Saves the people who dropped off at a step as a named cohort (for a segment); at most 100,000 people")
    SavedCohorts.Cohort save(@RequestBody Requests.DroppedRequest request) throws JsonProcessingException {
        if (request.name() == null || request.name().isBlank()) throw new InvalidRequest("name", "is required: what to call the saved group of people");
        var a = Actors.require();
        var people = funnels.allDroppedAt(a.workspaceId(), request.query(), request.stepNumber(), MAX_EXPORT);
        String origin = json.writeValueAsString(request.funnel()) ;
        var saved = cohorts.save(a.workspaceId(), request.name().trim(), "{\"funnel\":" + origin + ",\"droppedAtStep\":" + request.stepNumber() + "}",
                people.stream().map(Funnels.DroppedPerson::person).toList(), a.name());
        audit.record("metrics.cohort.save", "cohort " + saved.id(), saved.size() + " people");
        return saved;
    }

    @GetMapping("/cohorts")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "Saved cohorts of this workspace, newest first, a page at a time ({\"items\",\"page\",\"size\",\"total\"}); q searches the name")
    PageResult<SavedCohorts.Cohort> cohorts(@Parameter(description = "case-insensitive search in the name") @RequestParam(required = false) String q,
            @Parameter(description = "page number, from 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "items per page, 1 to 500 (default 50)") @RequestParam(required = false) Integer size) {
        return cohorts.page(Actors.workspace(), q, PageQuery.of(page, size));
    }

    @GetMapping("/cohorts/{id}/members")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "The people of a saved cohort (resolved person ids), in order, a page at a time; total is the cohort's size")
    PageResult<String> members(@PathVariable long id, @Parameter(description = "page number, from 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "items per page, 1 to 500 (default 50)") @RequestParam(required = false) Integer size) {
        return cohorts.members(Actors.workspace(), id, PageQuery.of(page, size));
    }

    @PostMapping("/retention")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "Cohort retention: cohorts by first event or a named event (day/week/month), classic (in period N) and unbounded (period N or later)")
    RetentionResult retention(@RequestBody Requests.RetentionRequest request) {
        return retention.run(Actors.workspace(), request.toQuery());
    }

    @PostMapping("/paths")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "The most common paths after (or before) an event, as Sankey nodes and links plus the top paths")
    PathResult paths(@RequestBody Requests.PathsRequest request) {
        return paths.run(Actors.workspace(), request.toQuery());
    }
}
