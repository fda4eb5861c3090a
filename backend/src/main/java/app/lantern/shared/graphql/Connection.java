package app.lantern.shared.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A page of a Relay connection, as the SDL's {@code XConnection} types declare it.
 *
 * @param edges      items with their cursors
 * @param nodes      the same items without cursors
 * @param pageInfo   where this page stands
 * @param totalCount items in the whole filtered list, or null when the client did not ask for it
 */
public record Connection<T>(List<Edge<T>> edges, List<T> nodes, PageInfo pageInfo, Long totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * Builds a page from rows fetched with {@link PageRequest#limit()} (one extra row tells that more
     * follow). Backward pages are fetched in reverse order and put back in list order here.
     *
     * @param rows       rows in fetch order
     * @param request    the page asked for
     * @param cursorKey  the row's keyset value, encoded into its cursor
     * @param totalCount counted only when asked for; may be null
     */
    public static <T> Connection<T> of(List<T> rows, PageRequest request, Function<T, String> cursorKey,
                                       LongSupplier totalCount) {
        boolean more = rows.size() > request.size();
        List<T> page = new ArrayList<>(more ? rows.subList(0, request.size()) : rows);
        if (request.backward()) {
            Collections.reverse(page);
        }
        List<Edge<T>> edges = page.stream().map(row -> new Edge<>(PageRequest.encodeCursor(cursorKey.apply(row)), row)).toList();
        boolean hasNext = request.backward() ? request.cursor() != null : more;
        boolean hasPrevious = request.backward() ? more : request.cursor() != null;
        PageInfo info = new PageInfo(hasNext, hasPrevious,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, page, info, totalCount == null ? null : totalCount.getAsLong());
    }
}
