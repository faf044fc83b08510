package io.marketops.metrics.internal;

/**
 * A base aggregate computed in SQL by one {@link Source}, e.g. {@code count(*) FILTER (WHERE …)}.
 * Metrics are formulas over measures; the engine computes each measure once per query.
 *
 * @param id   unique name (built-in measure names, or {@code custom:<metric>:n|d})
 * @param expr aggregate expression in the source's row scope (alias {@code e} for events)
 */
record Measure(String id, Source source, Sql expr) {
    static Measure of(String id, Source source, String expr) {
        return new Measure(id, source, Sql.of(expr));
    }
}
