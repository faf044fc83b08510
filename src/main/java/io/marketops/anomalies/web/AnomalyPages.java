package io.marketops.anomalies.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.anomalies.internal.AnomalyStore;
import io.marketops.anomalies.internal.Bands;
import io.marketops.anomalies.internal.Detection;
import io.marketops.anomalies.internal.DetectionRuns;
import io.marketops.anomalies.internal.DetectionSettings;
import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.metrics.Metric;
import io.marketops.metrics.MetricCatalog;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Permission;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The alerts list (with detect-now and settings forms) and the per-metric chart with its expected band. */
@Controller
class AnomalyPages {
    private final Detection detection;
    private final AnomalyStore store;
    private final Bands bands;
    private final DetectionSettings settings;
    private final DetectionRuns runs;
    private final MetricCatalog catalog;
    private final AuditLog audit;
    private final ObjectMapper json;

    AnomalyPages(Detection detection, AnomalyStore store, Bands bands, DetectionSettings settings, DetectionRuns runs,
                 MetricCatalog catalog, AuditLog audit, ObjectMapper json) {
        this.detection = detection;
        this.store = store;
        this.bands = bands;
        this.settings = settings;
        this.runs = runs;
        this.catalog = catalog;
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/anomalies")
    @PreAuthorize("hasAuthority('metrics.read')")
    String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to, @RequestParam(required = false) String metric,
                @RequestParam(required = false) String severity, @RequestParam(required = false) String dimension,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model, Locale locale) {
        var a = Actors.require();
        LocalDate today = detection.today(a.workspaceId());
        AnomalyStore.Filter filter;
        try {
            filter = AnomaliesApi.filter(today, from, to, metric, severity, dimension);
        } catch (InvalidRequest e) {
            model.addAttribute("formError", e.getMessage());
            filter = AnomaliesApi.filter(today, null, null, null, null, null);
        }
        PageQuery pageQuery;
        try {
            pageQuery = PageQuery.parse(page, size == null ? 50 : size, null, AnomalyStore.SORTS.keySet(), "date,desc");
        } catch (InvalidRequest e) {
            model.addAttribute("formError", e.getMessage());
            pageQuery = PageQuery.parse(null, 50, null, AnomalyStore.SORTS.keySet(), "date,desc");
        }
        PageResult<io.marketops.anomalies.internal.AnomalyView> found = store.search(a.workspaceId(), filter, pageQuery);
        Map<String, Metric> metrics = metrics(a.workspaceId());
        boolean zh = AnomaliesApi.zh(locale);
        model.addAttribute("rows", found.items().stream().map(v -> Rows.of(v.in(zh), metrics, locale)).toList());
        model.addAttribute("result", found);
        model.addAttribute("filter", filter);
        model.addAttribute("metrics", bands.metrics(a.workspaceId()).stream().filter(metrics::containsKey).map(metrics::get).toList());
        model.addAttribute("settings", settings.get(a.workspaceId()));
        model.addAttribute("lastRun", runs.latest(a.workspaceId()).orElse(null));
        model.addAttribute("canManage", a.may(Permission.METRICS_MANAGE));
        model.addAttribute("detectFrom", today.minusDays(90));
        model.addAttribute("detectTo", today.minusDays(1));
        return "anomalies/list";
    }

    private Map<String, Metric> metrics(io.marketops.core.WorkspaceId ws) {
        Map<String, Metric> out = new LinkedHashMap<>();
        catalog.all(ws).forEach(m -> out.put(m.id(), m));
        return out;
    }

    @PostMapping("/anomalies/detect")
    @PreAuthorize("hasAuthority('metrics.manage')")
    String detect(@RequestParam(required = false) String from, @RequestParam(required = false) String to, RedirectAttributes flash) {
        try {
            LocalDate f = Dates.parse("from", from, null), t = Dates.parse("to", to, null);
            detection.run(Actors.workspace(), f, t, "request");
            flash.addFlashAttribute("notice", "anomalies.detect.done");
            return "redirect:/anomalies?from=" + f + "&to=" + t;
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
            return "redirect:/anomalies";
        }
    }

    @PostMapping("/anomalies/settings")
    @PreAuthorize("hasAuthority('metrics.manage')")
    String settings(@RequestParam(required = false) String sensitivity, @RequestParam(required = false) String minVolume,
                    @RequestParam(required = false) String alerts, RedirectAttributes flash) {
        var a = Actors.require();
        try {
            Integer volume;
            try {
                volume = minVolume == null || minVolume.isBlank() ? null : Integer.valueOf(minVolume.trim());
            } catch (NumberFormatException e) {
                throw new InvalidRequest("minVolume", "'" + minVolume + "' is not a whole number");
            }
            // an unticked checkbox sends nothing: the form always carries the box, so absent means off
            var s = settings.put(a.workspaceId(), sensitivity, volume, "true".equals(alerts), a.name());
            audit.record("anomalies.settings.update", "workspace", "sensitivity=" + s.sensitivity() + ", minVolume=" + s.minVolume() + ", alerts=" + s.alerts());
            flash.addFlashAttribute("notice", "anomalies.settings.saved");
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/anomalies";
    }

    @GetMapping("/anomalies/chart")
    @PreAuthorize("hasAuthority('metrics.read')")
    String chart(@RequestParam(required = false) String metric, @RequestParam(required = false) String dimension,
                 @RequestParam(required = false) String value, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Model model, Locale locale) throws JsonProcessingException {
        var ws = Actors.workspace();
        Map<String, Metric> metrics = metrics(ws);
        String m = metric == null || metric.isBlank() ? "uv" : metric;
        LocalDate today = detection.today(ws);
        model.addAttribute("metrics", bands.metrics(ws).stream().filter(metrics::containsKey).map(metrics::get).toList());
        model.addAttribute("metric", m);
        model.addAttribute("metricName", metrics.containsKey(m) ? metrics.get(m).name(locale) : m);
        model.addAttribute("unit", metrics.containsKey(m) ? metrics.get(m).unit() : "count");
        model.addAttribute("dimension", Dates.blankToNull(dimension));
        model.addAttribute("value", value);
        try {
            LocalDate t = Dates.parse("to", to, today.minusDays(1)), f = Dates.parse("from", from, t.minusDays(89));
            model.addAttribute("from", f);
            model.addAttribute("to", t);
            Bands.Series series = bands.series(ws, m, Dates.blankToNull(dimension), Dates.blankToNull(value), f, t, AnomaliesApi.zh(locale));
            model.addAttribute("series", series);
            model.addAttribute("rows", series.anomalies().stream().map(v -> Rows.of(v, metrics, locale)).toList());
            model.addAttribute("seriesJson", json.writeValueAsString(series).replace("<", "\\u003c"));
        } catch (InvalidRequest e) {
            model.addAttribute("formError", e.getMessage());
        }
        return "anomalies/chart";
    }
}
