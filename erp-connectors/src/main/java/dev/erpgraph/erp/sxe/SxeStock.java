package dev.erpgraph.erp.sxe;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.StockLevel;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stock per product: one {@code sxapiicproductavailbywhse} call per sku, in the
 * connector's fan-out. See {@link SxeConnector}.
 */
record SxeStock(SxeClient api, SxeFanOut fanOut, SxeOptions options) {

    ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        List<String> products = skus.stream().filter(sku -> sku != null && !sku.isBlank()).toList();
        Map<String, SxeFanOut.Outcome<List<StockLevel>>> outcomes = fanOut.each(products, sku -> {
            ObjectNode request = api.request();
            request.put("productCode", sku);
            request.put("region", options.stockRegion());
            request.put("ignoreZeroAvailable", false);
            SxeClient.Answer answer = api.call("inventory", options.operations().availability(), request);
            if (answer.failed()) {
                throw api.businessFailure("product " + sku, answer.errorMessage());
            }
            return SxeResponses.stock(answer.response(), sku, warehouse);
        });
        return SxeFanOut.failWhole(SxeFanOut.collect(outcomes));
    }

}
