package dev.erpgraph.erp.businesscentral;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;

/**
 * Stock per item and location from the distributor's custom stock page [I]: available =
 * on hand − reserved, never below 0; {@code items} is read only for skus without a stock
 * row, to tell "no stock" from "unknown item".
 */
record BusinessCentralStock(BusinessCentralReads reads, BusinessCentralOptions.StockPage page) {

    ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        Set<String> asked = BusinessCentralReads.codes(skus);
        if (asked.isEmpty() || (warehouse != null && !BusinessCentralFilter.isCode(warehouse))) {
            return ErpBatch.of(Map.of());
        }
        String systemId = reads.systemId();
        String condition = warehouse == null ? "" : " and " + BusinessCentralFilter.eq(page.locationField(), warehouse);
        Function<String, String> path = filter -> reads.client()
            .customApi(page.entitySet() + "?$filter=" + QueryStrings.encode(filter + condition));
        Map<String, List<StockLevel>> result = new HashMap<>();
        for (JsonNode row : reads.getAll("inventory", reads.paths(page.itemField(), asked, path))) {
            String sku = BusinessCentralFields.requiredText(row, page.itemField(), systemId);
            String location = BusinessCentralFields.requiredText(row, page.locationField(), systemId);
            if (!asked.contains(sku) || (warehouse != null && !warehouse.equals(location))) {
                continue;
            }
            BigDecimal onHand = BusinessCentralFields.requiredDecimal(row, page.onHandField(), systemId);
            BigDecimal reserved = BusinessCentralFields.decimal(row, page.reservedField(), systemId);
            BigDecimal available = onHand.subtract(reserved == null ? BigDecimal.ZERO : reserved).max(BigDecimal.ZERO);
            result.computeIfAbsent(sku, key -> new ArrayList<>()).add(new StockLevel(sku, location, onHand, available));
        }
        Set<String> withoutRows = new TreeSet<>(asked);
        withoutRows.removeAll(result.keySet());
        reads.existingItems(withoutRows).keySet().forEach(sku -> result.put(sku, List.of()));
        result
            .replaceAll((sku, levels) -> levels.stream().sorted(Comparator.comparing(StockLevel::warehouse)).toList());
        return ErpBatch.of(result);
    }

}
