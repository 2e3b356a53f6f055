package org.surgeline.platform;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a longer list; {@code page} counts from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** The same page with its items replaced, e.g. by views computed for the whole page at once. */
    public <R> ResultPage<R> withItems(List<R> views) {
        return new ResultPage<>(views, page, size, total);
    }

    /** One page of a query, which must have a stable order (ending on a unique key). */
    public static <T> ResultPage<T> of(PanacheQuery<T> query, int page, int size) {
        offset(page, size);
        return new ResultPage<>(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, query.count());
    }

    /** One page of a list already in a stable order (short lists whose views are computed together). */
    public static <T> ResultPage<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min(offset(page, size), all.size());
        return new ResultPage<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), page, size, all.size());
    }

    /**
     * The index of the page's first item. The database takes an int offset, so a page past 2^31
     * items (e.g. {@code page=2147483647&size=500}) is the caller's error, not an overflow.
     */
    static int offset(int page, int size) {
        long offset = (long) page * size;
        if (offset > Integer.MAX_VALUE) {
            throw ProblemException.invalidField("page", "page × size must stay below " + Integer.MAX_VALUE);
        }
        return (int) offset;
    }
}
