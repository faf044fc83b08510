package io.marketops.metrics.web;

import io.marketops.core.PageQuery;

/** The module's lists page like every list of the API: {@code ?page=1&size=50}, size at most 500. */
final class Paging {
    private Paging() {
    }

    static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 1 : page, size == null ? PageQuery.DEFAULT_SIZE : size, null, false);
    }
}
