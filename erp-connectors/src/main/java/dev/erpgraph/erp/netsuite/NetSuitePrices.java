package dev.erpgraph.erp.netsuite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.PriceKey;
import tools.jackson.databind.JsonNode;

/**
 * A customer's price per item: one statement on {@code pricingwithcustomers} (the
 * customer's tiers; {@code quantity} is where a tier starts) joined to the base price
 * level of {@code pricing} for the list price. See {@link NetSuiteConnector}.
 */
record NetSuitePrices(NetSuiteReads reads, SuiteQlRows rows) {

    ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        Set<String> customers = new TreeSet<>();
        Set<String> skus = new TreeSet<>();
        for (PriceKey key : keys) {
            if (SuiteQl.internalId(key.customerNumber()).isPresent() && SuiteQl.quotable(key.sku())) {
                customers.add(key.customerNumber());
                skus.add(key.sku());
            }
        }
        List<String> statements = new ArrayList<>();
        for (List<String> customerChunk : SuiteQl.chunks(customers)) {
            for (List<String> skuChunk : SuiteQl.chunks(skus)) {
                statements.add("SELECT p.customer, i.itemid, p.quantity, p.unitprice, base.unitprice AS listprice,"
                        + " cur." + reads.currencyCode() + " AS currency" + " FROM " + reads.customerPriceTable()
                        + " p JOIN item i ON i.id = p.item" + " JOIN currency cur ON cur.id = p.currency"
                        + " LEFT JOIN pricing base ON base.item = p.item AND base.pricelevel = "
                        + reads.basePriceLevel() + " AND base.currency = p.currency AND base.quantity = 0"
                        + " WHERE p.customer IN " + SuiteQl.idList(customerChunk) + " AND i.itemid IN "
                        + SuiteQl.stringList(skuChunk) + " ORDER BY p.customer, p.item, p.quantity");
            }
        }
        // customer -> sku -> tiers ordered by starting quantity
        Map<String, Map<String, List<JsonNode>>> tiers = new HashMap<>();
        for (JsonNode row : reads.query("prices", statements)) {
            tiers.computeIfAbsent(rows.required(row, "customer"), key -> new HashMap<>())
                .computeIfAbsent(rows.required(row, "itemid"), key -> new ArrayList<>())
                .add(row);
        }
        Map<PriceKey, List<JsonNode>> ladders = new LinkedHashMap<>();
        for (PriceKey key : keys) {
            List<JsonNode> ladder = tiers.getOrDefault(key.customerNumber(), Map.of()).get(key.sku());
            if (ladder != null && !ladder.isEmpty()) {
                ladders.put(key, ladder);
            }
        }
        return ErpBatch.eachKey(ladders, this::price);
    }

    /**
     * The tier whose starting quantity is the largest not above the key's quantity;
     * breaks are the tiers above 0.
     */
    private ItemPrice price(PriceKey key, List<JsonNode> ladder) {
        String currency = rows.required(ladder.get(0), "currency");
        Money unitPrice = null;
        List<PriceBreak> breaks = new ArrayList<>();
        for (JsonNode tier : ladder) {
            BigDecimal from = rows.decimal(tier, "quantity");
            Money price = new Money(SuiteQlRows.amount(rows.decimal(tier, "unitprice")), currency);
            if (from.signum() > 0) {
                breaks.add(new PriceBreak(from, price));
            }
            if (from.compareTo(key.quantity()) <= 0) {
                unitPrice = price;
            }
        }
        if (unitPrice == null) {
            throw ErpException.badResponse(rows.systemId(),
                    "no price tier of " + key.sku() + " starts at or below " + key.quantity().toPlainString(), null);
        }
        BigDecimal list = rows.optionalDecimal(ladder.get(0), "listprice");
        return new ItemPrice(key.sku(), key.quantity(), unitPrice,
                list == null ? null : new Money(SuiteQlRows.amount(list), currency), breaks);
    }

}
