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
 * <b>Options</b>: see {@link P21Options}. This class is the facade: orders are read by
 * {@link P21Orders}, every read goes through {@link P21Reads}, and writes through
 * {@link P21TransactionClient} (P21's Transaction API, a protocol of its own beside the
 * OData {@link P21Client}).
 */
final class P21Connector implements ErpConnector {

    private static final Set<ErpCapability> CAPABILITIES = EnumSet.of(ErpCapability.PRICE_BREAKS,
            ErpCapability.PER_WAREHOUSE_STOCK, ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE);

    private final ConnectorSettings settings;

    private final P21Options options;

    private final P21Client odata;

    private final P21Mapping mapping;

    private final P21TransactionClient transactions;

    private final RequestFanOut fanOut;

    private final P21Reads reads;

    private final P21Orders orders;

    P21Connector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = P21Options.from(settings);
        this.odata = new P21Client(http, new P21TokenClient(http, settings, clock), options.pageSize());
        this.mapping = new P21Mapping(settings.systemId(), options);
        this.transactions = new P21TransactionClient(odata, options, settings.systemId(), clock);
        this.fanOut = new RequestFanOut(settings.systemId(), options.maxParallelRequests());
        this.reads = new P21Reads(odata, fanOut, options.maxQueryLength());
        this.orders = new P21Orders(reads, options, mapping);
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
        return CAPABILITIES;
    }

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        return orders.orders(customerNumbers, query);
    }

    @Override
    public ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers) {
        return orders.byNumber(orderNumbers);
    }

    @Override
    public void close() {
        fanOut.close();
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
        List<String> terms = skus.stream()
            .filter(sku -> sku != null && !sku.isBlank())
            .sorted()
            .map(sku -> P21ODataFilter.eq("item_id", sku))
            .toList();
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

    // ---- prices

    @Override
    public ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        Set<String> terms = new LinkedHashSet<>();
        for (PriceKey key : keys) {
            OptionalLong customer = P21ODataFilter.numericKey(key.customerNumber());
            if (customer.isPresent()) {
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

    // ---- credit

    @Override
    public ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        Map<Long, List<String>> keysById = P21Reads.numericKeys(customerNumbers);
        if (keysById.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, CreditStatus> values = new HashMap<>();
        for (JsonNode row : reads.read("credit", "customer", P21Reads.terms("customer_id", keysById.keySet()), null,
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

}
