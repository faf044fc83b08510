package io.marketops.metrics;

import java.util.Locale;

/**
 * A catalog entry: one written definition per number shown anywhere.
 *
 * @param id        lower_snake_case id used in the API ({@code uv}, {@code gmv}, {@code roas})
 * @param unit      count, currency, ratio (a share, shown as %), times (a multiple such as ROAS 3.2) or seconds
 * @param direction up when higher is better, down when lower is better
 * @param formula   the formula in words of other catalog ids and facts, e.g. {@code gmv / cost}
 * @param custom    true for a workspace's own metric (defined in the UI or API)
 */
public record Metric(String id, String unit, Direction direction, String nameEn, String nameZh,
                     String definitionEn, String definitionZh, String formula, boolean custom) {
    public enum Direction { UP, DOWN, NEUTRAL }

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public String definition(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? definitionZh : definitionEn;
    }
}
