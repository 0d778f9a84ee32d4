package dev.erpgraph.erp.p21;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.RequestFanOut;
import tools.jackson.databind.JsonNode;

/**
 * The Epicor Prophet 21 connector: reads through P21's read-only OData service, writes
 * through its Transaction API, authenticates with a bearer token from
 * {@code /api/security/token/v2} (see {@link P21TokenClient}).
 *
 * <p>
 * <b>Requests per batch</b> (each may be cut into a few chunks when the {@code or}-chain
 * would pass the query-string limit, see {@link P21ODataFilter}, sent side by side, at
 * most {@code maxParallelRequests} at once; and each follows {@code $top}/{@code $skip}
 * paging):
 * <ul>
 * <li>orders: one {@code oe_hdr} read for all customers
 * ({@code customer_id eq 100198 or ...}, with the status and date filter pushed down
 * where P21's flags allow), then one {@code oe_line} read for the orders kept
 * ({@code order_no eq '1013938' or ...}), then one {@code inv_mast} read mapping the
 * lines' {@code inv_mast_uid} to {@code item_id} (the sku) and {@code item_desc}. P21
 * cannot limit per customer, so the newest {@code limit} per customer are chosen from the
 * headers before lines are read;</li>
 * <li>stock: one {@code inv_mast} read (sku → {@code inv_mast_uid}), one {@code inv_loc}
 * read;</li>
 * <li>prices: one read of the price view (below);</li>
 * <li>credit: one {@code customer} read;</li>
 * <li>create: one {@code oe_hdr} read (same customer and PO already entered?), the router
 * once per connector, one transaction.</li>
 * </ul>
 *
 * <p>
 * <b>Keys.</b> P21 customer ids are numbers: a customer number that is not all digits is
 * answered as unknown without being sent. Order numbers and skus are strings and are
 * quoted with quotes doubled. A numeric customer without orders and a customer P21 does
 * not know both get an empty order list (one {@code oe_hdr} read cannot tell them apart;
 * {@link #credit} can).
 *
 * <p>
 * <b>Status mapping</b>: see {@link P21Mapping} (header flags {@code cancel_flag},
 * {@code delete_flag}, {@code completed}, the hold flag {@code approved}, then line
 * quantities). Push-down: when every status asked for is one of OPEN, PARTIALLY_SHIPPED,
 * SHIPPED, ON_HOLD the read asks only for
 * {@code completed eq 'N' and cancel_flag eq 'N' and delete_flag eq 'N'} (plus the hold
 * flag for ON_HOLD alone); INVOICED and CANCELLED may also follow from line quantities,
 * so they are filtered after reading. {@code since} becomes
 * {@code order_date ge 2026-01-01} (a literal: P21 does not support {@code now()}).
 *
 * <p>
 * <b>Prices.</b> P21 has no price endpoint: its pricing engine works over
 * {@code price_page}, {@code price_book}, {@code price_library} and
 * {@code price_page_x_book} and is only reachable through the order-entry screens. A
 * deployment provides prices as an OData <i>view</i>
 * ({@code /odataservice/odata/view/{priceView}}, default
 * {@code p21_view_customer_item_price}): either a custom SQL view over the price tables
 * published to the OData service, or a middleware endpoint that computes the rows with
 * the Interactive API and serves the same shape. One row per customer × item × quantity
 * break: {@code item_id, customer_id, unit_price, quantity_break, price_page_uid} and the
 * list price column (option {@code listPriceColumn}: {@code list_price} by default,
 * {@code price1} where it comes from {@code inv_mast}).
 *
 * <p>
 * <b>Errors.</b> OData's {@code {"error":{"code","message"}}}, the token endpoint's
 * {@code {"error","error_description"}} and the Transaction API's {@code Messages[]}
 * become the {@code erpMessage}; status codes map as in
 * {@link dev.erpgraph.erp.http.ErpHttpResponse#failure}. A failing request fails the
 * whole batch (it is the ERP failing, not a key); unknown keys never fail the others.
 *
 * <p>
 * <b>Options</b> ({@code erp.systems.<id>.options}): the column, view and location names
 * and limits of {@link P21Options}; {@code maxParallelRequests} (default 4: a batch makes
 * only a few query-string chunks, and four at once overlap them without crowding the IIS
 * middleware other P21 clients share).
 */
