package dev.erpgraph.erp.netsuite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.StockLevel;
import tools.jackson.databind.JsonNode;

/**
 * Stock per item and location: one statement on {@code item} LEFT JOIN
 * {@code inventoryitemlocations}, so that an item stocked nowhere still answers (an empty
 * list) and an unknown one does not. See {@link NetSuiteConnector}.
 */
record NetSuiteStock(NetSuiteReads reads) {

    ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        SuiteQlRows rows = reads.rows();
        Map<String, List<StockLevel>> levels = new LinkedHashMap<>();
        List<String> statements = SuiteQl.chunks(NetSuiteReads.quotable(skus))
            .stream()
            .map(chunk -> "SELECT i.itemid, loc." + reads.locationCode() + " AS location, il.quantityonhand,"
                    + " il.quantityavailable FROM item i LEFT JOIN " + reads.stockTable() + " il ON il.item = i.id"
                    + " LEFT JOIN location loc ON loc.id = il.location" + " WHERE i.itemid IN "
                    + SuiteQl.stringList(chunk) + " ORDER BY i.id, il.location")
            .toList();
        for (JsonNode row : reads.query("inventory", statements)) {
            String sku = rows.required(row, "itemid");
            if (!skus.contains(sku)) {
                continue;
            }
            List<StockLevel> ofSku = levels.computeIfAbsent(sku, key -> new ArrayList<>());
            String location = rows.text(row, "location");
            if (location != null && (warehouse == null || warehouse.equals(location))) {
                ofSku.add(rows.stock(row));
            }
        }
        return ErpBatch.of(levels);
    }

}
