package io.marketops.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * A condition on events: {@code {"field":"channel","op":"in","values":["douyin","wechat"]}} or on an
 * event property: {@code {"field":"properties.plan","op":"eq","value":"pro"}} (also written
 * {@code {"property":"plan",…}}). Ops: eq, neq, in, not_in, contains, gt, gte, lt, lte, is_set, is_not_set.
 */
public record Filter(String field, String op, List<String> values) {

    public Filter {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static Filter eq(String field, String value) {
        return new Filter(field, "eq", List.of(value));
    }

    @JsonCreator
    static Filter fromJson(@JsonProperty("field") String field, @JsonProperty("property") String property,
                           @JsonProperty("op") String op, @JsonProperty("value") Object value,
                           @JsonProperty("values") List<Object> values) {
        List<String> all = new ArrayList<>();
        if (value != null) all.add(String.valueOf(value));
        if (values != null) for (Object v : values) all.add(v == null ? null : String.valueOf(v));
        String f = field != null ? field : property == null ? null : "properties." + property;
        return new Filter(f, op == null ? (all.size() > 1 ? "in" : "eq") : op, all.stream().map(v -> v == null ? "" : v).toList());
    }
}