public final class P21Connector implements ErpConnector {

    private static final String ORDERS_NEWEST_FIRST = "order_date desc,order_no desc";

    private static final Set<OrderStatus> UNCOMPLETED = EnumSet.of(OrderStatus.OPEN, OrderStatus.PARTIALLY_SHIPPED,
            OrderStatus.SHIPPED, OrderStatus.ON_HOLD);

    /** See the class Javadoc's options. */
    private static final int DEFAULT_MAX_PARALLEL_REQUESTS = 4;

    private final ConnectorSettings settings;

    private final P21Options options;

    private final P21ODataClient odata;

    private final P21Mapping mapping;

    private final P21TransactionClient transactions;

    private final RequestFanOut fanOut;

    public P21Connector(ConnectorSettings settings, ErpHttpClient http) {
        this(settings, http, Clock.systemDefaultZone());
    }

    P21Connector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = P21Options.of(settings);
        this.odata = new P21ODataClient(http, new P21TokenClient(http, settings, clock), options.pageSize());
        this.mapping = new P21Mapping(settings.systemId(), options);
        this.transactions = new P21TransactionClient(odata, options, settings.systemId(), clock);
        this.fanOut = RequestFanOut.of(settings, DEFAULT_MAX_PARALLEL_REQUESTS);
    }

    @Override
    public String systemId() {
        return settings.systemId();
    }

    @Override
    public ErpKind kind() {
        return ErpKind.EPICOR_P21;
    }

    @Override
    public Set<ErpCapability> capabilities() {
        return EnumSet.of(ErpCapability.PRICE_BREAKS, ErpCapability.PER_WAREHOUSE_STOCK,
                ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE);
    }

    // ---- orders

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        Map<Long, List<String>> keysById = numericKeys(customerNumbers);
        if (keysById.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        List<String> conditions = new ArrayList<>();
        statusCondition(query.statuses()).ifPresent(conditions::add);
        if (query.since() != null) {
            conditions.add("order_date ge " + P21ODataFilter.literal(query.since()));
        }
        List<JsonNode> headers = read("orders", "oe_hdr", terms("customer_id", keysById.keySet()),
                conditions.isEmpty() ? null : String.join(" and ", conditions), headerSelect(), ORDERS_NEWEST_FIRST);

        Map<Long, List<JsonNode>> candidates = new LinkedHashMap<>();
        for (JsonNode header : newestFirst(headers)) {
            long customerId = header.path("customer_id").asLong();
            Optional<OrderStatus> decided = mapping.headerStatus(header);
            if (!query.statuses().isEmpty() && decided.isPresent() && !query.statuses().contains(decided.get())) {
                continue;
            }
            List<JsonNode> list = candidates.computeIfAbsent(customerId, id -> new ArrayList<>());
            // Without a status filter every order counts, so only the newest `limit` need
            // their lines.
            if (!query.statuses().isEmpty() || list.size() < query.limit()) {
                list.add(header);
            }
        }
        List<SalesOrder> orders = withLines(candidates.values().stream().flatMap(List::stream).toList());

        // Already newest first (by order time and number): the stable sort by date keeps
        // that order.
        Map<String, List<SalesOrder>> byCustomer = query.newestPerCustomer(orders, OrderQuery.NEWEST_DATE_FIRST);
        Map<String, List<SalesOrder>> values = new HashMap<>();
        keysById.forEach((id, keys) -> keys
            .forEach(key -> values.put(key, byCustomer.getOrDefault(String.valueOf(id), List.of()))));
        return ErpBatch.of(values);
    }

    @Override
    public ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers) {
        List<String> terms = orderNumbers.stream()
            .filter(P21ODataFilter::stringKey)
            .sorted()
            .map(number -> P21ODataFilter.eq("order_no", number))
            .toList();
        if (terms.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        List<JsonNode> headers = read("orders", "oe_hdr", terms, null, headerSelect(), "order_no");
        Map<String, SalesOrder> values = new HashMap<>();
        for (SalesOrder order : withLines(headers)) {
            if (orderNumbers.contains(order.number())) {
                values.put(order.number(), order);
            }
        }
        return ErpBatch.of(values);
    }

    /**
     * The orders of these headers, in the headers' order, with their lines and items (two
     * reads).
     */
    private List<SalesOrder> withLines(List<JsonNode> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Set<String> numbers = new TreeSet<>();
        headers.forEach(header -> numbers.add(header.path("order_no").asString()));
        List<JsonNode> lines = read("order-lines", "oe_line",
                numbers.stream().map(number -> P21ODataFilter.eq("order_no", number)).toList(), null,
                "order_no,line_no,inv_mast_uid,qty_ordered,qty_invoiced,qty_canceled," + options.shippedColumn()
                        + ",unit_price,extended_price,unit_size," + options.lineLocationColumn()
                        + ",cancel_flag,delete_flag",
                "order_no,line_no");
        Map<String, List<JsonNode>> linesByOrder = new HashMap<>();
        Set<Long> uids = new TreeSet<>();
        for (JsonNode line : lines) {
            if ("Y".equalsIgnoreCase(line.path("delete_flag").asString(""))) {
                continue;
            }
            linesByOrder.computeIfAbsent(line.path("order_no").asString(), number -> new ArrayList<>()).add(line);
            uids.add(line.path("inv_mast_uid").asLong());
        }
        Map<Long, P21Mapping.Item> items = new HashMap<>();
        if (!uids.isEmpty()) {
            for (JsonNode row : read("items", "inv_mast", terms("inv_mast_uid", uids), null,
                    "inv_mast_uid,item_id,item_desc", "inv_mast_uid")) {
                P21Mapping.Item item = mapping.item(row);
                items.put(item.uid(), item);
            }
        }
        List<SalesOrder> orders = new ArrayList<>(headers.size());
        for (JsonNode header : headers) {
            orders.add(mapping.order(header, linesByOrder.getOrDefault(header.path("order_no").asString(), List.of()),
                    items));
        }
        return orders;
    }

    private String headerSelect() {
        return "order_no,customer_id,order_date,requested_date,po_no,completed,cancel_flag,delete_flag,"
                + options.orderHoldColumn();
    }

    private Optional<String> statusCondition(Set<OrderStatus> statuses) {
        if (statuses.isEmpty() || !UNCOMPLETED.containsAll(statuses)) {
            return Optional.empty();
        }
        String condition = "completed eq 'N' and cancel_flag eq 'N' and delete_flag eq 'N'";
        if (statuses.equals(Set.of(OrderStatus.ON_HOLD))) {
            condition += " and " + P21ODataFilter.eq(options.orderHoldColumn(), options.orderHoldValue());
        }
        return Optional.of(condition);
    }

    private static List<JsonNode> newestFirst(List<JsonNode> headers) {
        List<JsonNode> sorted = new ArrayList<>(headers);
        sorted.sort(Comparator.<JsonNode, String>comparing(header -> header.path("order_date").asString(""))
            .thenComparing(header -> header.path("order_no").asString(""), P21Connector::compareNumbers)
            .reversed());
        return sorted;
    }

    private static int compareNumbers(String left, String right) {
        return left.length() != right.length() ? Integer.compare(left.length(), right.length()) : left.compareTo(right);
    }

    // ---- stock

    @Override
    public ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        Map<String, Long> uids = itemUids(skus);
        if (uids.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, List<StockLevel>> values = new HashMap<>();
        uids.keySet().forEach(sku -> values.put(sku, new ArrayList<>()));
        OptionalLong location = warehouse == null ? OptionalLong.empty() : options.locations().locationId(warehouse);
        if (warehouse != null && location.isEmpty()) {
            // A warehouse P21 does not have stocks nothing; the items themselves are
            // known.
            return ErpBatch.of(values);
        }
        Map<Long, String> skuByUid = new HashMap<>();
        uids.forEach((sku, uid) -> skuByUid.put(uid, sku));
        String condition = location.isPresent() ? P21ODataFilter.eq("location_id", location.getAsLong()) : null;
        for (JsonNode row : read("inventory", "inv_loc", terms("inv_mast_uid", new TreeSet<>(uids.values())), condition,
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
        List<String> terms = skus.stream()
            .filter(P21ODataFilter::stringKey)
            .sorted()
            .map(sku -> P21ODataFilter.eq("item_id", sku))
            .toList();
        if (terms.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> uids = new HashMap<>();
        for (JsonNode row : read("items", "inv_mast", terms, null, "inv_mast_uid,item_id", "item_id")) {
            String itemId = row.path("item_id").asString("");
            // SQL Server compares item ids case-insensitively; answer under the key the
            // caller used.
            skus.stream()
                .filter(sku -> sku.equalsIgnoreCase(itemId))
                .forEach(sku -> uids.put(sku, row.path("inv_mast_uid").asLong()));
        }
        return uids;
    }

    // ---- prices

    @Override
    public ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
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
        List<List<JsonNode>> answers = fanOut.each(P21ODataFilter.anyOf(terms, null, options.maxQueryLength()),
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

    // ---- credit

    @Override
    public ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        Map<Long, List<String>> keysById = numericKeys(customerNumbers);
        if (keysById.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, CreditStatus> values = new HashMap<>();
        for (JsonNode row : read("credit", "customer", terms("customer_id", keysById.keySet()), null,
                "customer_id,credit_limit,credit_limit_used," + options.creditHoldColumn() + ",terms_id",
                "customer_id")) {
            CreditStatus credit = mapping.credit(row);
            keysById.getOrDefault(row.path("customer_id").asLong(), List.of()).forEach(key -> values.put(key, credit));
        }
        return ErpBatch.of(values);
    }

    // ---- create

    @Override
    public String createSalesOrder(SalesOrderRequest request) {
        OptionalLong customer = P21ODataFilter.numericKey(request.customerNumber());
        if (customer.isEmpty()) {
            throw ErpException.notFound(systemId(), "customer " + request.customerNumber());
        }
        String poNumber = P21TransactionClient.poNumber(request);
        List<JsonNode> existing = odata.table("orders", "oe_hdr",
                P21ODataFilter.eq("customer_id", customer.getAsLong()) + " and " + P21ODataFilter.eq("po_no", poNumber),
                "order_no", "order_no");
        if (!existing.isEmpty()) {
            return existing.get(0).path("order_no").asString();
        }
        return transactions.create(customer.getAsLong(), request);
    }

    // ---- shared

    /**
     * Numeric keys by value ({@code 0100198} and {@code 100198} are one P21 customer);
     * others are dropped.
     */
    private static Map<Long, List<String>> numericKeys(Collection<String> keys) {
        Map<Long, List<String>> byId = new java.util.TreeMap<>();
        for (String key : keys) {
            P21ODataFilter.numericKey(key).ifPresent(id -> byId.computeIfAbsent(id, x -> new ArrayList<>()).add(key));
        }
        return byId;
    }

    private static List<String> terms(String column, Collection<Long> ids) {
        return ids.stream().map(id -> P21ODataFilter.eq(column, id)).toList();
    }

    private List<JsonNode> read(String resource, String table, List<String> terms, String condition, String select,
            String orderBy) {
        List<JsonNode> rows = new ArrayList<>();
        fanOut
            .each(P21ODataFilter.anyOf(terms, condition, options.maxQueryLength()),
                    chunk -> odata.table(resource, table, chunk, select, orderBy))
            .forEach(rows::addAll);
        return rows;
    }

}
