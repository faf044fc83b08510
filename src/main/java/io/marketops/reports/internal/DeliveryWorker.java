package io.marketops.reports.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.workspace.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends deliveries: claims due ones, sends each by e-mail or robot and logs the outcome. A failed attempt is retried
 * with exponential backoff (retry-backoff × 2^(attempt−1)) until max-attempts; a missing SMTP configuration or CJK
 * font fails at once, since waiting does not fix it. Every sent report is an export in the audit log.
 */
@Component
public class DeliveryWorker {
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private final Deliveries deliveries;
    private final Renderings renderings;
    private final MailSettingsStore mail;
    private final EmailSender email;
    private final RobotClient robots;
    private final ReportsProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    DeliveryWorker(Deliveries deliveries, Renderings renderings, MailSettingsStore mail, EmailSender email, RobotClient robots,
                   ReportsProperties properties, AuditLog audit, Optional<Clock> clock) {
        this.deliveries = deliveries;
        this.renderings = renderings;
        this.mail = mail;
        this.email = email;
        this.robots = robots;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** "Send now": one delivery per recipient of the definition, attempted right away; later attempts by the poller. */
    public List<Delivery> sendNow(WorkspaceId ws, long runId, ReportDefinition d, String by) {
        Instant now = clock.instant();
        List<Long> ids = deliveries.enqueue(ws, runId, d, by, now);
        if (!ids.isEmpty()) process(deliveries.claim(now, now.plus(LEASE), ids, ids.size()), now);
        return ids.stream().map(id -> deliveries.get(ws, id)).toList();
    }

    /** Attempts every delivery due at {@code now}; returns how many were attempted. */
    public int runDue(Instant now) {
        List<Delivery.Job> jobs = deliveries.claim(now, now.plus(LEASE), null, 20);
        process(jobs, now);
        return jobs.size();
    }

    static Duration backoff(Duration base, int attempt) {
        return base.multipliedBy(1L << Math.min(attempt - 1, 16));
    }

    private void process(List<Delivery.Job> jobs, Instant now) {
        Map<Long, Prepared> prepared = new HashMap<>();
        for (Delivery.Job job : jobs) {
            Delivery d = job.delivery();
            try {
                Prepared p = prepared.computeIfAbsent(d.runId(), id -> new Prepared(renderings.of(WorkspaceId.of(job.workspaceId()), id)));
                send(job, p);
                deliveries.sent(d.id());
                audit.record(WorkspaceId.of(job.workspaceId()), d.requestedBy(), "data.exported", "report run " + d.runId(),
                        null, "report delivered by " + d.channel() + " to " + d.target());
            } catch (CjkFont.Missing | NoMailSettings e) {
                deliveries.failed(d.id(), e.getMessage(), null);
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                Instant next = d.attempts() >= properties.maxAttempts() ? null : now.plus(backoff(properties.retryBackoff(), d.attempts()));
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.info("delivery {} of report run {} by {} failed (attempt {}): {}", d.id(), d.runId(), d.channel(), d.attempts(), error);
                deliveries.failed(d.id(), error.length() > 1000 ? error.substring(0, 1000) : error, next);
            }
        }
    }

    private void send(Delivery.Job job, Prepared p) throws Exception {
        String channel = job.delivery().channel();
        if ("email".equals(channel)) {
            MailSettings settings = mail.find(WorkspaceId.of(job.workspaceId())).orElseThrow(NoMailSettings::new);
            var c = p.rendering.content();
            email.send(settings, new EmailSender.Mail(job.address(), c.title() + " · " + c.from() + " ~ " + c.to(), p.emailHtml(),
                    p.rendering.fileName(), p.pdf(), p.xlsx()));
        } else {
            Robot.Kind kind = Robot.Kind.valueOf(channel.toUpperCase(java.util.Locale.ROOT));
            String link = properties.publicUrl().isEmpty() ? null : properties.publicUrl() + "/reports/runs/" + job.delivery().runId();
            robots.send(kind, job.address(), job.secret(), RobotMessage.of(p.rendering.content(), p.rendering.texts(), link));
        }
    }

    /** A run's renderings, each made once per batch however many recipients it has. */
    private static final class Prepared {
        final Renderings.Rendering rendering;
        private byte[] pdf, xlsx;
        private String emailHtml;

        Prepared(Renderings.Rendering rendering) {
            this.rendering = rendering;
        }

        byte[] pdf() {
            if (pdf == null) pdf = rendering.pdf();
            return pdf;
        }

        byte[] xlsx() {
            if (xlsx == null) xlsx = rendering.xlsx();
            return xlsx;
        }

        String emailHtml() {
            if (emailHtml == null) emailHtml = rendering.emailHtml();
            return emailHtml;
        }
    }

    static final class NoMailSettings extends RuntimeException {
        NoMailSettings() {
            super("this workspace has no SMTP settings: set them on the Reports page (Mail settings) or with PUT /api/v1/reports/mail-settings");
        }
    }
}
