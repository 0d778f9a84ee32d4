package dev.erpgraph.erp.businesscentral;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.erpgraph.erp.http.QueryStrings;
import dev.erpgraph.erp.http.RequestFanOut;
import tools.jackson.databind.JsonNode;

/**
 * How every Business Central read turns keys into requests: {@code field eq key} clauses
 * chained with {@code or} into URL-length groups ({@code maxUrlLength}), the groups'
 * requests sent side by side ({@code maxParallelRequests}); and the lookups several
 * resources share: which customers and items exist, and location ids to codes.
 */
final class BusinessCentralReads {

    private final BusinessCentralClient client;

    private final RequestFanOut fanOut;

    private final int maxUrlLength;

    /** Location id → code; null until first needed. */
    private final AtomicReference<Map<String, String>> locations = new AtomicReference<>();

    BusinessCentralReads(BusinessCentralClient client, RequestFanOut fanOut, int maxUrlLength) {
        this.client = client;
        this.fanOut = fanOut;
        this.maxUrlLength = maxUrlLength;
    }

    BusinessCentralClient client() {
        return client;
    }

    RequestFanOut fanOut() {
        return fanOut;
    }

    String systemId() {
        return client.erpSystemId();
    }

    /**
     * The paths reading these keys: {@code field eq key} clauses chained with {@code or}
     * into URL-length groups.
     */
    List<String> paths(String field, Set<String> keys, Function<String, String> path) {
        return paths(keys.stream().sorted().map(key -> BusinessCentralFilter.eq(field, key)).toList(), path);
    }

    /**
     * {@code path} of each group of the clauses chained with {@code or} that keeps its
     * URL within the limit.
     */
    List<String> paths(List<String> clauses, Function<String, String> path) {
        return BusinessCentralFilter.orGroups(clauses, filter -> client.absolute(path.apply(filter)), maxUrlLength)
            .stream()
            .map(path)
            .toList();
    }

    /**
     * Every entity the requests to these paths answer, in path order; the requests are
     * sent side by side.
     */
    List<JsonNode> getAll(String resource, List<String> paths) {
        return concat(fanOut.each(paths, path -> client.getAll(resource, path)));
    }

    static List<JsonNode> concat(List<List<JsonNode>> answers) {
        List<JsonNode> rows = new ArrayList<>();
        answers.forEach(rows::addAll);
        return rows;
    }

    /** The keys that can be BC codes; the others are unknown without a request. */
    static Set<String> codes(Set<String> keys) {
        Set<String> codes = new LinkedHashSet<>();
        for (String key : keys) {
            if (BusinessCentralFilter.isCode(key)) {
                codes.add(key);
            }
        }
        return codes;
    }

    /**
     * Which of these customer numbers BC knows:
     * {@code customers?$filter=number eq ...&$select=number}.
     */
    Set<String> existingCustomers(Set<String> customerNumbers) {
        if (customerNumbers.isEmpty()) {
            return new HashSet<>();
        }
        return existingCustomers(customerNumbers, getAll("customers", customerPaths(customerNumbers)));
    }

    /** The requests of {@link #existingCustomers(Set)}. */
    List<String> customerPaths(Set<String> customerNumbers) {
        return paths("number", customerNumbers,
                filter -> client.api("customers?$filter=" + QueryStrings.encode(filter) + "&$select=number"));
    }

    /** Which of these customer numbers these {@code customers} rows show BC knows. */
    Set<String> existingCustomers(Set<String> customerNumbers, List<JsonNode> rows) {
        Set<String> known = new HashSet<>();
        for (JsonNode row : rows) {
            String number = BusinessCentralFields.requiredText(row, "number", systemId());
            if (customerNumbers.contains(number)) {
                known.add(number);
            }
        }
        return known;
    }

    /**
     * The list price of each of these skus BC knows:
     * {@code items?$filter=number eq ...&$select=number,unitPrice}.
     */
    Map<String, BigDecimal> existingItems(Set<String> skus) {
        return listPrices(getAll("items", itemPaths(skus)), skus);
    }

    List<String> itemPaths(Set<String> skus) {
        return paths("number", skus,
                filter -> client.api("items?$filter=" + QueryStrings.encode(filter) + "&$select=number,unitPrice"));
    }

    /** The list price of each of these skus among these {@code items} rows. */
    Map<String, BigDecimal> listPrices(List<JsonNode> rows, Set<String> skus) {
        Map<String, BigDecimal> known = new HashMap<>();
        for (JsonNode row : rows) {
            String sku = BusinessCentralFields.requiredText(row, "number", systemId());
            if (skus.contains(sku)) {
                known.put(sku, BusinessCentralFields.requiredDecimal(row, "unitPrice", systemId()));
            }
        }
        return known;
    }

    /**
     * Location id → code, read from {@code locations} once and again only if
     * {@code needed} names an id not seen yet (a location added since). Concurrent first
     * reads may both fetch; the result is the same.
     */
    Map<String, String> locationCodes(Set<String> needed) {
        Map<String, String> known = locations.get();
        if (known != null && known.keySet().containsAll(needed)) {
            return known;
        }
        if (known == null && needed.isEmpty()) {
            return Map.of();
        }
        return readLocations();
    }

    /** Every location id → code, read once. */
    Map<String, String> allLocations() {
        Map<String, String> known = locations.get();
        return known != null ? known : readLocations();
    }

    private Map<String, String> readLocations() {
        Map<String, String> fresh = new LinkedHashMap<>();
        for (JsonNode row : client.getAll("locations", client.api("locations?$select=id,code"))) {
            fresh.put(BusinessCentralFields.requiredText(row, "id", systemId()),
                    BusinessCentralFields.requiredText(row, "code", systemId()));
        }
        Map<String, String> snapshot = Map.copyOf(fresh);
        locations.set(snapshot);
        return snapshot;
    }

}
