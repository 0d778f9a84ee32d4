package dev.erpgraph.crm.relay;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A Relay connection page: the shape of {@code AccountConnection},
 * {@code ContactConnection} and {@code OpportunityConnection}.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

    /** The nodes of the page, for clients that do not need cursors. */
    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}: the extra
     * row, if present, only says that a next page exists.
     */
    public static <T> Connection<T> of(List<T> rows, PageRequest page, int totalCount, ToLongFunction<T> id) {
        boolean hasNext = rows.size() > page.first();
        List<Edge<T>> edges = rows.stream()
            .limit(page.first())
            .map(row -> new Edge<>(PageRequest.encodeCursor(id.applyAsLong(row)), row))
            .toList();
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(hasNext, page.hasAfter(), start, end), totalCount);
    }

    /** An item and its cursor. */
    public record Edge<T>(String cursor, T node) {
    }

    /** Where the page starts and ends. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }
}
