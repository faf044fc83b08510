package io.marketops.attribution;

import io.marketops.core.InvalidRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which conversion paths to build from the workspace's events.
 *
 * @param from             first local day (workspace time zone) whose conversions count
 * @param to               last local day, inclusive
 * @param lookbackDays     touches up to this many days before a conversion belong to its path (1–365)
 * @param conversionEvents names of the track events that count as conversions (e.g. {@code purchase})
 * @param valueProperty    where a conversion's value is: {@code revenue} (the events' revenue column, else
 *                         {@code properties.revenue}) or the name of another numeric event property
 */
public record JourneyQuery(LocalDate from, LocalDate to, int lookbackDays, List<String> conversionEvents, String valueProperty) {
    public static final int MAX_LOOKBACK_DAYS = 365;
    public static final int MAX_EVENTS = 20;
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    public JourneyQuery {
        if (from == null) throw new InvalidRequest("from", "is required (a date like 2026-10-01)");
        if (to == null) throw new InvalidRequest("to", "is required (a date like 2026-10-31)");
        if (to.isBefore(from)) throw new InvalidRequest("to", "must not be before from (" + from + ")");
        if (lookbackDays < 1 || lookbackDays > MAX_LOOKBACK_DAYS) {
            throw new InvalidRequest("lookbackDays", "must be between 1 and " + MAX_LOOKBACK_DAYS + ", was " + lookbackDays);
        }
        if (conversionEvents == null || conversionEvents.isEmpty()) throw new InvalidRequest("conversionEvents", "name at least one event");
        if (conversionEvents.size() > MAX_EVENTS) throw new InvalidRequest("conversionEvents", "may name at most " + MAX_EVENTS + " events");
        for (String e : conversionEvents) {
            if (e == null || e.isBlank() || e.length() > 200) throw new InvalidRequest("conversionEvents", "event names must be 1–200 characters");
        }
        conversionEvents = List.copyOf(conversionEvents.stream().map(String::trim).distinct().toList());
        if (valueProperty == null || !PROPERTY.matcher(valueProperty).matches()) {
            throw new InvalidRequest("valueProperty", "must be a property name of letters, digits and _ (e.g. revenue), was '" + valueProperty + "'");
        }
    }

    /** Whether the value is the revenue column (with properties.revenue as fallback). */
    public boolean valueIsRevenue() {
        return "revenue".equals(valueProperty);
    }
}
