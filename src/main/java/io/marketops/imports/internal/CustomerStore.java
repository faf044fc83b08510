package io.marketops.imports.internal;

import io.marketops.warehouse.Warehouse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL half of a customers import: encrypted PII, traits and consents, upserted in one
 * PostgreSQL transaction that also runs the warehouse upsert, so a failure of either leaves both
 * unchanged; a crash between the two commits is repaired by the job's resume (both are upserts).
 * Only fields present in the file overwrite stored ones.
 */
@Repository
class CustomerStore {
    private static final int BATCH = 1000;
    private static final String UPSERT_PII = """
            INSERT INTO imports_customer_pii (workspace_id, customer_id, name_enc, phone_enc, email_enc, openid_enc, unionid_enc, traits, import_id, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(CAST(? AS jsonb), '{}'::jsonb), ?, now())
            ON CONFLICT (workspace_id, customer_id) DO UPDATE SET
              name_enc = coalesce(EXCLUDED.name_enc, imports_customer_pii.name_enc),
              phone_enc = coalesce(EXCLUDED.phone_enc, imports_customer_pii.phone_enc),
              email_enc = coalesce(EXCLUDED.email_enc, imports_customer_pii.email_enc),
              openid_enc = coalesce(EXCLUDED.openid_enc, imports_customer_pii.openid_enc),
              unionid_enc = coalesce(EXCLUDED.unionid_enc, imports_customer_pii.unionid_enc),
              traits = imports_customer_pii.traits || EXCLUDED.traits,
              import_id = EXCLUDED.import_id, updated_at = now()""";
    private static final String UPSERT_CONSENT = """
            INSERT INTO imports_customer_consents (workspace_id, customer_id, channel, granted, source, recorded_at)
            VALUES (?, ?, ?, ?, ?, now())
            ON CONFLICT (workspace_id, customer_id, channel) DO UPDATE SET granted = EXCLUDED.granted, source = EXCLUDED.source, recorded_at = now()""";

    private final JdbcTemplate db;
    private final Warehouse warehouse;
    private final TransactionTemplate tx;

    CustomerStore(JdbcTemplate db, Warehouse warehouse, TransactionTemplate tx) {
        this.db = db;
        this.warehouse = warehouse;
        this.tx = tx;
    }

    void apply(Job job, String records, Runnable warehouseUpsert) {
        tx.executeWithoutResult(status -> {
            List<Object[]> pii = new ArrayList<>();
            List<Object[]> consents = new ArrayList<>();
            String source = "import:" + job.id();
            warehouse.sql().sql("SELECT customer_id, name_enc, phone_enc, email_enc, openid_enc, unionid_enc, traits,"
                    + " consent_sms, consent_email, consent_wechat, consent_phone FROM (" + records + ")").query((RowCallbackHandler) rs -> {
                String id = rs.getString(1);
                pii.add(new Object[]{job.workspaceId(), id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), job.id()});
                for (int i = 0; i < CustomerSpec.CONSENTS.size(); i++) {
                    Object granted = rs.getObject(8 + i);
                    if (granted != null) consents.add(new Object[]{job.workspaceId(), id, CustomerSpec.CONSENTS.get(i), granted, source});
                }
                if (pii.size() >= BATCH) flush(pii, consents);
            });
            flush(pii, consents);
            warehouseUpsert.run();
        });
    }

    private void flush(List<Object[]> pii, List<Object[]> consents) {
        if (!pii.isEmpty()) db.batchUpdate(UPSERT_PII, pii);
        if (!consents.isEmpty()) db.batchUpdate(UPSERT_CONSENT, consents);
        pii.clear();
        consents.clear();
    }
}
