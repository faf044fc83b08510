package io.marketops.attribution;

import com.fasterxml.jackson.annotation.JsonValue;
import io.marketops.core.InvalidRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The attribution models, by the id the API uses ({@code first_touch}, {@code markov} …). */
public enum AttributionModelId {
    FIRST_TOUCH, LAST_TOUCH, LAST_NON_DIRECT, LINEAR, TIME_DECAY, POSITION_BASED, MARKOV, SHAPLEY;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<AttributionModelId> all() {
        return List.of(values());
    }

    /** Parses an API id; {@code field} names the request field in the error. */
    public static AttributionModelId parse(String id, String field) {
        if (id != null) {
            for (AttributionModelId m : values()) if (m.id().equalsIgnoreCase(id.trim())) return m;
        }
        throw new InvalidRequest(field, "'" + id + "' is not a model; use one of "
                + String.join(", ", Arrays.stream(values()).map(AttributionModelId::id).toList()));
    }
}
