package dev.erpgraph.erp.p21;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import dev.erpgraph.erp.http.RequestFanOut;
import tools.jackson.databind.JsonNode;

/**
 * How every P21 read turns keys into requests: {@code column eq key} terms chained with
 * {@code or} into chunks under {@code maxQueryLength} (IIS refuses long query strings),
 * the chunks' requests sent side by side ({@code maxParallelRequests}); numeric keys
 * compared by value.
 */
record P21Reads(P21Client odata, RequestFanOut fanOut, int maxQueryLength) {

    /**
     * Numeric keys by value ({@code 0100198} and {@code 100198} are one P21 customer);
     * others are dropped.
     */
    static Map<Long, List<String>> numericKeys(Collection<String> keys) {
        Map<Long, List<String>> byId = new TreeMap<>();
        for (String key : keys) {
            P21ODataFilter.numericKey(key).ifPresent(id -> byId.computeIfAbsent(id, x -> new ArrayList<>()).add(key));
        }
        return byId;
    }

    /** Each caller's spelling of an id answered with the value of the id. */
    static <V> Map<String, V> asRequested(Map<Long, List<String>> keysById, Map<String, V> byId) {
        Map<String, V> values = new HashMap<>();
        keysById.forEach((id, keys) -> keys.forEach(key -> values.put(key, byId.get(String.valueOf(id)))));
        return values;
    }

    /** The ids as the strings the normalized values carry. */
    static Set<String> idStrings(Map<Long, List<String>> keysById) {
        Set<String> ids = new TreeSet<>();
        keysById.keySet().forEach(id -> ids.add(String.valueOf(id)));
        return ids;
    }

    static List<String> terms(String column, Collection<Long> ids) {
        return ids.stream().map(id -> P21ODataFilter.eq(column, id)).toList();
    }

    List<JsonNode> read(String resource, String table, List<String> terms, String condition, String select,
            String orderBy) {
        List<JsonNode> rows = new ArrayList<>();
        fanOut
            .each(P21ODataFilter.anyOf(terms, condition, maxQueryLength),
                    chunk -> odata.table(resource, table, chunk, select, orderBy))
            .forEach(rows::addAll);
        return rows;
    }

    /** Each chunk's answer, the requests sent side by side. */
    <T> List<T> each(List<String> chunks, Function<String, T> request) {
        return fanOut.each(chunks, request);
    }

}
