package io.marketops.imports.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.core.PageQuery;
import io.marketops.imports.ImportKind;
import io.marketops.imports.internal.ContactDirectory;
import io.marketops.imports.internal.ImportService;
import io.marketops.workspace.Actor;
import io.marketops.workspace.Actors;
import io.marketops.workspace.Permission;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The import page (upload, mapping, preview, progress, history) and the customer contacts page. */
@Controller
class ImportPages {
    private final ImportService imports;
    private final ContactDirectory contacts;
    private final ObjectMapper json;
    private final MessageSource messages;

    ImportPages(ImportService imports, ContactDirectory contacts, ObjectMapper json, MessageSource messages) {
        this.imports = imports;
        this.contacts = contacts;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/imports")
    @PreAuthorize("hasAuthority('data.read')")
    String imports(@RequestParam(required = false) Integer page, @RequestParam(required = false) String kind, Model model, Locale locale)
            throws JsonProcessingException {
        Actor a = Actors.require();
        ImportKind k = kind == null || kind.isBlank() ? null : ImportKind.parse(kind);
        model.addAttribute("history", imports.list(a.workspaceId(), k, PageQuery.parse(page, 20, null, ImportService.sortFields(), "createdAt,desc")));
        model.addAttribute("kind", k == null ? "" : k.slug());
        model.addAttribute("kinds", Arrays.stream(ImportKind.values()).map(ImportKind::slug).toList());
        model.addAttribute("canImport", a.may(Permission.DATA_IMPORT));
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (ImportKind x : ImportKind.values()) {
            fields.put(x.slug(), ImportService.fieldIds(x));
            for (String id : ImportService.fieldIds(x)) labels.put(id, messages.getMessage("imports.field." + id, null, id, locale));
        }
        model.addAttribute("fieldsJson", json.writeValueAsString(fields));
        model.addAttribute("labelsJson", json.writeValueAsString(labels));
        return "imports/imports";
    }

    @GetMapping("/customer-contacts")
    @PreAuthorize("hasAuthority('data.read')")
    String contacts(@RequestParam(required = false) Integer page, @RequestParam(required = false) String q, Model model) {
        Actor a = Actors.require();
        boolean unmasked = a.may(Permission.PII_VIEW);
        model.addAttribute("contacts", contacts.list(a.workspaceId(), q, PageQuery.parse(page, 50, null, ContactDirectory.SORTS, "customerId"),
                unmasked, "contacts page"));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("unmasked", unmasked);
        return "imports/contacts";
    }
}
