package dev.erpgraph.sandbox.netsuite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.erpgraph.sandbox.DistributorDataSet.Customer;
import dev.erpgraph.sandbox.DistributorDataSet.Item;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.DistributorDataSet.OrderLine;
import dev.erpgraph.sandbox.DistributorDataSet.QuantityBreak;
import dev.erpgraph.sandbox.DistributorDataSet.Stock;
import dev.erpgraph.sandbox.DistributorDataSet.Warehouse;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Kind;
import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Listed;

/**
 * The SuiteQL tables a sandbox serves, rendered from its {@link DistributorDataSet} on
 * each query (the data set changes through the admin API and creates). Names follow
 * SuiteQL: {@code transaction}, {@code transactionline} (sales lines stored NEGATIVE, a
 * {@code mainline = 'T'} header line per order), {@code item}, {@code location} (name =
 * warehouse code), {@code currency}, {@code inventoryitemlocations}, {@code pricing}
 * (base price level 1 with quantity tiers, first tier at quantity 0),
 * {@code pricingwithcustomers} (the customer's effective tiers) and {@code customer}.
 * List and record columns are {@link Listed}: their internal id, with {@code BUILTIN.DF}
 * text.
 */
final class NetSuiteSandboxTables implements SuiteQlExecutor.Tables {

    static final int ITEM_ID_BASE = 2001;
    static final long BASE_PRICE_LEVEL = 1;
    static final Listed USD = new Listed(1L, "US Dollar");

    private static final Map<String, Listed> TERMS = Map.of("NET30", new Listed(2L, "Net 30"), "NET45",
            new Listed(3L, "Net 45"), "NET60", new Listed(4L, "Net 60"), "2%10NET30", new Listed(5L, "2% 10 Net 30"));

    private final DistributorDataSet data;

    private final NetSuiteSandboxErp erp;

    private final Map<String, Long> itemIds = new HashMap<>();

    private final Map<Long, String> skus = new HashMap<>();

    private final Map<String, Integer> externalIds = new ConcurrentHashMap<>();

    private final Map<Integer, String> externalIdOf = new ConcurrentHashMap<>();

    private final NetSuiteSandboxDocuments documents;

    NetSuiteSandboxTables(DistributorDataSet data, NetSuiteSandboxErp erp) {
        this.data = data;
        this.erp = erp;
        long id = ITEM_ID_BASE;
        for (Item item : data.items()) {
            itemIds.put(item.sku(), id);
            skus.put(id, item.sku());
            id++;
        }
        this.documents = new NetSuiteSandboxDocuments(data, erp, this::customerRef,
                sku -> new Listed(itemIds.get(sku), sku));
    }

    DistributorDataSet data() {
        return data;
    }

