package io.marketops.anomalies.web;

import io.marketops.anomalies.internal.AnomalyStore;
import io.marketops.anomalies.internal.AnomalyView;
import io.marketops.anomalies.internal.Bands;
import io.marketops.anomalies.internal.Detection;
import io.marketops.anomalies.internal.DetectionRuns;
import io.marketops.anomalies.internal.DetectionSettings;
import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/anomalies")
@Tag(name = "Anomalies")
class AnomaliesApi {
    static final Set<String> SEVERITIES = Set.of("low", "medium", "high");

    private final Detection detection;
    private final AnomalyStore store;
    private final Bands bands;
    private final DetectionSettings settings;
    private final DetectionRuns runs;
    private final AuditLog audit;

    AnomaliesApi(Detection detection, AnomalyStore store, Bands bands, DetectionSettings settings, DetectionRuns runs, AuditLog audit) {
        this.detection = detection;
        this.store = store;
        this.bands = bands;
        this.settings = settings;
        this.runs = runs;
        this.audit = audit;
    }

    /** {@code {"from":"2026-07-01","to":"2026-09-08"}} */
    record DetectRequest(String from, String to) {
    }

    record DetectResult(LocalDate from, LocalDate to, int found, List<AnomalyView> items) {
    }

    @PostMapping("/detect")
    @PreAuthorize("hasAuthority('metrics.manage')")
    @Operation(summary = "Runs detection with root cause over local days from..to now (also for back-filled data), replaces what that range held and answers with the anomalies found")
    DetectResult detect(@RequestBody DetectRequest request, Locale locale) {
        if (request == null) throw new InvalidRequest("from", "send {\"from\":\"2026-07-01\",\"to\":\"2026-09-08\"}");
        var ws = Actors.workspace();
        LocalDate from = Dates.parse("from", request.from(), null), to = Dates.parse("to", request.to(), null);
        List<AnomalyView> found = detection.run(ws, from, to, "request");
        boolean zh = zh(locale);
        return new DetectResult(from, to, found.size(), found.stream().map(v -> v.in(zh)).toList());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "Stored anomalies of local days from..to (default: the last 30 days), optionally of one metric, severity (low, medium, high) and dimension (total, channel, campaign, device, region); sort by date, severity, metric or change")
    PageResult<AnomalyView> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String metric, @RequestParam(required = false) String severity,
                                 @RequestParam(required = false) String dimension, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Locale locale) {
        var ws = Actors.workspace();
        AnomalyStore.Filter filter = filter(detection.today(ws), from, to, metric, severity, dimension);
        PageQuery q = PageQuery.parse(page, size, sort, AnomalyStore.SORTS.keySet(), "date,desc");
        boolean zh = zh(locale);
        return store.search(ws, filter, q).map(v -> v.in(zh));
    }

    static AnomalyStore.Filter filter(LocalDate today, String from, String to, String metric, String severity, String dimension) {
        LocalDate t = Dates.parse("to", to, today.minusDays(1)), f = Dates.parse("from", from, t.minusDays(29));
        if (t.isBefore(f)) throw new InvalidRequest("to", "must not be before from (" + f + "), was " + t);
        String s = Dates.blankToNull(severity);
        if (s != null && !SEVERITIES.contains(s)) throw new InvalidRequest("severity", "must be low, medium or high, was '" + severity + "'");
        return new AnomalyStore.Filter(f, t, Dates.blankToNull(metric), s, Dates.blankToNull(dimension));
    }

    @GetMapping("/series")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "One watched metric (total, or one dimension value) by day with its expected value and band, and the anomalies stored for it: the data of the per-metric chart")
    Bands.Series series(@RequestParam String metric, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String dimension, @RequestParam(required = false) String value, Locale locale) {
        var ws = Actors.workspace();
        LocalDate t = Dates.parse("to", to, detection.today(ws).minusDays(1)), f = Dates.parse("from", from, t.minusDays(89));
        return bands.series(ws, metric, Dates.blankToNull(dimension), Dates.blankToNull(value), f, t, zh(locale));
    }

    record SettingsView(DetectionSettings.Settings settings, DetectionRuns.Run lastRun, List<String> metrics) {
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "The workspace's sensitivity (low, medium, high), minimum volume and alert switch, the last detection run and the watched metrics")
    SettingsView settings() {
        var ws = Actors.workspace();
        return new SettingsView(settings.get(ws), runs.latest(ws).orElse(null), bands.metrics(ws));
    }

    /** {@code {"sensitivity":"medium","minVolume":50,"alerts":true}}; {@code alerts} left out keeps the current choice. */
    record SettingsRequest(String sensitivity, Integer minVolume, Boolean alerts) {
    }

    @PutMapping("/settings")
    @PreAuthorize("hasAuthority('metrics.manage')")
    @Operation(summary = "Changes the workspace's sensitivity, minimum volume and alerts (new high-severity anomalies of the last days sent to the recipients of the workspace's reports by e-mail and group robot); applies from the next detection")
    DetectionSettings.Settings update(@RequestBody SettingsRequest request) {
        if (request == null) throw new InvalidRequest("sensitivity", "send {\"sensitivity\":\"medium\",\"minVolume\":50}");
        var a = Actors.require();
        DetectionSettings.Settings s = settings.put(a.workspaceId(), request.sensitivity(), request.minVolume(), request.alerts(), a.name());
        audit.record("anomalies.settings.update", "workspace", "sensitivity=" + s.sensitivity() + ", minVolume=" + s.minVolume() + ", alerts=" + s.alerts());
        return s;
    }

    static boolean zh(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
