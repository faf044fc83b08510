package io.marketops.metrics.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.metrics.internal.Dashboards;
import io.marketops.metrics.internal.ShareLinks;
import io.marketops.workspace.Workspaces;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A dashboard opened by a read-only share link, without signing in (the one page the security
 * configuration lets through under /share/). Shows the charts only: no navigation, no queries of
 * the visitor's choosing, nothing to change. Unknown or revoked tokens get a 404 page.
 */
@Controller
class SharePage {
    private final ShareLinks shares;
    private final Dashboards dashboards;
    private final ChartRunner runner;
    private final Workspaces workspaces;
    private final ObjectMapper json;
    private final ChartTexts texts;

    SharePage(ShareLinks shares, Dashboards dashboards, ChartRunner runner, Workspaces workspaces, ObjectMapper json, ChartTexts texts) {
        this.texts = texts;
        this.shares = shares;
        this.dashboards = dashboards;
        this.runner = runner;
        this.workspaces = workspaces;
        this.json = json;
    }

    @GetMapping("/share/{token}")
    String view(@PathVariable String token, Model model, HttpServletResponse response, java.util.Locale locale) throws JsonProcessingException {
        var target = shares.resolve(token).orElse(null);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        if (target == null) {
            response.setStatus(404);
            model.addAttribute("status", 404);
            return "error";
        }
        var data = DashboardsApi.data(runner, dashboards.get(target.workspace(), target.dashboardId()), target.workspace());
        model.addAttribute("data", data);
        model.addAttribute("dataJson", json.writeValueAsString(data));
        model.addAttribute("textsJson", texts.json(target.workspace(), locale));
        model.addAttribute("workspaceName", workspaces.get(target.workspace()).name());
        return "metrics/share";
    }
}
