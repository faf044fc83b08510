package io.marketops.metrics.web;

import io.marketops.metrics.MetricCatalog;
import io.marketops.metrics.internal.Dashboards;
import io.marketops.metrics.internal.EventProperties;
import io.marketops.workspace.Actors;
import io.marketops.workspace.Permission;
import io.marketops.workspace.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The explore page: any metric, funnel, retention or paths query as a chart and a table. */
@Controller
class ExplorePage {
    private final MetricCatalog catalog;
    private final Dashboards dashboards;
    private final Workspaces workspaces;
    private final EventProperties properties;
    private final MessageSource messages;
    private final ChartTexts texts;

    ExplorePage(MetricCatalog catalog, Dashboards dashboards, Workspaces workspaces, EventProperties properties, MessageSource messages, ChartTexts texts) {
        this.texts = texts;
        this.catalog = catalog;
        this.dashboards = dashboards;
        this.workspaces = workspaces;
        this.properties = properties;
        this.messages = messages;
    }

    /** One suggestion of the dimension and filter fields: what to type, and what it is. */
    record FieldOption(String value, String label) {
    }

    @GetMapping("/explore")
    @PreAuthorize("hasAuthority('metrics.read')")
    String explore(Model model, Locale locale) {
        var a = Actors.require();
        LocalDate to = LocalDate.now(workspaces.get(a.workspaceId()).timezone()).minusDays(1);
        model.addAttribute("metrics", catalog.all(a.workspaceId()));
        model.addAttribute("dimensions", fieldOptions(a.workspaceId(), locale));
        model.addAttribute("dashboards", dashboards.list(a.workspaceId()));
        model.addAttribute("canManage", a.may(Permission.METRICS_MANAGE));
        model.addAttribute("canExport", a.may(Permission.DATA_EXPORT));
        model.addAttribute("canIngest", a.may(Permission.COLLECT_MANAGE));
        model.addAttribute("from", to.minusDays(29));
        model.addAttribute("to", to);
        model.addAttribute("textsJson", texts.json(a.workspaceId(), locale));
        return "metrics/explore";
    }

    /** The built-in dimensions (named in the page's language), then the event properties of the last 30 days, as in GET /api/v1/metrics/dimensions. */
    List<FieldOption> fieldOptions(io.marketops.core.WorkspaceId ws, Locale locale) {
        List<FieldOption> out = new ArrayList<>();
        for (String d : properties.dimensions()) out.add(new FieldOption(d, messages.getMessage("metrics.dimension." + d, null, d, locale)));
        String property = messages.getMessage("metrics.explore.property", null, "property", locale);
        for (var p : properties.recent(ws)) out.add(new FieldOption(p.field(), property));
        return out;
    }
}
