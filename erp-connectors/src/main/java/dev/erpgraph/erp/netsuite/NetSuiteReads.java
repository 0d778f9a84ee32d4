package dev.erpgraph.erp.netsuite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.erpgraph.erp.http.RequestFanOut;
import tools.jackson.databind.JsonNode;

/**
 * How every NetSuite read runs: SuiteQL statements (split only at Oracle's 1000-element
 * IN lists) sent side by side, each followed through all its pages; keys that cannot be
 * sent are dropped before any statement is built; and the configured column names the
 * statements use.
 */
record NetSuiteReads(SuiteQlClient suiteQl, RequestFanOut fanOut, SuiteQlRows rows, NetSuiteOptions options) {

    /** The {@code location} column holding the warehouse code. */
    String locationCode() {
        return options.locationCodeColumn();
    }

    /** The {@code currency} column holding the ISO code. */
    String currencyCode() {
        return options.currencyCodeColumn();
    }

    /** The table of stock per item and location ({@code stock-table}). */
    String stockTable() {
        return options.stockTable();
    }

    /** The table of customer item prices ({@code customer-price-table}). */
    String customerPriceTable() {
        return options.customerPriceTable();
    }

    long basePriceLevel() {
        return options.basePriceLevel();
    }

    /**
     * The rows of these statements, in statement order (each with all its pages); sent
     * side by side.
     */
    List<JsonNode> query(String resource, List<String> statements) {
        List<JsonNode> found = new ArrayList<>();
        fanOut.each(statements, sql -> suiteQl.query(resource, sql)).forEach(found::addAll);
        return found;
    }

    /** The keys that can be quoted, sorted for a stable statement. */
    static Set<String> quotable(Set<String> keys) {
        Set<String> values = new TreeSet<>();
        keys.stream().filter(SuiteQl::quotable).forEach(values::add);
        return values;
    }

    /** The keys that are NetSuite internal ids; the rest are unknown and never sent. */
    static Set<String> internalIds(Set<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        new TreeSet<>(keys).forEach(key -> SuiteQl.internalId(key).ifPresent(ids::add));
        return ids;
    }

}
