package dev.erpgraph.erp.sap;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.PriceKey;
import tools.jackson.databind.JsonNode;

import static dev.erpgraph.erp.sap.SapReads.amount;
import static dev.erpgraph.erp.sap.SapReads.decimal;
import static dev.erpgraph.erp.sap.SapReads.optionalText;
import static dev.erpgraph.erp.sap.SapReads.strip;
import static dev.erpgraph.erp.sap.SapReads.text;

/**
 * A customer's price per material: the condition records valid today, read through
 * {@code A_SlsPrcgCndnRecdValidity} (the access keys live on the validity) with the
 * record expanded, then their quantity scales in a read of their own (a public client saw
 * the scale {@code $expand} come back empty). Of the condition types asked for, the
 * customer's own record (a customer condition table) wins over the material's (a list
 * condition table), which is also the list price; the scale line with the highest
 * quantity not above the asked quantity wins. See {@link SapConnector}.
 */
record SapPrices(SapReads reads, SapOptions.Pricing pricing, Clock clock) {

    static final String PRICE_SERVICE = "API_SLSPRICINGCONDITIONRECORD_SRV";

    static final String PRICE_VALIDITIES = PRICE_SERVICE + "/A_SlsPrcgCndnRecdValidity";

    static final String PRICE_SCALES = PRICE_SERVICE + "/A_SlsPrcgCndnRecordScale";

    /**
     * A condition record as read: its rate, currency and scale lines (quantity to rate,
     * ascending).
     */
    private record Condition(String record, String table, String customer, String material, BigDecimal rate,
            String currency, TreeMap<BigDecimal, BigDecimal> scales) {
    }

    ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        Map<PriceKey, String> customerOf = new LinkedHashMap<>();
        for (PriceKey key : keys) {
            String customer = SapODataFilter.numericKey(key.customerNumber());
            if (customer != null && SapReads.validMaterial(key.sku())) {
                customerOf.put(key, customer);
            }
        }
        if (customerOf.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, Condition> conditions = conditions(customerOf);
        // Customer tables key by customer and material, list tables by material alone;
        // a record of any other table (a price list, a region) is not used.
        Map<String, Condition> index = new HashMap<>();
        conditions.values().forEach(condition -> {
            if (pricing.customerTables().contains(condition.table()) && !condition.customer().isEmpty()) {
                index.put(condition.customer() + "|" + condition.material(), condition);
            }
            else if (pricing.listTables().contains(condition.table())) {
                index.put("|" + condition.material(), condition);
            }
        });
        Map<PriceKey, ItemPrice> values = new HashMap<>();
        customerOf.forEach((key, customer) -> {
            Condition list = index.get("|" + key.sku());
            Condition own = index.get(customer + "|" + key.sku());
            Condition applied = own != null ? own : list;
            if (applied != null) {
                values.put(key, price(key, applied, list));
            }
        });
        return ErpBatch.of(values);
    }

    /**
     * The valid condition records of these customers and materials, with their scales.
     */
    private Map<String, Condition> conditions(Map<PriceKey, String> customerOf) {
        Set<String> customers = new LinkedHashSet<>(customerOf.values());
        Set<String> materials = new LinkedHashSet<>();
        customerOf.keySet().forEach(key -> materials.add(key.sku()));
        String today = SapODataValues.dateTimeLiteral(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        String fixed = "("
                + String.join(" or ",
                        pricing.conditionTypes()
                            .stream()
                            .map(type -> "ConditionType eq " + SapODataFilter.literal(type))
                            .toList())
                + ") and ConditionValidityStartDate le " + today + " and ConditionValidityEndDate ge " + today;
        Map<String, Condition> conditions = new LinkedHashMap<>();
        // Two key sets: customers chunked to at most half the URL budget, materials into
        // what is left.
        int half = (reads.maxUrlLength() - reads.odata().url(PRICE_VALIDITIES).length()) / 2;
        List<String> queries = new ArrayList<>();
        for (List<String> customerChunk : SapODataFilter.chunk(customers, 0, half,
                chunk -> "(Customer eq '' or " + SapODataFilter.anyOf("Customer", chunk).substring(1))) {
            String customerFilter = "(Customer eq '' or "
                    + SapODataFilter.anyOf("Customer", customerChunk).substring(1);
            queries.addAll(reads.chunkedQueries(PRICE_VALIDITIES, "$expand=to_SlsPrcgConditionRecord", materials,
                    chunk -> fixed + " and " + customerFilter + " and " + SapODataFilter.anyOf("Material", chunk)));
        }
        for (JsonNode row : reads.readAll("prices", PRICE_VALIDITIES, queries)) {
            Condition condition = reads.parse(row, node -> {
                JsonNode record = node.path("to_SlsPrcgConditionRecord");
                String customer = optionalText(node, "Customer");
                String table = optionalText(node, "ConditionTable");
                return new Condition(text(node, "ConditionRecord"),
                        table != null ? table : optionalText(record, "ConditionTable"),
                        customer == null ? "" : customer, text(node, "Material"), decimal(record, "ConditionRateValue"),
                        text(record, "ConditionRateValueUnit"), new TreeMap<>());
            });
            conditions.put(condition.record(), condition);
        }
        if (!conditions.isEmpty()) {
            for (JsonNode row : reads.readChunked("prices", PRICE_SCALES, "", conditions.keySet(),
                    chunk -> SapODataFilter.anyOf("ConditionRecord", chunk))) {
                reads.parse(row, node -> {
                    Condition condition = conditions.get(text(node, "ConditionRecord"));
                    if (condition != null) {
                        condition.scales()
                            .put(decimal(node, "ConditionScaleQuantity"), decimal(node, "ConditionRateValue"));
                    }
                    return null;
                });
            }
        }
        return conditions;
    }

    private static ItemPrice price(PriceKey key, Condition applied, Condition list) {
        Map.Entry<BigDecimal, BigDecimal> scale = applied.scales().floorEntry(key.quantity());
        BigDecimal rate = scale == null ? applied.rate() : scale.getValue();
        List<PriceBreak> breaks = new ArrayList<>();
        applied.scales()
            .forEach((quantity, scaleRate) -> breaks
                .add(new PriceBreak(strip(quantity), new Money(amount(scaleRate), applied.currency()))));
        return new ItemPrice(key.sku(), key.quantity(), new Money(amount(rate), applied.currency()),
                list == null ? null : new Money(amount(list.rate()), list.currency()), breaks);
    }

}
