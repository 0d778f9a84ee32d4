package dev.erpgraph.erp.p21;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.PriceKey;
import tools.jackson.databind.JsonNode;

/**
 * A customer's price per item from the configured price view (P21 has no native price
 * endpoint): one read for all customer and item pairs, the quantity breaks included. See
 * {@link P21Connector}.
 */
record P21Prices(P21Reads reads, P21Client odata, P21Options options, P21Mapping mapping) {

    ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        Set<String> terms = new LinkedHashSet<>();
        for (PriceKey key : keys) {
            OptionalLong customer = P21ODataFilter.numericKey(key.customerNumber());
            if (customer.isPresent() && P21ODataFilter.stringKey(key.sku())) {
                terms.add("(" + P21ODataFilter.eq("customer_id", customer.getAsLong()) + " and "
                        + P21ODataFilter.eq("item_id", key.sku()) + ")");
            }
        }
        if (terms.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, List<JsonNode>> rowsByPair = new HashMap<>();
        List<List<JsonNode>> answers = reads.each(P21ODataFilter.anyOf(terms, null, options.maxQueryLength()),
                chunk -> odata.view("prices", options.priceView(), chunk,
                        "customer_id,item_id,unit_price,quantity_break,price_page_uid," + options.listPriceColumn(),
                        "customer_id,item_id,quantity_break"));
        for (List<JsonNode> rows : answers) {
            for (JsonNode row : rows) {
                rowsByPair
                    .computeIfAbsent(row.path("customer_id").asLong() + "\u0000"
                            + row.path("item_id").asString("").toUpperCase(), pair -> new ArrayList<>())
                    .add(row);
            }
        }
        Map<PriceKey, ItemPrice> values = new HashMap<>();
        for (PriceKey key : keys) {
            OptionalLong customer = P21ODataFilter.numericKey(key.customerNumber());
            if (customer.isEmpty()) {
                continue;
            }
            List<JsonNode> rows = rowsByPair.getOrDefault(customer.getAsLong() + "\u0000" + key.sku().toUpperCase(),
                    List.of());
            mapping.price(key, rows).ifPresent(price -> values.put(key, price));
        }
        return ErpBatch.of(values);
    }

}
