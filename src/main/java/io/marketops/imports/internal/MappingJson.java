package io.marketops.imports.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.core.InvalidRequest;
import io.marketops.imports.ColumnMapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The mapping as JSON: {@code {"columns":{"消耗":"cost"},"defaults":{"channel":"douyin"},"timezone":"Asia/Shanghai",
 * "dateFormat":"dd/MM/yyyy","source":"巨量引擎日报","save":true}}. A flat object of header → field is
 * accepted as the columns alone.
 */
final class MappingJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPTIONS = Set.of("columns", "defaults", "timezone", "dateFormat", "source", "save");

    private MappingJson() {
    }

    static ColumnMapping parse(String text) {
        if (text == null || text.isBlank()) return ColumnMapping.automatic();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidRequest("mapping", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new InvalidRequest("mapping", "must be a JSON object such as {\"columns\":{\"消耗\":\"cost\"}}");
        boolean structured = false;
        for (var it = root.fieldNames(); it.hasNext(); ) structured |= OPTIONS.contains(it.next());
        if (!structured) return new ColumnMapping(strings(root, "mapping"), Map.of(), null, null, null, false);
        return new ColumnMapping(strings(root.get("columns"), "mapping.columns"), strings(root.get("defaults"), "mapping.defaults"),
                text(root, "timezone"), text(root, "dateFormat"), text(root, "source"), root.path("save").asBoolean(false));
    }

    private static Map<String, String> strings(JsonNode node, String where) {
        Map<String, String> m = new LinkedHashMap<>();
        if (node == null || node.isNull()) return m;
        if (!node.isObject()) throw new InvalidRequest(where, "must be an object of text values");
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) throw new InvalidRequest(where, "'" + e.getKey() + "' must map to a text value");
            m.put(e.getKey(), e.getValue().isNull() ? Fields.IGNORE : e.getValue().asText());
        });
        return m;
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static String write(ColumnMapping m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ColumnMapping read(String json) {
        if (json == null) return ColumnMapping.automatic();
        try {
            return JSON.readValue(json, ColumnMapping.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored mapping is not readable: " + e.getMessage(), e);
        }
    }
}