    Optional<String> sku(String itemId) {
        try {
            return Optional.ofNullable(skus.get(Long.parseLong(itemId)));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** The warehouse code of a location internal id (1..5). */
    Optional<String> warehouse(String locationId) {
        List<Warehouse> warehouses = data.warehouses();
        for (int i = 0; i < warehouses.size(); i++) {
            if (String.valueOf(i + 1).equals(locationId)) {
                return Optional.of(warehouses.get(i).code());
            }
        }
        return Optional.empty();
    }

    /**
     * The order already created under this external id (NetSuite keeps external ids
     * unique per record type).
     */
    OptionalInt orderOfExternalId(String externalId) {
        Integer sequence = externalIds.get(externalId);
        return sequence == null ? OptionalInt.empty() : OptionalInt.of(sequence);
    }

    void externalId(String externalId, int sequence) {
        externalIds.put(externalId, sequence);
        externalIdOf.put(sequence, externalId);
    }

    @Override
    public Map<String, Kind> columns(String table) {
        return NetSuiteSandboxColumns.COLUMNS.get(table);
    }

    @Override
    public List<Map<String, Object>> rows(String table, Map<String, Set<String>> hints, Map<String, Set<String>> only) {
        return switch (table) {
            case "transaction" -> transactionRows(hints, only);
            case "transactionline" -> lines(hints, only);
            case "previoustransactionlinelink" -> documents.links(hints, only);
            case "item" -> items(only);
            case "location" -> locations();
            case "currency" -> List.of(row("id", 1L, "symbol", "USD", "name", "US Dollar"));
            case "inventoryitemlocations" -> inventory(only);
            case "pricing" -> pricing(only);
            case "pricingwithcustomers" -> customerPricing(hints, only);
            case "customer" -> customers(hints, only);
            default -> List.of();
        };
    }

    /**
     * Whether a row may be left out: {@code only} names the keys of {@code column} that
     * matter, and not this one.
     */
    private static boolean unwanted(Map<String, Set<String>> only, String column, Object value) {
        Set<String> keys = only.get(column);
        return keys != null && !keys.contains(SuiteQlNarrowing.key(value));
    }

    /**
     * Orders narrowed by the WHERE's {@code id}, {@code tranid} or {@code entity}
     * constraints, else all.
     */
    private List<Order> orders(Map<String, Set<String>> hints) {
        Set<Integer> sequences = new TreeSet<>();
        if (hints.containsKey("id")) {
            hints.get("id").forEach(id -> NetSuiteSandboxErp.orderSequenceOfId(id).ifPresent(sequences::add));
        }
        else if (hints.containsKey("tranid")) {
            hints.get("tranid").forEach(number -> erp.orderSequence(number).ifPresent(sequences::add));
        }
        else if (hints.containsKey("externalid")) {
            hints.get("externalid").forEach(id -> orderOfExternalId(id).ifPresent(sequences::add));
        }
        else if (hints.containsKey("entity")) {
            List<Order> orders = new ArrayList<>();
            hints.get("entity")
                .forEach(customer -> erp.customerIndex(customer)
                    .ifPresent(index -> orders.addAll(data.ordersOf(index))));
            return orders;
        }
        else {
            for (int sequence = 1; data.order(sequence).isPresent(); sequence++) {
                sequences.add(sequence);
            }
        }
        List<Order> orders = new ArrayList<>();
        sequences.forEach(sequence -> data.order(sequence).ifPresent(orders::add));
        return orders;
    }

    /**
     * Sales orders (unless the statement wants another type, or documents created from
     * orders) and the orders' fulfillments and invoices
     * ({@link NetSuiteSandboxDocuments}).
     */
    private List<Map<String, Object>> transactionRows(Map<String, Set<String>> hints, Map<String, Set<String>> only) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (NetSuiteSandboxDocuments.admits(hints.get("type"), "SalesOrd") && !only.containsKey("createdfrom")
                && !hints.containsKey("createdfrom")) {
            Map<String, Set<String>> narrowed = hints;
            if (!hints.containsKey("id") && only.containsKey("id")) {
                narrowed = Map.of("id", only.get("id"));
            }
            rows.addAll(transactions(orders(narrowed)));
        }
        rows.addAll(documents.transactions(hints, only));
        return rows;
    }

    private List<Map<String, Object>> transactions(List<Order> orders) {
        List<Map<String, Object>> rows = new ArrayList<>(orders.size());
        for (Order order : orders) {
            Map<String, Object> row = row("id", NetSuiteSandboxErp.orderId(order.sequence()), "tranid",
                    erp.orderNumber(order.sequence()), "type", new Listed("SalesOrd", "Sales Order"), "entity",
                    customerRef(order.customerIndex()), "trandate", order.orderDate(), "shipdate",
                    order.requestedDate(), "status", NetSuiteSandboxErp.status(order), "currency", USD, "foreigntotal",
                    order.total(), "otherrefnum", order.customerPo());
            row.put("externalid", externalIdOf.get(order.sequence()));
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, Object>> lines(Map<String, Set<String>> hints, Map<String, Set<String>> only) {
        Set<String> transactions = hints.get("transaction");
        if (only.containsKey("transaction")) {
            transactions = new HashSet<>(only.get("transaction"));
            if (hints.containsKey("transaction")) {
                transactions.retainAll(hints.get("transaction"));
            }
        }
        List<Order> orders = orders(transactions == null ? Map.of() : Map.of("id", transactions));
        List<Map<String, Object>> rows = new ArrayList<>(
                transactions == null ? List.of() : documents.lines(transactions));
        for (Order order : orders) {
            long orderId = NetSuiteSandboxErp.orderId(order.sequence());
            rows.add(row("id", 0L, "transaction", orderId, "linesequencenumber", 0L, "mainline", "T", "netamount",
                    order.total().negate()));
            for (OrderLine line : order.lines()) {
                rows.add(row("id", (long) line.lineNumber(), "transaction", orderId, "linesequencenumber",
                        (long) line.lineNumber(), "mainline", "F", "item",
                        new Listed(itemIds.get(line.sku()), line.sku()), "memo", line.description(),
                        // Sales lines are stored negative in NetSuite; what was fulfilled
                        // is not.
                        "quantity", line.quantity().negate(), "quantityshiprecv", line.shippedQuantity(), "rate",
                        line.unitPrice(), "netamount", line.amount().negate(), "location", location(line.warehouse())));
            }
        }
        return rows;
    }

    private List<Map<String, Object>> items(Map<String, Set<String>> only) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Item item : data.items()) {
            if (unwanted(only, "id", itemIds.get(item.sku())) || unwanted(only, "itemid", item.sku())) {
                continue;
            }
            rows.add(row("id", itemIds.get(item.sku()), "itemid", item.sku(), "displayname", item.description(),
                    "itemtype", new Listed("InvtPart", "Inventory Item"), "isinactive", "F"));
        }
        return rows;
    }

    private List<Map<String, Object>> locations() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Warehouse> warehouses = data.warehouses();
        for (int i = 0; i < warehouses.size(); i++) {
            rows.add(row("id", (long) i + 1, "name", warehouses.get(i).code(), "fullname", warehouses.get(i).code(),
                    "isinactive", "F"));
        }
        return rows;
    }

