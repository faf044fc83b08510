package io.marketops.core;

import java.util.Set;

/**
 * The one paging and sorting convention of every list in the API and UI:
 * {@code ?page=1&size=50&sort=createdAt,desc}. Pages start at 1; size is 1..500;
 * sort names a whitelisted field, optionally followed by {@code ,asc} or {@code ,desc}.
 */
public record PageQuery(int page, int size, String sortField, boolean descending) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageQuery {
        if (page < 1) throw new InvalidRequest("page", "must be 1 or more, was " + page);
        if (size < 1 || size > MAX_SIZE) throw new InvalidRequest("size", "must be between 1 and " + MAX_SIZE + ", was " + size);
    }

    /** Parses request values; {@code allowedSorts} maps the public field names that may be sorted on. */
    public static PageQuery parse(Integer page, Integer size, String sort, Set<String> allowedSorts, String defaultSort) {
        String s = (sort == null || sort.isBlank()) ? defaultSort : sort.trim();
        String[] parts = s.split(",");
        String field = parts[0].trim();
        if (!allowedSorts.contains(field)) {
            throw new InvalidRequest("sort", "cannot sort by '" + field + "'; use one of " + String.join(", ", allowedSorts.stream().sorted().toList()));
        }
        boolean desc = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
        if (parts.length > 1 && !parts[1].trim().equalsIgnoreCase("asc") && !desc) {
            throw new InvalidRequest("sort", "direction must be asc or desc, was '" + parts[1].trim() + "'");
        }
        return new PageQuery(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size, field, desc);
    }

    /** A page of a list with one fixed order (no sort parameter): the defaults of {@link #parse} for page and size. */
    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size, null, false);
    }

    public int offset() {
        return (page - 1) * size;
    }

    public String direction() {
        return descending ? "DESC" : "ASC";
    }
}
