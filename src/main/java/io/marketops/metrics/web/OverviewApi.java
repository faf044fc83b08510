package io.marketops.metrics.web;

import io.marketops.core.InvalidRequest;
import io.marketops.metrics.Overview;
import io.marketops.workspace.Actors;
import io.marketops.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Metrics")
class OverviewApi {
    private final Overview overview;
    private final Workspaces workspaces;

    OverviewApi(Overview overview, Workspaces workspaces) {
        this.overview = overview;
        this.workspaces = workspaces;
    }

    @GetMapping("/dashboard/overview")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "Home dashboard numbers: UV, orders, GMV, ad cost, ROAS for local days from..to (default: the 30 days up to yesterday) vs the period before, with a daily series")
    Overview.Summary overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var ws = workspaces.get(Actors.workspace());
        LocalDate end = to != null ? to : LocalDate.now(ws.timezone()).minusDays(1);
        LocalDate start = from != null ? from : end.minusDays(29);
        if (end.isBefore(start)) throw new InvalidRequest("to", "must not be before from (" + start + ")");
        if (start.plusDays(366).isBefore(end)) throw new InvalidRequest("from", "the range may span at most 366 days");
        return overview.summarize(ws.id(), start, end);
    }
}
