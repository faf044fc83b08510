package io.marketops.experiments.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.core.InvalidRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code attributes} parameter of an assignment request: a JSON object whose values are
 * strings (numbers and booleans are taken as their text), e.g. {@code {"city":"上海","plan":"vip"}}.
 */
final class VisitorAttributes {
    static final int MAX_LENGTH = 4000;
    static final String EXAMPLE = "a JSON object of strings, e.g. {\"city\":\"上海\"}";

    private VisitorAttributes() {
    }

    static Map<String, String> parse(ObjectMapper json, String text) {
        if (text == null || text.isBlank()) return Map.of();
        if (text.length() > MAX_LENGTH) throw new InvalidRequest("attributes", "must be at most " + MAX_LENGTH + " characters");
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidRequest("attributes", "is not valid JSON: must be " + EXAMPLE);
        }
        if (node == null || !node.isObject()) throw new InvalidRequest("attributes", "must be " + EXAMPLE);
        Map<String, String> out = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (!f.getValue().isValueNode() || f.getValue().isNull()) {
                throw new InvalidRequest("attributes." + f.getKey(), "must be a string, number or boolean");
            }
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }
}
