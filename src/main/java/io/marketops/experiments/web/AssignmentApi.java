package io.marketops.experiments.web;

import io.marketops.experiments.Assignment;
import io.marketops.experiments.Assignments;
import io.marketops.experiments.Experiments;
import io.marketops.experiments.stats.SampleRatio;
import io.marketops.workspace.Actors;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Which variant a user sees, and how many users each variant has seen. */
@RestController
@RequestMapping("/api/v1/experiments/{key}")
@Tag(name = "Experiments")
class AssignmentApi {
    private final Assignments assignments;
    private final Experiments experiments;
    private final ObjectMapper json;

    AssignmentApi(Assignments assignments, Experiments experiments, ObjectMapper json) {
        this.assignments = assignments;
        this.experiments = experiments;
        this.json = json;
    }

    @GetMapping("/assignment")
    @PreAuthorize("hasAnyAuthority('experiments.assign', 'experiments.manage')")
    @Operation(summary = "The user's variant (deterministic: GrowthBook hashing v2 of key + userId). While the experiment runs, "
            + "the first call per user records the exposure (expose=false only looks). Visitors the targeting excludes (attributes "
            + "as a URL-encoded JSON object, e.g. attributes={\"city\":\"上海\"}) or outside the coverage get the control with "
            + "inExperiment=false and a reason (not_targeted, outside_coverage) and are not exposed. Outside a run everyone gets the "
            + "control, or the shipped variant once decided (reason not_running). Browsers on the origins in "
            + "MARKETOPS_EXPERIMENTS_ALLOWED_ORIGINS may call it cross-origin (CORS).")
    ResponseEntity<Assignment> assignment(@PathVariable String key,
                                          @Parameter(description = "the visitor: logged-in user id or anonymous id") @RequestParam(required = false) String userId,
                                          @Parameter(description = "false = only look, never record an exposure") @RequestParam(defaultValue = "true") boolean expose,
                                          @Parameter(description = "the visitor's attributes for targeting, a JSON object of strings: {\"city\":\"上海\"}")
                                          @RequestParam(required = false) String attributes) {
        var a = assignments.assign(Actors.workspace(), key, userId, expose, VisitorAttributes.parse(json, attributes));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(a);
    }

    record Exposures(String experimentKey, Map<String, Long> users, long total, double srmPValue, boolean srmWarning) {
    }

    @GetMapping("/exposures")
    @PreAuthorize("hasAnyAuthority('metrics.read', 'experiments.manage')")
    @Operation(summary = "Exposed users per variant and the sample-ratio-mismatch check against the planned weights")
    Exposures exposures(@PathVariable String key) {
        var ws = Actors.workspace();
        var e = experiments.get(ws, key);
        var counts = assignments.exposureCounts(ws, key);
        long[] users = counts.values().stream().mapToLong(Long::longValue).toArray();
        double p = SampleRatio.pValue(users, e.weights());
        long total = 0;
        for (long u : users) total += u;
        return new Exposures(key, counts, total, p, p < SampleRatio.WARNING_THRESHOLD);
    }
}
