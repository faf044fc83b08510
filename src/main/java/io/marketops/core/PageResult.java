package io.marketops.core;

import java.util.List;
import java.util.function.Function;

/** The shape of every list answer: {@code {"items":[…],"page":1,"size":50,"total":123}}. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public static <T> PageResult<T> of(List<T> items, PageQuery query, long total) {
        return new PageResult<>(items, query.page(), query.size(), total);
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), page, size, total);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
