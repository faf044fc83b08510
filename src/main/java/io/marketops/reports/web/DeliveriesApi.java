package io.marketops.reports.web;

import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.reports.internal.Deliveries;
import io.marketops.reports.internal.Delivery;
import io.marketops.reports.internal.MailSettings;
import io.marketops.reports.internal.MailSettingsStore;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class DeliveriesApi {
    private final Deliveries deliveries;
    private final MailSettingsStore mail;
    private final AuditLog audit;

    DeliveriesApi(Deliveries deliveries, MailSettingsStore mail, AuditLog audit) {
        this.deliveries = deliveries;
        this.mail = mail;
        this.audit = audit;
    }

    @GetMapping("/deliveries")
    @PreAuthorize("hasAuthority('reports.read')")
    @Operation(summary = "The delivery log: every e-mail and robot message, its attempts, status (pending|sent|failed) and last error")
    PageResult<Delivery> list(@RequestParam(required = false) Long runId, @RequestParam(required = false) String status,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              @RequestParam(required = false) String sort) {
        if (status != null && !Deliveries.STATUSES.contains(status)) throw new InvalidRequest("status", "must be pending, sent or failed, was '" + status + "'");
        return deliveries.list(Actors.workspace(), runId, status, PageQuery.parse(page, size, sort, Deliveries.SORTS, "createdAt,desc"));
    }

    /** @param configured false until SMTP settings are saved; the password is never shown */
    record MailSettingsAnswer(boolean configured, MailSettings.View settings) {
    }

    @GetMapping("/mail-settings")
    @PreAuthorize("hasAuthority('reports.manage')")
    @Operation(summary = "The workspace's SMTP settings for report e-mails (password never shown)")
    MailSettingsAnswer mailSettings() {
        return mail.find(Actors.workspace()).map(s -> new MailSettingsAnswer(true, s.view())).orElse(new MailSettingsAnswer(false, null));
    }

    @PutMapping("/mail-settings")
    @PreAuthorize("hasAuthority('reports.manage')")
    @Operation(summary = "Saves the SMTP settings: host, port, username, password (blank keeps the stored one), fromAddress, starttls, ssl")
    MailSettingsAnswer saveMailSettings(@RequestBody MailSettingsStore.Request request) {
        var a = Actors.require();
        MailSettings s = mail.save(a.workspaceId(), request, a.name());
        audit.record("reports.mail-settings.update", "smtp " + s.host(), null);
        return new MailSettingsAnswer(true, s.view());
    }
}
