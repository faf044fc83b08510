package io.marketops.experiments.web;

import io.marketops.experiments.Assignment;
import io.marketops.experiments.Assignments;
import io.marketops.experiments.Experiments;
import io.marketops.experiments.stats.SampleRatio;
import io.marketops.workspace.Actors;
import io.swagger.v3.oas.annotations.Operation;
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

    AssignmentApi(Assignments assignments, Experiments experiments) {
        this.assignments = assignments;
        this.experiments = experiments;
    }

    @GetMapping("/assignment")
    @PreAuthorize("hasAnyAuthority('experiments.assign', 'experiments.manage')")
    @Operation(summary = "The user's variant (deterministic: GrowthBook hashing v2 of key + userId). While the experiment runs, "
            + "the first call per user records the exposure (expose=false only looks). Outside a run everyone gets the control, "
            + "or the shipped variant once decided.")
    ResponseEntity<Assignment> assignment(@PathVariable String key, @RequestParam(required = false) String userId,
                                          @RequestParam(defaultValue = "true") boolean expose) {
        var a = assignments.assign(Actors.workspace(), key, userId, expose);
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
