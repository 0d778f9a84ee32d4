package dev.erpgraph.erp.businesscentral;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A customer's price per item as Business Central's best-price calculation finds it:
 * every valid local-currency price list line that applies to the customer (a line of
 * source type {@code Customer} for it, {@code Customer Price Group} for its price group,
 * or {@code All Customers}) whose minimum quantity is reached, the lowest unit price
 * winning, else the item's list price; the breaks are the minimum quantities from which
 * that best price drops. Three reads side by side, one round trip: the items (list price,
 * and which skus exist), the customers' price groups from the custom customer-pricing
 * page [I] (which also says which customers exist), and the price list lines of the
 * custom price page [I]: the customers' own, and the group and all-customer lines of
 * these items (every group's: which group is whose is only known from the answer of the
 * read beside it). See {@link BusinessCentralConnector}.
 */
record BusinessCentralPrices(BusinessCentralReads reads, BusinessCentralOptions.PricePages pages, String localCurrency,
        Clock clock) {

    static final String CUSTOMER = "Customer";

    static final String PRICE_GROUP = "Customer Price Group";

    static final String ALL_CUSTOMERS = "All Customers";

    /**
     * A valid line: its source type, {@code sku \0 sourceNo}, minimum quantity and price.
     */
    private record PriceLine(String sourceType, String skuAndSource, BigDecimal minimumQuantity, BigDecimal unitPrice) {
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
        // No read needs another's answer: lines of skus, groups or customers BC does not
        // know are dropped afterwards.
        List<String> itemPaths = reads.itemPaths(skus);
        List<String> groupPaths = reads.paths("number", skusByCustomer.keySet(),
                filter -> reads.client()
                    .customApi(pages.customerPricingEntitySet() + "?$filter=" + QueryStrings.encode(filter)
                            + "&$select=" + QueryStrings.encode("number,customerPriceGroup")));
        List<String> linePaths = new ArrayList<>(customerLinePaths(skusByCustomer));
        linePaths.addAll(sharedLinePaths(skus));
        List<Supplier<List<JsonNode>>> requests = new ArrayList<>();
        itemPaths.forEach(path -> requests.add(() -> reads.client().getAll("items", path)));
        groupPaths.forEach(path -> requests.add(() -> reads.client().getAll("customers", path)));
        linePaths.forEach(path -> requests.add(() -> reads.client().getAll("prices", path)));
        List<List<JsonNode>> answers = reads.fanOut().all(requests);
        int groupsFrom = itemPaths.size();
        int linesFrom = groupsFrom + groupPaths.size();
        Map<String, BigDecimal> listPrices = reads
            .listPrices(BusinessCentralReads.concat(answers.subList(0, groupsFrom)), skus);
        Map<String, String> groupOf = priceGroups(BusinessCentralReads.concat(answers.subList(groupsFrom, linesFrom)),
                skusByCustomer.keySet());
        List<PriceLine> lines = priceLines(BusinessCentralReads.concat(answers.subList(linesFrom, answers.size())),
                skus);

        Map<PriceKey, ItemPrice> result = new HashMap<>();
        for (PriceKey key : asked) {
            BigDecimal listPrice = listPrices.get(key.sku());
            String customer = key.customerNumber();
            if (listPrice != null && groupOf.containsKey(customer)) {
                String group = groupOf.get(customer);
                List<PriceLine> applying = lines.stream()
                    .filter(line -> line.skuAndSource().equals(key.sku() + "\u0000" + sourceOf(line, customer, group)))
                    .toList();
                result.put(key, price(key, listPrice, applying));
            }
        }
        return ErpBatch.of(result);
    }

    /**
     * Which source a line must name to apply to this customer: its own number, its price
     * group (none: nothing matches), or nothing for all customers.
     */
    private static String sourceOf(PriceLine line, String customer, String group) {
        return switch (line.sourceType()) {
            case CUSTOMER -> customer;
            case PRICE_GROUP -> group.isEmpty() ? "\u0001" : group;
            default -> "";
        };
    }

    /**
     * The best price at the key's quantity, and the breaks: each minimum quantity at
     * which the best price of the applying lines (and the list price) drops.
     */
    private ItemPrice price(PriceKey key, BigDecimal listPrice, List<PriceLine> applying) {
        TreeMap<BigDecimal, BigDecimal> lowestFrom = new TreeMap<>();
        for (PriceLine line : applying) {
            lowestFrom.merge(line.minimumQuantity(), line.unitPrice(), BigDecimal::min);
        }
        List<PriceBreak> breaks = new ArrayList<>();
        BigDecimal best = listPrice;
        BigDecimal atQuantity = listPrice;
        for (Map.Entry<BigDecimal, BigDecimal> step : lowestFrom.entrySet()) {
            if (step.getValue().compareTo(best) < 0) {
                best = step.getValue();
                if (step.getKey().signum() > 0) {
                    breaks.add(new PriceBreak(step.getKey(), new Money(best, localCurrency)));
                }
            }
            if (step.getKey().compareTo(key.quantity()) <= 0) {
                atQuantity = best;
            }
        }
        return new ItemPrice(key.sku(), key.quantity(), new Money(atQuantity, localCurrency),
                new Money(listPrice, localCurrency), breaks);
    }

    /** The paths reading each customer's own lines of its skus. */
    private List<String> customerLinePaths(Map<String, Set<String>> skusByCustomer) {
        List<String> clauses = new ArrayList<>();
        skusByCustomer.forEach((customer, skus) -> {
            List<String> items = skus.stream().map(sku -> BusinessCentralFilter.eq("assetNo", sku)).toList();
            clauses.add("(" + BusinessCentralFilter.eq("sourceNo", customer) + " and "
                    + (items.size() == 1 ? items.get(0) : "(" + String.join(" or ", items) + ")") + ")");
        });
        return reads.paths(clauses, filter -> reads.client()
            .customApi(pages.priceEntitySet() + "?$filter="
                    + QueryStrings.encode(BusinessCentralFilter.eq("sourceType", CUSTOMER) + " and " + filter)));
    }

    /** The paths reading the price-group and all-customer lines of these skus. */
    private List<String> sharedLinePaths(Set<String> skus) {
        List<String> clauses = skus.stream().map(sku -> BusinessCentralFilter.eq("assetNo", sku)).toList();
        String shared = "(" + BusinessCentralFilter.eq("sourceType", PRICE_GROUP) + " or "
                + BusinessCentralFilter.eq("sourceType", ALL_CUSTOMERS) + ") and ";
        return reads.paths(clauses, filter -> reads.client()
            .customApi(pages.priceEntitySet() + "?$filter=" + QueryStrings.encode(shared + "(" + filter + ")")));
    }

    /** Each known customer's price group ("" for none). */
    private Map<String, String> priceGroups(List<JsonNode> rows, Set<String> customers) {
        Map<String, String> groups = new HashMap<>();
        for (JsonNode row : rows) {
            String number = BusinessCentralFields.requiredText(row, "number", reads.systemId());
            if (customers.contains(number)) {
                String group = BusinessCentralFields.text(row, "customerPriceGroup");
                groups.put(number, group == null ? "" : group.trim());
            }
        }
        return groups;
    }

    /**
     * The valid local-currency lines of these skus, each keyed {@code sku \0 sourceNo} so
     * that a key's lines are found by one comparison.
     */
    private List<PriceLine> priceLines(List<JsonNode> rows, Set<String> skus) {
        String systemId = reads.systemId();
        LocalDate today = LocalDate.now(clock);
        List<PriceLine> lines = new ArrayList<>();
        for (JsonNode row : rows) {
            String sourceType = BusinessCentralFields.text(row, "sourceType");
            String sku = BusinessCentralFields.requiredText(row, "assetNo", systemId);
            if (!(CUSTOMER.equals(sourceType) || PRICE_GROUP.equals(sourceType) || ALL_CUSTOMERS.equals(sourceType))
                    || !skus.contains(sku) || !isValid(row, today) || !localCurrency.equals(BusinessCentralOrders
                        .currency(BusinessCentralFields.text(row, "currencyCode"), localCurrency))) {
                continue;
            }
            String sourceNo = ALL_CUSTOMERS.equals(sourceType) ? ""
                    : BusinessCentralFields.requiredText(row, "sourceNo", systemId);
            BigDecimal minimum = BusinessCentralFields.decimal(row, "minimumQuantity", systemId);
            lines.add(new PriceLine(sourceType, sku + "\u0000" + sourceNo, minimum == null ? BigDecimal.ZERO : minimum,
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
