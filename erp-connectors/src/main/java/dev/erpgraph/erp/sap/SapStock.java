package dev.erpgraph.erp.sap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.StockLevel;
import tools.jackson.databind.JsonNode;

import static dev.erpgraph.erp.sap.SapReads.decimal;
import static dev.erpgraph.erp.sap.SapReads.strip;
import static dev.erpgraph.erp.sap.SapReads.text;

/**
 * Stock per material and plant: one {@code API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod} per
 * URL-length chunk of materials (and {@code Plant} = the warehouse code). On hand = the
 * sum over all stock types and storage locations; available = the sum of the stock types
 * in {@link SapOptions#availableStockTypes()}. This API has no ATP: quantities in quality
 * inspection ({@code 02}) or blocked ({@code 07}) are on hand but not available.
 */
record SapStock(SapReads reads, Set<String> availableStockTypes) {

    static final String STOCK = "API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod";

    private static final String STOCK_SELECT = "$select=Material,Plant,InventoryStockType,MatlWrhsStkQtyInMatlBaseUnit";

    ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        Set<String> materials = SapReads.materials(skus);
        Map<String, Map<String, BigDecimal[]>> byMaterial = new HashMap<>();
        if (!materials.isEmpty()) {
            String plant = warehouse == null ? "" : " and " + SapODataFilter.eq("Plant", warehouse);
            // One row per material, plant, storage location, batch and stock type: only
            // four of its ~25 properties are summed, and without $select a page of 55
            // materials was 440 KB to send and parse.
            for (JsonNode row : reads.readChunked("inventory", STOCK, STOCK_SELECT, materials,
                    chunk -> SapODataFilter.anyOf("Material", chunk) + plant)) {
                reads.parse(row, node -> {
                    BigDecimal quantity = decimal(node, "MatlWrhsStkQtyInMatlBaseUnit");
                    BigDecimal[] sums = byMaterial.computeIfAbsent(text(node, "Material"), key -> new TreeMap<>())
                        .computeIfAbsent(text(node, "Plant"),
                                key -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
                    sums[0] = sums[0].add(quantity);
                    if (availableStockTypes.contains(text(node, "InventoryStockType"))) {
                        sums[1] = sums[1].add(quantity);
                    }
                    return null;
                });
            }
        }
        Map<String, List<StockLevel>> values = new HashMap<>();
        for (String sku : materials) {
            List<StockLevel> levels = new ArrayList<>();
            byMaterial.getOrDefault(sku, Map.of())
                .forEach((plant, sums) -> levels.add(new StockLevel(sku, plant, strip(sums[0]), strip(sums[1]))));
            values.put(sku, levels);
        }
        return ErpBatch.of(values);
    }

}
