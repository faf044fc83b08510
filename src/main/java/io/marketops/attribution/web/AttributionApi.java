package io.marketops.attribution.web;

import io.marketops.attribution.Attribution;
import io.marketops.attribution.AttributionResult;
import io.marketops.attribution.ChannelReport;
import io.marketops.attribution.PathTable;
import io.marketops.attribution.internal.AttributionProperties;
import io.marketops.core.InvalidRequest;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/attribution")
@Tag(name = "Attribution", description = "Multi-touch attribution: heuristic, Markov (order 1–3, exact removal effects) and Shapley models")
class AttributionApi {
    private final Attribution attribution;
    private final AttributionProperties properties;
    private final Workspaces workspaces;
    private final AuditLog audit;

    AttributionApi(Attribution attribution, AttributionProperties properties, Workspaces workspaces, AuditLog audit) {
        this.attribution = attribution;
        this.properties = properties;
        this.workspaces = workspaces;
        this.audit = audit;
    }

    @PostMapping(path = "/paths", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "Attribute a path table you bring (ChannelAttribution layout: path, conversions, value, nulls)",
            description = "Every model's channel conversions add up to the table's conversions. Time decay counts touches here (halfLifeTouches).")
    AttributionResult paths(@RequestBody Requests.PathsRequest request) {
        PathTable table = PathRows.toTable(request.paths(), properties.maxPaths());
        return attribution.attribute(table, Requests.settings(properties, request));
    }

    @PostMapping(path = "/paths", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "Attribute a path table sent as CSV (path;total_conversions;total_conversion_value;total_null; UTF-8 or GB18030)",
            description = "Settings as query parameters: models (comma separated), markovOrder, halfLifeTouches, shapleySamples, seed.")
    AttributionResult pathsCsv(@RequestBody byte[] csv, @RequestParam(required = false) List<String> models,
                               @RequestParam(required = false) Integer markovOrder, @RequestParam(required = false) Double halfLifeTouches,
                               @RequestParam(required = false) Integer shapleySamples, @RequestParam(required = false) Long seed) {
        return csv(new StringReader(CsvText.decode(csv)), models, markovOrder, halfLifeTouches, shapleySamples, seed);
    }

    @PostMapping(path = "/paths", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "Attribute a path table uploaded as a CSV file (form field 'file')")
    AttributionResult pathsUpload(@RequestPart("file") MultipartFile file, @RequestParam(required = false) List<String> models,
                                  @RequestParam(required = false) Integer markovOrder, @RequestParam(required = false) Double halfLifeTouches,
                                  @RequestParam(required = false) Integer shapleySamples, @RequestParam(required = false) Long seed) throws IOException {
        if (file.isEmpty()) throw new InvalidRequest("file", "is empty");
        return csv(new StringReader(CsvText.decode(file.getBytes())), models, markovOrder, halfLifeTouches, shapleySamples, seed);
    }

    private AttributionResult csv(Reader csv, List<String> models, Integer order, Double halfLife, Integer samples, Long seed) {
        PathTable table = attribution.readCsv(csv);
        return attribution.attribute(table, Requests.settings(properties, models, order, halfLife, 1, null, null, samples, seed));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "Attribute the workspace's own conversions over local days from..to, with ad cost: CPA, ROAS and ROI per channel per model",
            description = "Paths are built from events: sessions with a channel before each conversion event within the lookback window, persons stitched through identities.")
    ChannelReport report(@RequestBody(required = false) Requests.ReportRequest request) {
        return compute(request == null ? empty() : request);
    }

    @PostMapping(path = "/export", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('data.export')")
    @Operation(summary = "The same report as a CSV or XLSX file (one row per model and channel); recorded in the audit log")
    ResponseEntity<byte[]> export(@RequestBody(required = false) Requests.ReportRequest request,
                                  @RequestParam(defaultValue = "csv") String format) {
        ChannelReport report = compute(request == null ? empty() : request);
        return download(report, format, audit);
    }

    private ChannelReport compute(Requests.ReportRequest request) {
        var ws = workspaces.get(Actors.workspace());
        LocalDate yesterday = LocalDate.now(ws.timezone()).minusDays(1);
        var query = Requests.query(properties, request, yesterday);
        return attribution.report(ws.id(), query, Requests.settings(properties, request),
                Boolean.TRUE.equals(request.includeTransitions()));
    }

    private static Requests.ReportRequest empty() {
        return new Requests.ReportRequest(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Writes the report as a file and records the export (who, what period, how many rows). */
    static ResponseEntity<byte[]> download(ChannelReport report, String format, AuditLog audit) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        if (!xlsx && !"csv".equalsIgnoreCase(format)) throw new InvalidRequest("format", "must be csv or xlsx, was '" + format + "'");
        byte[] body = xlsx ? ReportExport.xlsx(report) : ReportExport.csv(report);
        String name = "attribution-" + report.from() + "-" + report.to() + (xlsx ? ".xlsx" : ".csv");
        audit.record("data.exported", "attribution", "format=" + (xlsx ? "xlsx" : "csv") + " from=" + report.from() + " to=" + report.to()
                + " models=" + String.join(",", report.models().keySet()) + " rows=" + ReportExport.rows(report).size());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }
}
