package io.marketops.metrics.web;

import io.marketops.core.PageQuery;

import io.marketops.core.NotFound;
import io.marketops.core.PageResult;
import io.marketops.metrics.Metric;
import io.marketops.metrics.MetricCatalog;
import io.marketops.metrics.MetricQueries;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricResult;
import io.marketops.metrics.internal.CustomMetric;
import io.marketops.metrics.internal.CustomMetrics;
import io.marketops.metrics.internal.EventProperties;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Metrics")
class MetricsApi {
    private final MetricCatalog catalog;
    private final MetricQueries queries;
    private final CustomMetrics custom;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final EventProperties properties;
    private final MessageSource messages;

    MetricsApi(MetricCatalog catalog, MetricQueries queries, CustomMetrics custom, Workspaces workspaces, AuditLog audit,
               EventProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
        this.catalog = catalog;
        this.queries = queries;
        this.custom = custom;
        this.workspaces = workspaces;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "The metric catalog: every metric's id, unit, good direction, formula and definition (en and zh-CN), built-in and custom")
    PageResult<Metric> metrics() {
        List<Metric> all = catalog.all(Actors.workspace());
        return new PageResult<>(all, 1, all.size(), all.size());
    }

    /** A named dimension with its display names. */
    record Dimension(String id, String nameEn, String nameZh) {
    }

    /**
     * @param dimensions      the built-in dimensions of events (orders and ad costs have channel and campaign only; see a metric's breakdowns)
     * @param properties      event property names seen since {@code propertiesSince}, most frequent first, at most 200
     * @param propertiesSince the start of the look-back (30 days); names are cached for up to 5 minutes
     */
    record DimensionList(List<Dimension> dimensions, List<EventProperties.PropertyName> properties, Instant propertiesSince) {
    }

    @GetMapping("/dimensions")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "What queries can break down and filter by: the built-in dimensions (id, English and Chinese name) and the event "
            + "property names the workspace sent in the last 30 days (used as properties.<name>), the 200 most frequent; cached for 5 minutes")
    DimensionList dimensions() {
        return new DimensionList(dimensionNames(properties, messages), properties.recent(Actors.workspace()),
                Instant.now().minus(EventProperties.LOOKBACK));
    }

    static List<Dimension> dimensionNames(EventProperties properties, MessageSource messages) {
        return properties.dimensions().stream().map(d -> new Dimension(d,
                messages.getMessage("metrics.dimension." + d, null, d, Locale.ENGLISH),
                messages.getMessage("metrics.dimension." + d, null, d, Locale.SIMPLIFIED_CHINESE))).toList();
    }

    /** @param sql the statements the metric runs for a daily query over the last 30 days, with ? for bound values */
    record MetricDetail(Metric metric, List<String> sql) {
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "One metric's definition and the SQL it runs (for a daily query over the last 30 days)")
    MetricDetail metric(@PathVariable String id) {
        var ws = Actors.workspace();
        Metric m = catalog.find(ws, id).orElseThrow(() -> new NotFound("metric", id));
        LocalDate to = LocalDate.now(workspaces.get(ws).timezone());
        return new MetricDetail(m, queries.sql(ws, MetricQuery.of(List.of(id), to.minusDays(29), to, MetricQuery.Granularity.DAY)));
    }

    @PostMapping("/query")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "Metrics by day/week/month over local days from..to, by dimensions (channel, campaign, source, medium, device, region, platform, properties.<name>), with filters and 环比/同比 comparison")
    MetricResult query(@RequestBody Requests.MetricsRequest request) {
        return queries.run(Actors.workspace(), request.toQuery());
    }

    @GetMapping("/custom")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "The workspace's custom metrics with their definitions, by id, a page at a time ({\"items\",\"page\",\"size\",\"total\"}); q searches id and names")
    PageResult<CustomMetric> customMetrics(@Parameter(description = "case-insensitive search in id, English and Chinese name") @RequestParam(required = false) String q,
            @Parameter(description = "page number, from 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "items per page, 1 to 500 (default 50)") @RequestParam(required = false) Integer size) {
        return custom.page(Actors.workspace(), q, PageQuery.of(page, size));
    }

    @PostMapping("/custom")
    @PreAuthorize("hasAuthority('metrics.manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Defines a custom metric: a count, people count or property sum of one event with filters, or the ratio of two")
    CustomMetric create(@RequestBody CustomMetric metric) {
        var a = Actors.require();
        CustomMetric created = custom.create(a.workspaceId(), metric, a.name());
        audit.record("metrics.custom.create", created.id(), created.nameEn());
        return created;
    }

    @DeleteMapping("/custom/{id}")
    @PreAuthorize("hasAuthority('metrics.manage')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a custom metric")
    void delete(@PathVariable String id) {
        custom.delete(Actors.workspace(), id);
        audit.record("metrics.custom.delete", id, null);
    }
}
