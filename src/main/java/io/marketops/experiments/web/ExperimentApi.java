package io.marketops.experiments.web;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.web.Problems;
import io.marketops.experiments.Decision;
import io.marketops.experiments.ExperimentRejected;
import io.marketops.experiments.ExperimentStatus;
import io.marketops.experiments.Experiments;
import io.marketops.workspace.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

import java.util.Locale;

/** The experiment registry and its lifecycle over HTTP. */
@RestController
@RequestMapping("/api/v1/experiments")
@Tag(name = "Experiments")
class ExperimentApi {
    private final Experiments experiments;

    ExperimentApi(Experiments experiments) {
        this.experiments = experiments;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('metrics.read', 'experiments.manage')")
    @Operation(summary = "Experiments of the workspace; status filters (draft, running, stopped, decided), q searches key, name and hypothesis; sort by createdAt, key, name, status or startedAt")
    PageResult<ExperimentView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) String sort) {
        ExperimentStatus s = status == null || status.isBlank() ? null : Fields.choice("status", status, null, ExperimentStatus.class);
        var pq = PageQuery.parse(page, size, sort, Experiments.SORT_FIELDS, "createdAt,desc");
        return experiments.list(Actors.workspace(), s, q, pq).map(ExperimentView::of);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('experiments.manage')")
    @Operation(summary = "Registers a draft experiment. Sending the same key and design again answers 200 with the existing one (safe to retry). "
            + "Optional: coverage (share of traffic in the experiment, (0, 1], default 1), targeting ({\"city\": [\"上海\", \"杭州\"]}: "
            + "only visitors whose assignment request carries one of those values enter) and prePeriodDays (CUPED look-back before "
            + "each user's first exposure on the results, 0–90, default 14, 0 = off)")
    ResponseEntity<ExperimentView> create(@RequestBody ExperimentRequest body) {
        var ws = Actors.workspace();
        var design = body.design(Actors.require().name());
        var existing = body.key() == null ? null : experiments.find(ws, body.key()).orElse(null);
        if (existing != null && existing.design().equals(design)) return ResponseEntity.ok(ExperimentView.of(existing));
        return ResponseEntity.status(HttpStatus.CREATED).body(ExperimentView.of(experiments.create(ws, body.key(), design)));
    }

    @GetMapping("/{key}")
    @PreAuthorize("hasAnyAuthority('metrics.read', 'experiments.manage')")
    @Operation(summary = "One experiment")
    ExperimentView get(@PathVariable String key) {
        return ExperimentView.of(experiments.get(Actors.workspace(), key));
    }

    @PatchMapping("/{key}")
    @PreAuthorize("hasAuthority('experiments.manage')")
    @Operation(summary = "Changes a draft's design (name, hypothesis, owner, variants and weights, metrics, coverage, targeting, "
            + "prePeriodDays; omitted fields stay); 409 once it has started")
    ExperimentView redesign(@PathVariable String key, @RequestBody ExperimentRequest body) {
        var ws = Actors.workspace();
        if (body.key() != null && !body.key().equals(key)) throw new io.marketops.core.InvalidRequest("key", "cannot be changed; create a new experiment instead");
        return ExperimentView.of(experiments.redesign(ws, key, body.changes(experiments.get(ws, key).design())));
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('experiments.manage')")
    @Operation(summary = "Deletes a draft; 409 once it has started (started experiments stay on record)")
    void delete(@PathVariable String key) {
        experiments.delete(Actors.workspace(), key);
    }

    @PostMapping("/{key}/start")
    @PreAuthorize("hasAuthority('experiments.manage')")
    @Operation(summary = "draft → running: assignments start counting as exposures")
    ExperimentView start(@PathVariable String key) {
        return ExperimentView.of(experiments.start(Actors.workspace(), key));
    }

    @PostMapping("/{key}/stop")
    @PreAuthorize("hasAuthority('experiments.manage')")
    @Operation(summary = "running → stopped")
    ExperimentView stop(@PathVariable String key) {
        return ExperimentView.of(experiments.stop(Actors.workspace(), key));
    }

    record DecisionRequest(String decision, String shippedVariant, String reason) {
    }

    @PostMapping("/{key}/decide")
    @PreAuthorize("hasAuthority('experiments.manage')")
    @Operation(summary = "stopped → decided: ship (naming the treatment), rollback or inconclusive, with the reason")
    ExperimentView decide(@PathVariable String key, @RequestBody DecisionRequest body) {
        Decision d = Fields.choice("decision", body.decision(), null, Decision.class);
        return ExperimentView.of(experiments.decide(Actors.workspace(), key, d, body.shippedVariant(), body.reason()));
    }

    @ExceptionHandler(ExperimentRejected.class)
    ProblemDetail rejected(ExperimentRejected e) {
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "Not allowed in this state", e.getMessage());
        p.setProperty("reason", e.reason().name().toLowerCase(Locale.ROOT));
        return p;
    }
}
