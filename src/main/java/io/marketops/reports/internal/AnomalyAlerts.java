package io.marketops.reports.internal;

import io.marketops.anomalies.AnomaliesDetected;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.MetricCatalog;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers anomaly alerts (the {@code alerts} of {@link AnomaliesDetected}: new high-severity anomalies, only when
 * the workspace turned alerts on) to every recipient of the workspace's enabled reports — each e-mail address and
 * robot once, in the language of the first report that names it. E-mail goes through the workspace's mail settings.
 * Runs after the detection's transaction commits, on another thread (an application module listener: the
 * publication is recorded, so one cut off by a restart is known). One attempt per recipient: a failure is logged and does not stop the others (alerts are not queued for retry as
 * report deliveries are; the anomalies page keeps every anomaly). Each sent alert is an export in the audit log.
 */
@Component
class AnomalyAlerts {
    private static final Logger log = LoggerFactory.getLogger(AnomalyAlerts.class);
    private final ReportDefinitions definitions;
    private final MailSettingsStore mail;
    private final EmailSender email;
    private final RobotClient robots;
    private final MetricCatalog catalog;
    private final Workspaces workspaces;
    private final MessageSource messages;
    private final ReportsProperties properties;
    private final AuditLog audit;

    AnomalyAlerts(ReportDefinitions definitions, MailSettingsStore mail, EmailSender email, RobotClient robots, MetricCatalog catalog,
                  Workspaces workspaces, MessageSource messages, ReportsProperties properties, AuditLog audit) {
        this.definitions = definitions;
        this.mail = mail;
        this.email = email;
        this.robots = robots;
        this.catalog = catalog;
        this.workspaces = workspaces;
        this.messages = messages;
        this.properties = properties;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(AnomaliesDetected event) {
        if (event.alerts().isEmpty()) return;
        WorkspaceId ws = event.workspace();
        Workspace w = workspaces.get(ws);
        Map<String, String> emails = new LinkedHashMap<>();
        Map<String, Robot> robotsByUrl = new LinkedHashMap<>();
        Map<String, String> languages = new LinkedHashMap<>();
        for (ReportDefinition d : definitions.enabled(ws)) {
            d.emails().forEach(e -> emails.putIfAbsent(e, d.language()));
            d.robots().forEach(r -> {
                robotsByUrl.putIfAbsent(r.url(), r);
                languages.putIfAbsent(r.url(), d.language());
            });
        }
        if (emails.isEmpty() && robotsByUrl.isEmpty()) {
            log.info("Anomaly alerts of workspace {} are on but no enabled report has recipients: nothing sent", ws.value());
            return;
        }
        String link = properties.publicUrl().isEmpty() ? null : properties.publicUrl() + "/anomalies?severity=high&from=" + event.from() + "&to=" + event.to();
        Map<String, AlertMessage> byLanguage = new LinkedHashMap<>();
        java.util.function.Function<String, AlertMessage> message = language -> byLanguage.computeIfAbsent(language,
                l -> AlertMessage.of(event.alerts(), new Texts(messages, l, w.currency()), id -> catalog.find(ws, id), link));
        Optional<MailSettings> smtp = emails.isEmpty() ? Optional.empty() : mail.find(ws);
        if (!emails.isEmpty() && smtp.isEmpty()) log.warn("Anomaly alerts of workspace {}: no SMTP settings, e-mails not sent", ws.value());
        smtp.ifPresent(s -> emails.forEach((to, language) -> attempt(ws, "email", to, () -> {
            AlertMessage m = message.apply(language);
            email.sendHtml(s, to, m.title(), m.html());
        })));
        robotsByUrl.forEach((url, r) -> attempt(ws, r.kind().id(), r.maskedUrl(), () -> robots.send(r.kind(), r.url(), r.secret(), message.apply(languages.get(url)).robot())));
    }

    private interface Send {
        void run() throws Exception;
    }

    private void attempt(WorkspaceId ws, String channel, String target, Send send) {
        try {
            send.run();
            audit.record(ws, "anomalies", "data.exported", "anomaly alert", null, "anomaly alert sent by " + channel + " to " + target);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            log.warn("Anomaly alert of workspace {} by {} to {} failed: {}", ws.value(), channel, target, e.toString());
        }
    }
}
