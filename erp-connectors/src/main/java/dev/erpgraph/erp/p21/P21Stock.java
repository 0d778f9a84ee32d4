package dev.erpgraph.erp.p21;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.StockLevel;
import tools.jackson.databind.JsonNode;

/**
 * Stock per item and location: the skus' {@code inv_mast_uid} from {@code inv_mast}, then
 * their {@code inv_loc} rows (one location when a warehouse is asked). See
 * {@link P21Connector}.
 */
record P21Stock(P21Reads reads, P21Options options, P21Mapping mapping) {

    ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        Map<String, Long> uids = itemUids(skus);
        if (uids.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, List<StockLevel>> values = new HashMap<>();
        uids.keySet().forEach(sku -> values.put(sku, new ArrayList<>()));
        OptionalLong location = warehouse == null ? OptionalLong.empty() : mapping.locations().locationId(warehouse);
        if (warehouse != null && location.isEmpty()) {
            // A warehouse P21 does not have stocks nothing; the items themselves are
            // known.
            return ErpBatch.of(values);
        }
        Map<Long, String> skuByUid = new HashMap<>();
        uids.forEach((sku, uid) -> skuByUid.put(uid, sku));
        String condition = location.isPresent() ? P21ODataFilter.eq("location_id", location.getAsLong()) : null;
        for (JsonNode row : reads.read("inventory", "inv_loc",
                P21Reads.terms("inv_mast_uid", new TreeSet<>(uids.values())), condition,
                "inv_mast_uid,location_id,qty_on_hand," + options.allocatedColumn(), "inv_mast_uid,location_id")) {
            String sku = skuByUid.get(row.path("inv_mast_uid").asLong());
            if (sku != null) {
                values.get(sku).add(mapping.stock(sku, row));
            }
        }
        return ErpBatch.of(values);
    }

    /** sku → {@code inv_mast_uid} for the skus P21 knows (one {@code inv_mast} read). */
    private Map<String, Long> itemUids(Set<String> skus) {
        List<String> terms = P21ODataFilter.eqTerms("item_id", skus);
        if (terms.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> uids = new HashMap<>();
        for (JsonNode row : reads.read("items", "inv_mast", terms, null, "inv_mast_uid,item_id", "item_id")) {
            String itemId = row.path("item_id").asString("");
            // SQL Server compares item ids case-insensitively; answer under the key the
            // caller used.
            skus.stream()
                .filter(sku -> sku.equalsIgnoreCase(itemId))
                .forEach(sku -> uids.put(sku, row.path("inv_mast_uid").asLong()));
        }
        return uids;
    }

}
