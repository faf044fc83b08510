package io.marketops.metrics;

/**
 * A catalog entry: one written definition per number shown anywhere.
 *
 * @param id        lower_snake_case id used in the API ({@code uv}, {@code gmv}, {@code roas})
 * @param unit      count, currency, ratio, percent or seconds
 * @param direction up when higher is better, down when lower is better
 */
public record Metric(String id, String unit, Direction direction, String nameEn, String nameZh, String definitionEn, String definitionZh) {
    public enum Direction { UP, DOWN, NEUTRAL }

    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public String definition(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? definitionZh : definitionEn;
    }
}
