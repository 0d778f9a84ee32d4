package dev.erpgraph.erp.sxe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.StockLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stock of every sku of a batch in ONE {@code sxapisfgetpriceavailmultiplev2} call:
 * SX.API's multi-product price-and-availability operation, whose request rows
 * ({@code tProddataprcavailV2."t-proddataprcavailV2"}) each name a product and the
 * warehouse to report ({@code availabilitywhse}), and whose answer rows
 * ({@code tPrcavail."t-prcavail"}) carry {@code shipprod}, {@code whse}, {@code netavail}
 * and a row's own {@code errormess} (names from the captured SX.API OpenAPI client [C]).
 * Prices are not asked for ({@code calcpricefl: false} [I]). One row per sku and
 * warehouse: the asked warehouse, or every warehouse of {@link SxeWarehouses} when none
 * is asked. A row SX.e answers with an error is a warehouse that does not stock the
 * product; a product every row of which fails is unknown (NOT_FOUND, that sku only) when
 * the words say so.
 *
 * <p>
 * Before, this was one {@code sxapiicproductavailbywhse} per sku, as many calls as the
 * page has distinct line items; see {@link SxeConnector} for the calls a page costs.
 */
record SxeStock(SxeClient api, SxeWarehouses warehouses, SxeOptions options) {

    ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        Set<String> products = new LinkedHashSet<>();
        skus.stream().filter(sku -> sku != null && !sku.isBlank()).forEach(products::add);
        if (products.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        List<String> asked = warehouse == null ? warehouses.codes() : List.of(warehouse);
        ObjectNode request = api.request();
        request.put("defaultWarehouseOnly", "no");
        ArrayNode rows = request.putObject("tProddataprcavailV2").putArray("t-proddataprcavailV2");
        int lineNo = 0;
        for (String sku : products) {
            for (String whse : asked) {
                ObjectNode row = rows.addObject();
                row.put("lineno", ++lineNo);
                row.put("prod", sku);
                row.put("availabilitywhse", whse);
                row.put("qtyord", 1);
                row.put("unit", "");
                row.put("calcpricefl", false);
            }
        }
        SxeClient.Answer answer = api.call("inventory", options.operations().availability(), request);
        if (answer.failed()) {
            throw api.businessFailure("products " + products, answer.errorMessage());
        }
        Map<String, List<StockLevel>> levels = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode row : SxeResponses.table(answer.response(), "tPrcavail", "t-prcavail")) {
            String sku = SxeResponses.text(row, "shipprod");
            if (sku == null || !products.contains(sku.trim())) {
                continue;
            }
            sku = sku.trim();
            String error = SxeResponses.text(row, "errormess");
            if (error != null && !error.isBlank()) {
                errors.putIfAbsent(sku, error.trim());
                continue;
            }
            String whse = SxeResponses.text(row, "whse");
            if (whse == null || whse.isBlank() || (warehouse != null && !warehouse.equals(whse.trim()))) {
                continue;
            }
            BigDecimal netAvail = SxeResponses.requiredDecimal(row, "netavail");
            // SX.API gives net available only (on hand less reserved and committed), so
            // on hand reads as that too: a documented limitation, never a guess.
            levels.computeIfAbsent(sku, key -> new ArrayList<>())
                .add(new StockLevel(sku, whse.trim(), netAvail, netAvail));
        }
        ErpBatch.Builder<String, List<StockLevel>> batch = new ErpBatch.Builder<>();
        for (String sku : products) {
            List<StockLevel> found = levels.get(sku);
            if (found != null) {
                batch.value(sku, List.copyOf(found));
            }
            else if (errors.containsKey(sku) && options.notFound().matcher(errors.get(sku)).find()
                    && !notStockedInThatWarehouse(errors.get(sku))) {
                batch.failure(sku, api.businessFailure("product " + sku, errors.get(sku)));
            }
            else {
                batch.value(sku, List.of());
            }
        }
        return batch.build();
    }

    /**
     * "Not set up in Warehouse Products - ICSW": the product exists but not in that
     * warehouse, which is no stock there, not an unknown product.
     */
    private static boolean notStockedInThatWarehouse(String error) {
        return error.contains("ICSW");
    }

}
