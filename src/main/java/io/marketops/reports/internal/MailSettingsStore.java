package io.marketops.reports.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.regex.Pattern;

/** Each workspace's SMTP settings in PostgreSQL (one row per workspace). */
@Repository
public class MailSettingsStore {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,253}");
    private final JdbcClient db;

    MailSettingsStore(JdbcClient db) {
        this.db = db;
    }

    /**
     * @param password null or blank keeps the stored password (the API never shows it back)
     */
    public record Request(String host, Integer port, String username, String password, String fromAddress, Boolean starttls, Boolean ssl) {
    }

    public Optional<MailSettings> find(WorkspaceId ws) {
        return db.sql("SELECT * FROM reports_mail_settings WHERE workspace_id = ?").param(ws.value())
                .query((rs, i) -> new MailSettings(rs.getString("host"), rs.getInt("port"), rs.getString("username"), rs.getString("password"),
                        rs.getString("from_address"), rs.getBoolean("starttls"), rs.getBoolean("ssl"))).optional();
    }

    public MailSettings save(WorkspaceId ws, Request r, String by) {
        if (r == null) throw new InvalidRequest(null, "send the SMTP settings as JSON");
        String host = r.host() == null ? "" : r.host().trim();
        if (!HOST.matcher(host).matches()) throw new InvalidRequest("host", "is required: the SMTP server's host name, e.g. smtp.exmail.qq.com");
        int port = r.port() == null ? 465 : r.port();
        if (port < 1 || port > 65535) throw new InvalidRequest("port", "must be between 1 and 65535, was " + port);
        String from = r.fromAddress() == null ? "" : r.fromAddress().trim();
        if (!EMAIL.matcher(from).matches()) throw new InvalidRequest("fromAddress", "'" + from + "' is not an e-mail address, e.g. reports@brand.cn");
        boolean ssl = r.ssl() == null ? port == 465 : r.ssl();
        boolean starttls = r.starttls() == null ? !ssl : r.starttls();
        if (ssl && starttls) throw new InvalidRequest("starttls", "choose either ssl (TLS from the start, port 465) or starttls (port 587), not both");
        String user = r.username() == null || r.username().isBlank() ? null : r.username().trim();
        String password = r.password() == null || r.password().isEmpty() ? find(ws).map(MailSettings::password).orElse(null) : r.password();
        db.sql("""
                        INSERT INTO reports_mail_settings(workspace_id, host, port, username, password, from_address, starttls, ssl, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (workspace_id) DO UPDATE SET host = excluded.host, port = excluded.port, username = excluded.username,
                            password = excluded.password, from_address = excluded.from_address, starttls = excluded.starttls, ssl = excluded.ssl,
                            updated_by = excluded.updated_by, updated_at = now()""")
                .params(ws.value(), host, port, user, password, from, starttls, ssl, by).update();
        return find(ws).orElseThrow();
    }
}
