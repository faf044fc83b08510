package io.marketops.attribution.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.attribution.Attribution;
import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.ChannelReport;
import io.marketops.attribution.internal.AttributionProperties;
import io.marketops.core.InvalidRequest;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Permission;
import io.marketops.workspace.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compares every model side by side for the workspace's own conversions, as a table and a bar chart, exportable. */
@Controller
class AttributionPage {
    private final Attribution attribution;
    private final AttributionProperties properties;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ObjectMapper json;

    AttributionPage(Attribution attribution, AttributionProperties properties, Workspaces workspaces, AuditLog audit,
                    MessageSource messages, ObjectMapper json) {
        this.attribution = attribution;
        this.properties = properties;
        this.workspaces = workspaces;
        this.audit = audit;
        this.messages = messages;
        this.json = json;
    }

    /** The page's form; blank fields take the configured defaults. */
    record Form(LocalDate from, LocalDate to, Integer lookbackDays, String events, Integer markovOrder, String metric) {
        Requests.ReportRequest request() {
            List<String> names = events == null || events.isBlank() ? null
                    : Arrays.stream(events.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            return new Requests.ReportRequest(from, to, null, markovOrder, lookbackDays, names, null, null, null, null, null, null, false);
        }

        String metricOrDefault() {
            return metric != null && ComparisonView.METRICS.contains(metric) ? metric : "conversions";
        }
    }

    @GetMapping("/attribution")
    @PreAuthorize("hasAuthority('metrics.read')")
    String compare(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) Integer lookbackDays, @RequestParam(required = false) String events,
                   @RequestParam(required = false) Integer markovOrder, @RequestParam(required = false) String metric,
                   Model model, Locale locale) throws JsonProcessingException {
        Form form = new Form(from, to, lookbackDays, events, markovOrder, metric);
        model.addAttribute("metrics", ComparisonView.METRICS);
        model.addAttribute("metric", form.metricOrDefault());
        model.addAttribute("mayExport", Actors.require().may(Permission.DATA_EXPORT));
        model.addAttribute("halfLife", new java.text.DecimalFormat("0.##").format(properties.halfLifeDays()));
        model.addAttribute("shapleyExact", properties.shapleyExactChannels());
        try {
            ChannelReport report = compute(form);
            ComparisonView view = ComparisonView.of(report, form.metricOrDefault());
            Map<String, String> names = new LinkedHashMap<>();
            for (AttributionModelId id : AttributionModelId.values()) names.put(id.id(), messages.getMessage("attribution.model." + id.id(), null, locale));
            String metricName = messages.getMessage("attribution.metric." + view.metric(), null, locale);
            model.addAttribute("report", report);
            model.addAttribute("view", view);
            model.addAttribute("modelNames", names);
            model.addAttribute("chartJson", json.writeValueAsString(view.chart(names, metricName)));
            model.addAttribute("events", String.join(", ", report.query().conversionEvents()));
        } catch (InvalidRequest e) {
            model.addAttribute("formError", e.getMessage());
            model.addAttribute("events", events);
        }
        model.addAttribute("form", form);
        return "attribution/compare";
    }

    @GetMapping("/attribution/export")
    @PreAuthorize("hasAuthority('data.export')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) Integer lookbackDays, @RequestParam(required = false) String events,
                                  @RequestParam(required = false) Integer markovOrder, @RequestParam(defaultValue = "xlsx") String format) {
        try {
            ChannelReport report = compute(new Form(from, to, lookbackDays, events, markovOrder, null));
            return AttributionApi.download(report, format, audit);
        } catch (InvalidRequest e) {
            return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                    .body(e.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private ChannelReport compute(Form form) {
        var ws = workspaces.get(Actors.workspace());
        Requests.ReportRequest request = form.request();
        var query = Requests.query(properties, request, LocalDate.now(ws.timezone()).minusDays(1));
        return attribution.report(ws.id(), query, Requests.settings(properties, request), false);
    }
}
