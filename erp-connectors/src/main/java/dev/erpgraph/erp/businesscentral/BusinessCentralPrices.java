package dev.erpgraph.erp.businesscentral;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;

/**
 * A customer's price per item: the items (list price, and which skus exist) and the
 * customer's price list lines from the custom price page [I], read side by side; the best
 * price is the lowest valid local-currency line whose minimum quantity is reached, else
 * the list price. See {@link BusinessCentralConnector}.
 */
record BusinessCentralPrices(BusinessCentralReads reads, String priceEntitySet, String localCurrency, Clock clock) {

    private record PriceLine(BigDecimal minimumQuantity, BigDecimal unitPrice) {
    }

    ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        List<PriceKey> asked = keys.stream()
            .filter(key -> BusinessCentralFilter.isCode(key.customerNumber())
                    && BusinessCentralFilter.isCode(key.sku()))
            .toList();
        if (asked.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Set<String> skus = asked.stream().map(PriceKey::sku).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Set<String>> skusByCustomer = new TreeMap<>();
        for (PriceKey key : asked) {
            skusByCustomer.computeIfAbsent(key.customerNumber(), customer -> new TreeSet<>()).add(key.sku());
        }
        // Neither read needs the other's answer: the lines of skus BC does not know are
        // dropped afterwards.
        List<String> itemPaths = reads.itemPaths(skus);
        List<String> linePaths = priceLinePaths(skusByCustomer);
        List<Supplier<List<JsonNode>>> requests = new ArrayList<>();
        itemPaths.forEach(itemPath -> requests.add(() -> reads.client().getAll("items", itemPath)));
        linePaths.forEach(linePath -> requests.add(() -> reads.client().getAll("prices", linePath)));
        List<List<JsonNode>> answers = reads.fanOut().all(requests);
        Map<String, BigDecimal> listPrices = reads
            .listPrices(BusinessCentralReads.concat(answers.subList(0, itemPaths.size())), skus);
        skusByCustomer.values().forEach(ofCustomer -> ofCustomer.retainAll(listPrices.keySet()));
        skusByCustomer.values().removeIf(Set::isEmpty);
        if (skusByCustomer.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, List<PriceLine>> lines = priceLines(
                BusinessCentralReads.concat(answers.subList(itemPaths.size(), answers.size())), skusByCustomer);
        Set<String> customersWithoutLines = new TreeSet<>(skusByCustomer.keySet());
        lines.keySet().forEach(customerAndSku -> customersWithoutLines.remove(customerAndSku.split("\u0000")[0]));
        Set<String> knownCustomers = new HashSet<>(skusByCustomer.keySet());
        knownCustomers.removeAll(customersWithoutLines);
        knownCustomers.addAll(reads.existingCustomers(customersWithoutLines));

        Map<PriceKey, ItemPrice> result = new HashMap<>();
        for (PriceKey key : asked) {
            BigDecimal listPrice = listPrices.get(key.sku());
            if (listPrice != null && knownCustomers.contains(key.customerNumber())) {
                result.put(key, price(key, listPrice,
                        lines.getOrDefault(key.customerNumber() + "\u0000" + key.sku(), List.of())));
            }
        }
        return ErpBatch.of(result);
    }

    private ItemPrice price(PriceKey key, BigDecimal listPrice, List<PriceLine> customerLines) {
        BigDecimal best = customerLines.stream()
            .filter(line -> line.minimumQuantity().compareTo(key.quantity()) <= 0)
            .map(PriceLine::unitPrice)
            .min(Comparator.naturalOrder())
            .orElse(listPrice);
        List<PriceBreak> breaks = customerLines.stream()
            .filter(line -> line.minimumQuantity().signum() > 0)
            .sorted(Comparator.comparing(PriceLine::minimumQuantity))
            .map(line -> new PriceBreak(line.minimumQuantity(), new Money(line.unitPrice(), localCurrency)))
            .toList();
        return new ItemPrice(key.sku(), key.quantity(), new Money(best, localCurrency),
                new Money(listPrice, localCurrency), breaks);
    }

    /** The paths reading the price lines of each customer's skus. */
    private List<String> priceLinePaths(Map<String, Set<String>> skusByCustomer) {
        List<String> clauses = new ArrayList<>();
        skusByCustomer.forEach((customer, skus) -> {
            List<String> items = skus.stream().map(sku -> BusinessCentralFilter.eq("assetNo", sku)).toList();
            clauses.add("(" + BusinessCentralFilter.eq("sourceNo", customer) + " and "
                    + (items.size() == 1 ? items.get(0) : "(" + String.join(" or ", items) + ")") + ")");
        });
        return reads.paths(clauses, filter -> reads.client()
            .customApi(priceEntitySet + "?$filter=" + QueryStrings.encode("sourceType eq 'Customer' and " + filter)));
    }

    /**
     * The valid local-currency price lines per customer and sku (key
     * {@code customer \0 sku}) among these rows.
     */
    private Map<String, List<PriceLine>> priceLines(List<JsonNode> rows, Map<String, Set<String>> skusByCustomer) {
        String systemId = reads.systemId();
        LocalDate today = LocalDate.now(clock);
        Map<String, List<PriceLine>> lines = new HashMap<>();
        for (JsonNode row : rows) {
            String customer = BusinessCentralFields.requiredText(row, "sourceNo", systemId);
            String sku = BusinessCentralFields.requiredText(row, "assetNo", systemId);
            Set<String> skus = skusByCustomer.get(customer);
            if (!"Customer".equals(BusinessCentralFields.text(row, "sourceType")) || skus == null || !skus.contains(sku)
                    || !isValid(row, today) || !localCurrency.equals(BusinessCentralOrders
                        .currency(BusinessCentralFields.text(row, "currencyCode"), localCurrency))) {
                continue;
            }
            BigDecimal minimum = BusinessCentralFields.decimal(row, "minimumQuantity", systemId);
            lines.computeIfAbsent(customer + "\u0000" + sku, key -> new ArrayList<>())
                .add(new PriceLine(minimum == null ? BigDecimal.ZERO : minimum,
                        BusinessCentralFields.requiredDecimal(row, "unitPrice", systemId)));
        }
        return lines;
    }

    private boolean isValid(JsonNode row, LocalDate today) {
        LocalDate starting = BusinessCentralFields.date(row, "startingDate", reads.systemId());
        LocalDate ending = BusinessCentralFields.date(row, "endingDate", reads.systemId());
        return (starting == null || !starting.isAfter(today)) && (ending == null || !ending.isBefore(today));
    }

}
