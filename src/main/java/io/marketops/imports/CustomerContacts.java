package io.marketops.imports;

import io.marketops.core.WorkspaceId;

import java.util.Map;
import java.util.Optional;

/**
 * Customers' contact details (PII) imported with the {@code customers} kind. They are kept
 * encrypted in PostgreSQL, never in the warehouse; every reveal is written to the audit log.
 */
public interface CustomerContacts {

    /**
     * One customer's decrypted contact details, for a purpose the audit log records
     * (e.g. "send order SMS"). The caller must have checked the {@code pii.view} permission
     * or act for the system on a documented purpose.
     */
    Optional<Contact> reveal(WorkspaceId workspace, String customerId, String actor, String purpose);

    /** The consents recorded for a customer by channel (sms, email, wechat, phone): true given, false refused. */
    Map<String, Boolean> consents(WorkspaceId workspace, String customerId);

    record Contact(String customerId, String name, String phone, String email, String wechatOpenid,
                   String wechatUnionid, Map<String, Boolean> consents) {
    }
}