    private Listed location(String code) {
        List<Warehouse> warehouses = data.warehouses();
        for (int i = 0; i < warehouses.size(); i++) {
            if (warehouses.get(i).code().equals(code)) {
                return new Listed((long) i + 1, code);
            }
        }
        return null;
    }

    private List<Map<String, Object>> inventory(Map<String, Set<String>> only) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Item item : data.items()) {
            if (unwanted(only, "item", itemIds.get(item.sku()))) {
                continue;
            }
            for (Stock stock : data.stock(item.sku())) {
                rows.add(row("item", new Listed(itemIds.get(item.sku()), item.sku()), "location",
                        location(stock.warehouse()), "quantityonhand", stock.onHand(), "quantityavailable",
                        stock.available(), "quantitycommitted", stock.allocated(), "quantityonorder", BigDecimal.ZERO,
                        "quantitybackordered", BigDecimal.ZERO));
            }
        }
        return rows;
    }

    private List<Map<String, Object>> pricing(Map<String, Set<String>> only) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Listed level = new Listed(BASE_PRICE_LEVEL, "Base Price");
        for (Item listed : data.items()) {
            if (unwanted(only, "item", itemIds.get(listed.sku()))) {
                continue;
            }
            Item item = data.item(listed.sku()).orElseThrow();
            Listed itemRef = new Listed(itemIds.get(item.sku()), item.sku());
            rows.add(row("item", itemRef, "pricelevel", level, "currency", USD, "quantity", BigDecimal.ZERO,
                    "unitprice", item.listPrice()));
            for (QuantityBreak level2 : item.breaks()) {
                rows.add(row("item", itemRef, "pricelevel", level, "currency", USD, "quantity",
                        level2.minimumQuantity(), "unitprice",
                        DistributorDataSet.discounted(item.listPrice(), level2.discountPercent())));
            }
        }
        return rows;
    }

    private List<Map<String, Object>> customerPricing(Map<String, Set<String>> hints, Map<String, Set<String>> only) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Listed level = new Listed(-1L, "Custom");
        for (int index : customerIndexes(hints.get("customer"))) {
            if (unwanted(only, "customer", (long) NetSuiteSandboxErp.CUSTOMER_ID_BASE + index)) {
                continue;
            }
            Customer customer = data.customer(index).orElseThrow();
            Listed customerRef = customerRef(index);
            for (Item listed : data.items()) {
                if (unwanted(only, "item", itemIds.get(listed.sku()))) {
                    continue;
                }
                Item item = data.item(listed.sku()).orElseThrow();
                Listed itemRef = new Listed(itemIds.get(item.sku()), item.sku());
                BigDecimal price = data.customerPrice(customer, item);
                rows.add(row("customer", customerRef, "item", itemRef, "pricelevel", level, "currency", USD, "quantity",
                        BigDecimal.ZERO, "unitprice", price));
                for (QuantityBreak tier : item.breaks()) {
                    rows.add(row("customer", customerRef, "item", itemRef, "pricelevel", level, "currency", USD,
                            "quantity", tier.minimumQuantity(), "unitprice",
                            DistributorDataSet.discounted(price, tier.discountPercent())));
                }
            }
        }
        return rows;
    }

    private List<Map<String, Object>> customers(Map<String, Set<String>> hints, Map<String, Set<String>> only) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int index : customerIndexes(hints.get("id"))) {
            if (unwanted(only, "id", (long) NetSuiteSandboxErp.CUSTOMER_ID_BASE + index)) {
                continue;
            }
            Customer customer = data.customer(index).orElseThrow();
            rows.add(row("id", (long) NetSuiteSandboxErp.CUSTOMER_ID_BASE + index, "entityid",
                    "CUST" + erp.customerNumber(index), "companyname", customer.name(), "creditlimit",
                    customer.creditLimit(), "balancesearch", customer.balance(), "oncredithold",
                    customer.onHold() ? "T" : "F", "creditholdoverride",
                    new Listed(customer.onHold() ? "ON" : "AUTO", customer.onHold() ? "On" : "Auto"), "terms",
                    TERMS.get(customer.paymentTerms()), "currency", USD));
        }
        return rows;
    }

    private List<Integer> customerIndexes(Set<String> hinted) {
        List<Integer> indexes = new ArrayList<>();
        if (hinted == null) {
            for (int i = 0; i < data.customerCount(); i++) {
                indexes.add(i);
            }
        }
        else {
            new TreeSet<>(hinted).forEach(number -> erp.customerIndex(number).ifPresent(indexes::add));
        }
        return indexes;
    }

    private Listed customerRef(int index) {
        return new Listed((long) NetSuiteSandboxErp.CUSTOMER_ID_BASE + index,
                data.customer(index).map(Customer::name).orElse(""));
    }

    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

}
