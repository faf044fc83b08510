package io.marketops.imports.internal;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.imports.CustomerContacts;
import io.marketops.workspace.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customers' contact details from imports. Lists are masked ("138****5678") unless the caller may
 * view PII; every unmasked view and every export is written to the audit log by the caller's
 * request ({@link #list}) or with the actor given ({@link #reveal}).
 */
@Service
public class ContactDirectory implements CustomerContacts {
    public static final Set<String> SORTS = Set.of("customerId", "updatedAt");
    private final JdbcClient db;
    private final PiiCipher cipher;
    private final AuditLog audit;

    ContactDirectory(JdbcClient db, PiiCipher cipher, AuditLog audit) {
        this.db = db;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** A customer's contact row as shown: masked unless {@code masked} is false. */
    public record ContactView(String customerId, String name, String phone, String email, String wechatOpenid, String wechatUnionid,
                              Map<String, Object> traits, Map<String, Boolean> consents, boolean masked, Instant updatedAt) {
    }

    /** One page of contacts; {@code q} matches the customer id prefix. Unmasked pages are audited as a PII view unless {@code purpose} is null (the caller audits). */
    public PageResult<ContactView> list(WorkspaceId ws, String q, PageQuery page, boolean unmasked, String purpose) {
        String where = " FROM imports_customer_pii WHERE workspace_id = ?" + (q == null || q.isBlank() ? "" : " AND customer_id LIKE ?");
        List<Object> params = new ArrayList<>(List.of(ws.value()));
        if (q != null && !q.isBlank()) params.add(q.trim().replace("%", "\\%").replace("_", "\\_") + "%");
        long total = db.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        params.add(page.size());
        params.add(page.offset());
        String order = page.sortField().equals("updatedAt") ? "updated_at" : "customer_id";
        List<ContactView> items = db.sql("SELECT *" + where + " ORDER BY " + order + " " + page.direction() + ", customer_id LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> view(rs, unmasked)).list();
        Map<String, Map<String, Boolean>> consents = consents(ws, items.stream().map(ContactView::customerId).toList());
        items = items.stream().map(v -> new ContactView(v.customerId(), v.name(), v.phone(), v.email(), v.wechatOpenid(), v.wechatUnionid(),
                v.traits(), consents.getOrDefault(v.customerId(), Map.of()), v.masked(), v.updatedAt())).toList();
        if (unmasked && purpose != null && !items.isEmpty()) {
            audit.record("pii.viewed", "customers", purpose + ": " + items.size() + " customers, e.g. " + items.get(0).customerId());
        }
        return PageResult.of(items, page, total);
    }

    public Optional<ContactView> one(WorkspaceId ws, String customerId, boolean unmasked) {
        Optional<ContactView> v = db.sql("SELECT * FROM imports_customer_pii WHERE workspace_id = ? AND customer_id = ?")
                .params(ws.value(), customerId).query((rs, n) -> view(rs, unmasked)).optional()
                .map(c -> new ContactView(c.customerId(), c.name(), c.phone(), c.email(), c.wechatOpenid(), c.wechatUnionid(), c.traits(),
                        consents(ws, customerId), c.masked(), c.updatedAt()));
        if (unmasked && v.isPresent()) audit.record("pii.viewed", "customer:" + customerId, "contact details");
        return v;
    }

    @Override
    public Optional<Contact> reveal(WorkspaceId ws, String customerId, String actor, String purpose) {
        Optional<Contact> c = db.sql("SELECT * FROM imports_customer_pii WHERE workspace_id = ? AND customer_id = ?")
                .params(ws.value(), customerId).query((rs, n) -> view(rs, true)).optional()
                .map(v -> new Contact(v.customerId(), v.name(), v.phone(), v.email(), v.wechatOpenid(), v.wechatUnionid(), consents(ws, customerId)));
        if (c.isPresent()) audit.record(ws, actor, "pii.viewed", "customer:" + customerId, null, purpose);
        return c;
    }

    @Override
    public Map<String, Boolean> consents(WorkspaceId ws, String customerId) {
        return consents(ws, List.of(customerId)).getOrDefault(customerId, Map.of());
    }

    private Map<String, Map<String, Boolean>> consents(WorkspaceId ws, List<String> ids) {
        Map<String, Map<String, Boolean>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) return out;
        db.sql("SELECT customer_id, channel, granted FROM imports_customer_consents WHERE workspace_id = ? AND customer_id = ANY(?)")
                .params(ws.value(), ids.toArray(String[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getBoolean(3)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private ContactView view(ResultSet rs, boolean unmasked) throws SQLException {
        String name = cipher.decrypt(rs.getString("name_enc"));
        String phone = cipher.decrypt(rs.getString("phone_enc"));
        String email = cipher.decrypt(rs.getString("email_enc"));
        String openid = cipher.decrypt(rs.getString("openid_enc"));
        String unionid = cipher.decrypt(rs.getString("unionid_enc"));
        Map<String, Object> traits;
        try {
            traits = new com.fasterxml.jackson.databind.ObjectMapper().readValue(rs.getString("traits"), Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            traits = Map.of();
        }
        Instant updated = rs.getTimestamp("updated_at").toInstant();
        String id = rs.getString("customer_id");
        if (unmasked) return new ContactView(id, name, phone, email, openid, unionid, traits, Map.of(), false, updated);
        return new ContactView(id, Masks.name(name), Masks.phone(phone), Masks.email(email), Masks.id(openid), Masks.id(unionid),
                traits, Map.of(), true, updated);
    }
}
