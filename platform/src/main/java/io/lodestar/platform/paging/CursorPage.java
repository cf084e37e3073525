package io.lodestar.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import io.lodestar.platform.problem.InvalidInputException;

/**
 * One page of a keyset-paginated listing. The cursor is opaque to callers (base64url of the last key), stable
 * under inserts, and costs an index seek rather than an OFFSET scan.
 *
 * @param nextCursor pass it back as {@code cursor} for the next page; null on the last page
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from {@code limit + 1} rows fetched in key order: the extra row only tells that another page
     * exists.
     */
    public static <R, T> CursorPage<T> of(List<R> rowsPlusOne, int limit, Function<R, String> key,
            Function<R, T> view) {
        boolean more = rowsPlusOne.size() > limit;
        List<R> rows = more ? rowsPlusOne.subList(0, limit) : rowsPlusOne;
        String next = more ? encode(key.apply(rows.get(rows.size() - 1))) : null;
        return new CursorPage<>(rows.stream().map(view).toList(), next);
    }

    /** The same page with every item mapped; the cursor stays. */
    public <U> CursorPage<U> map(Function<T, U> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a cursor, or null for the first page; a cursor that was not ours is a 400 naming it. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
    }
}
