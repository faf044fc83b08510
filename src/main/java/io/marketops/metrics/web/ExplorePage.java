package io.marketops.metrics.web;

import io.marketops.metrics.MetricCatalog;
import io.marketops.metrics.internal.Dashboards;
import io.marketops.workspace.Actors;
import io.marketops.workspace.Permission;
import io.marketops.workspace.Workspaces;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.util.List;

/** The explore page: any metric, funnel, retention or paths query as a chart and a table. */
@Controller
class ExplorePage {
    static final List<String> DIMENSIONS = List.of("channel", "campaign", "source", "medium", "device", "region", "city", "platform", "os", "browser", "event");
    private final MetricCatalog catalog;
    private final Dashboards dashboards;
    private final Workspaces workspaces;

    ExplorePage(MetricCatalog catalog, Dashboards dashboards, Workspaces workspaces) {
        this.catalog = catalog;
        this.dashboards = dashboards;
        this.workspaces = workspaces;
    }

    @GetMapping("/explore")
    @PreAuthorize("hasAuthority('metrics.read')")
    String explore(Model model) {
        var a = Actors.require();
        LocalDate to = LocalDate.now(workspaces.get(a.workspaceId()).timezone()).minusDays(1);
        model.addAttribute("metrics", catalog.all(a.workspaceId()));
        model.addAttribute("dimensions", DIMENSIONS);
        model.addAttribute("dashboards", dashboards.list(a.workspaceId()));
        model.addAttribute("canManage", a.may(Permission.METRICS_MANAGE));
        model.addAttribute("from", to.minusDays(29));
        model.addAttribute("to", to);
        return "metrics/explore";
    }
}
