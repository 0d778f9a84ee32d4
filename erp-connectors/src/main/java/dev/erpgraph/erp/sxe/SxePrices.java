package dev.erpgraph.erp.sxe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.PriceKey;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A customer's prices: one {@code sxapioepricingmultiplev5} call per customer for all of
 * its keys, with price breaks; a key SX.e answers with an error fails alone. See
 * {@link SxeConnector}.
 */
record SxePrices(SxeClient api, SxeFanOut fanOut, SxeOptions options) {

    ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        Map<String, List<PriceKey>> byCustomer = keys.stream()
            .filter(key -> SxeClient.CUSTOMER_NUMBER.matcher(key.customerNumber()).matches())
            .collect(Collectors.groupingBy(PriceKey::customerNumber, LinkedHashMap::new, Collectors.toList()));
        Map<String, SxeFanOut.Outcome<Map<PriceKey, Object>>> outcomes = fanOut.each(byCustomer.keySet(),
                customer -> customerPrices(customer, byCustomer.get(customer)));
        ErpBatch.Builder<PriceKey, ItemPrice> batch = new ErpBatch.Builder<>();
        outcomes.forEach((customer, outcome) -> {
            if (outcome.failed()) {
                byCustomer.get(customer).forEach(key -> batch.failure(key, outcome.failure()));
                return;
            }
            outcome.value().forEach((key, value) -> {
                if (value instanceof ItemPrice price) {
                    batch.value(key, price);
                }
                else {
                    batch.failure(key, (ErpException) value);
                }
            });
        });
        return SxeFanOut.failWhole(batch.build());
    }

    /**
     * One pricing call for all of one customer's keys: an {@link ItemPrice} or an
     * {@link ErpException} per key.
     */
    private Map<PriceKey, Object> customerPrices(String customer, List<PriceKey> keys) {
        ObjectNode request = api.request();
        request.put("customerNumber", Long.parseLong(customer));
        request.put("getPriceBreaks", true);
        request.put("checkOtherWhseInventory", false);
        // Input table name and columns as in §5.2 of the wire notes [I]: confirm on a
        // tenant.
        ArrayNode rows = request.putObject("tOemultprcinV2").putArray("t-oemultprcinV2");
        for (int n = 0; n < keys.size(); n++) {
            PriceKey key = keys.get(n);
            ObjectNode row = rows.addObject();
            row.put("seqno", n + 1);
            row.put("whse", options.pricingWarehouse());
            row.put("qtyord", key.quantity());
            row.put("unit", "");
            row.put("prod", key.sku());
        }
        SxeClient.Answer answer = api.call("prices", options.operations().pricing(), request);
        if (answer.failed()) {
            throw api.businessFailure("customer " + customer, answer.errorMessage());
        }
        Map<Integer, SxeResponses.PriceRows> bySeqno = SxeResponses.priceRows(answer.response());
        Map<PriceKey, Object> result = new LinkedHashMap<>();
        for (int n = 0; n < keys.size(); n++) {
            PriceKey key = keys.get(n);
            SxeResponses.PriceRows priced = bySeqno.get(n + 1);
            if (priced == null) {
                continue; // SX.e answered nothing for it: unknown
            }
            String error = SxeResponses.priceError(priced.price());
            result.put(key, error != null ? api.businessFailure("product " + key.sku(), error)
                    : SxeResponses.itemPrice(key.sku(), key.quantity(), priced, options.currency()));
        }
        return result;
    }

}
