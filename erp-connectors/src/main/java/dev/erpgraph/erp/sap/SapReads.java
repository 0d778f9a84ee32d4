package dev.erpgraph.erp.sap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.QueryStrings;
import dev.erpgraph.erp.http.RequestFanOut;
import tools.jackson.databind.JsonNode;

/**
 * How every SAP read turns a set of keys into requests and rows into values: key sets cut
 * into URL-length-bounded {@code or} chains ({@code maxUrlLength}), the chunks' requests
 * sent side by side ({@code maxParallelRequests}), keys checked before they are sent, and
 * a row that does not read as documented turned into BAD_RESPONSE.
 */
record SapReads(SapClient odata, RequestFanOut fanOut, int maxUrlLength) {

    private static final int MAX_MATERIAL_LENGTH = 40;

    String systemId() {
        return odata.systemId();
    }

    /**
     * Reads the rows for {@code keys}, in as few URL-length-bounded requests as the keys
     * allow.
     */
    List<JsonNode> readChunked(String resource, String entitySet, String options, Set<String> keys,
            Function<List<String>, String> filter) {
        return readAll(resource, entitySet, chunkedQueries(entitySet, options, keys, filter));
    }

    /**
     * The query of each URL-length-bounded chunk of {@code keys}: {@code options}, then
     * the chunk's filter.
     */
    List<String> chunkedQueries(String entitySet, String options, Set<String> keys,
            Function<List<String>, String> filter) {
        String prefix = (options.isEmpty() ? "" : options + "&") + "$filter=";
        int fixed = odata.url(entitySet).length() + 1 + prefix.length();
        return SapODataFilter.chunk(keys, fixed, maxUrlLength, filter)
            .stream()
            .map(chunk -> prefix + QueryStrings.encode(filter.apply(chunk)))
            .toList();
    }

    /**
     * The rows these queries answer, in query order; the requests are sent side by side.
     */
    List<JsonNode> readAll(String resource, String entitySet, List<String> queries) {
        List<JsonNode> rows = new ArrayList<>();
        fanOut.each(queries, query -> odata.readAll(resource, entitySet, query)).forEach(rows::addAll);
        return rows;
    }

    /** Maps a row, turning a missing or malformed field into BAD_RESPONSE. */
    <T> T parse(JsonNode row, Function<JsonNode, T> mapper) {
        return parse(systemId(), row, mapper);
    }

    static <T> T parse(String systemId, JsonNode row, Function<JsonNode, T> mapper) {
        try {
            return mapper.apply(row);
        }
        catch (IllegalArgumentException | NullPointerException | ArithmeticException ex) {
            throw ErpException.badResponse(systemId, "unreadable SAP entity: " + ex.getMessage(), ex);
        }
    }

    /**
     * Valid numeric keys by their canonical form, with the caller's spellings of each.
     */
    static Map<String, List<String>> canonicalKeys(Set<String> keys) {
        Map<String, List<String>> canonical = new LinkedHashMap<>();
        for (String key : keys) {
            String normalized = SapODataFilter.numericKey(key);
            if (normalized != null) {
                canonical.computeIfAbsent(normalized, k -> new ArrayList<>()).add(key);
            }
        }
        return canonical;
    }

    /**
     * Each caller's spelling of a key answered with its canonical key's value (absent
     * canonical keys stay absent).
     */
    static <V> Map<String, V> asRequested(Map<String, List<String>> requested, Map<String, V> byCanonical) {
        Map<String, V> values = new HashMap<>();
        requested.forEach((canonical, keys) -> {
            V value = byCanonical.get(canonical);
            if (value != null) {
                keys.forEach(key -> values.put(key, value));
            }
        });
        return values;
    }

    static Set<String> materials(Set<String> skus) {
        Set<String> materials = new LinkedHashSet<>();
        skus.stream().filter(SapReads::validMaterial).forEach(materials::add);
        return materials;
    }

    static boolean validMaterial(String sku) {
        return sku != null && !sku.isBlank() && sku.length() <= MAX_MATERIAL_LENGTH;
    }

    static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return SapODataValues.parseDecimal(text(node, field));
    }

    /**
     * An amount or rate as SAP sends it at its declared scale ({@code "1520.000"},
     * {@code "298.000000000"}) without the trailing zeros, but with at least two places:
     * the same number, exactly, as a person would write it.
     */
    static BigDecimal amount(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 2 ? rate.setScale(2) : stripped;
    }

    /**
     * {@code Edm.Decimal(31,14)} quantities without the fourteen trailing zeros.
     */
    static BigDecimal strip(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

}
