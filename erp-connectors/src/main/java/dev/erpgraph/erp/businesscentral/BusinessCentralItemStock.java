package dev.erpgraph.erp.businesscentral;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;

/**
 * Stock from API v2.0's {@code items} ({@code stockSource: standardApi}):
 * {@code inventory} is the company's total on hand across locations, reported as one
 * level under the configured warehouse code, available = on hand (the standard API
 * carries no reservations). The same level comes embedded in the orders' request
 * ({@code $expand} of the lines' {@code item}, see {@link BusinessCentralOrders}), which
 * is why it is read from the item's own fields and nothing else.
 */
record BusinessCentralItemStock(BusinessCentralReads reads, String warehouse) {

    /** What an item's stock level is made of: its number and its inventory. */
    static final String SELECT = "number,inventory";

    ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String onlyWarehouse) {
        Set<String> asked = BusinessCentralReads.codes(skus);
        if (asked.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Function<String, String> path = filter -> reads.client()
            .api("items?$filter=" + QueryStrings.encode(filter) + "&$select=" + QueryStrings.encode(SELECT));
        Map<String, List<StockLevel>> result = new HashMap<>();
        for (JsonNode row : reads.getAll("inventory", reads.paths("number", asked, path))) {
            StockLevel level = level(row, warehouse, reads.systemId());
            if (asked.contains(level.sku())) {
                result.put(level.sku(),
                        onlyWarehouse == null || onlyWarehouse.equals(warehouse) ? List.of(level) : List.of());
            }
        }
        return ErpBatch.of(result);
    }

    /** The stock level of an {@code items} row (or an expanded line {@code item}). */
    static StockLevel level(JsonNode item, String warehouse, String systemId) {
        BigDecimal onHand = BusinessCentralFields.requiredDecimal(item, "inventory", systemId);
        return new StockLevel(BusinessCentralFields.requiredText(item, "number", systemId), warehouse, onHand, onHand);
    }

}
