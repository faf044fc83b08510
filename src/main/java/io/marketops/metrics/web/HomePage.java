package io.marketops.metrics.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.collect.Channels;
import io.marketops.metrics.MetricCatalog;
import io.marketops.metrics.Overview;
import io.marketops.workspace.Actors;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The home dashboard: the last N local days (ending yesterday) against the N days before. */
@Controller
class HomePage {
    private final Overview overview;
    private final MetricCatalog catalog;
    private final Workspaces workspaces;
    private final ObjectMapper json;
    private final Channels channels;

    HomePage(Overview overview, MetricCatalog catalog, Workspaces workspaces, ObjectMapper json, Channels channels) {
        this.channels = channels;
        this.overview = overview;
        this.catalog = catalog;
        this.workspaces = workspaces;
        this.json = json;
    }

    @GetMapping("/")
    String home(@RequestParam(defaultValue = "30") int days, Model model, Locale locale) throws JsonProcessingException {
        if (!List.of(7, 30, 90).contains(days)) days = 30;
        var ws = workspaces.get(Actors.workspace());
        LocalDate to = LocalDate.now(ws.timezone()).minusDays(1);
        var summary = overview.summarize(ws.id(), to.minusDays(days - 1L), to);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> definitions = new LinkedHashMap<>();
        for (var m : catalog.all()) {
            names.put(m.id(), m.name(locale));
            units.put(m.id(), m.unit());
            definitions.put(m.id(), m.definition(locale));
        }
        model.addAttribute("days", days);
        model.addAttribute("summary", summary);
        model.addAttribute("names", names);
        model.addAttribute("definitions", definitions);
        model.addAttribute("units", units);
        model.addAttribute("channelMetrics", Overview.CHANNEL_METRICS);
        Map<String, String> channelNames = new LinkedHashMap<>();
        for (var c : summary.channels()) {
            if (c.channel() != null) channelNames.put(c.channel(), channels.displayName(ws.id(), c.channel(), locale));
        }
        model.addAttribute("channelNames", channelNames);
        model.addAttribute("chartJson", json.writeValueAsString(Map.of("names", names, "daily", summary.daily())));
        return "metrics/home";
    }
}
