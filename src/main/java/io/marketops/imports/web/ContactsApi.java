package io.marketops.imports.web;

import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.imports.internal.ContactDirectory;
import io.marketops.workspace.Actor;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

import java.io.IOException;

@RestController
@RequestMapping("/api/v1/customer-contacts")
@Tag(name = "Customer contacts", description = "Imported customers' PII: masked unless the caller has pii.view; every unmasked view and export is audited")
class ContactsApi {
    private final ContactDirectory contacts;
    private final AuditLog audit;

    ContactsApi(ContactDirectory contacts, AuditLog audit) {
        this.contacts = contacts;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('data.read')")
    @Operation(summary = "Customers' contact details; q is a customer id prefix; sort by customerId or updatedAt. Masked unless the role has pii.view")
    PageResult<ContactDirectory.ContactView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        Actor a = Actors.require();
        return contacts.list(a.workspaceId(), q, PageQuery.parse(page, size, sort, ContactDirectory.SORTS, "customerId"),
                a.may(Permission.PII_VIEW), "API list");
    }

    @GetMapping("/{customerId}")
    @PreAuthorize("hasAuthority('data.read')")
    @Operation(summary = "One customer's contact details and consents (masked unless the role has pii.view)")
    ContactDirectory.ContactView one(@PathVariable String customerId) {
        Actor a = Actors.require();
        return contacts.one(a.workspaceId(), customerId, a.may(Permission.PII_VIEW)).orElseThrow(() -> new NotFound("customer", customerId));
    }

    @GetMapping(path = "/export.csv", produces = "text/csv")
    @PreAuthorize("hasAuthority('data.export')")
    @Operation(summary = "All contacts as CSV (UTF-8 with BOM); unmasked only with pii.view; always written to the audit log")
    void export(HttpServletResponse response) throws IOException {
        Actor a = Actors.require();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"customer-contacts.csv\"");
        long n = ContactsCsv.write(contacts, a.workspaceId(), a.may(Permission.PII_VIEW), response.getOutputStream());
        audit.record("pii.exported", "customers", n + " customers, " + (a.may(Permission.PII_VIEW) ? "unmasked" : "masked"));
    }
}
