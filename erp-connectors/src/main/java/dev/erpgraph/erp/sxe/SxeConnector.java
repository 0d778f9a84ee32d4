package dev.erpgraph.erp.sxe;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.http.ErpHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Infor SX.e / CloudSuite Distribution through SX.API REST behind the ION API gateway.
 *
 * <p>
 * <b>What SX.API allows, and so what this sends per batch.</b> SX.API is RPC-style and
 * reads one customer, one order or one product per call; it offers no multi-customer
 * order list, no multi-order detail and no multi-product availability (Compass SQL over
 * Data Fabric could, but it is not real-time). So most batches fan out one call per key,
 * at most {@code maxConcurrency} at once per connector ({@link SxeFanOut}):
 * <ul>
 * <li>orders, N customers: N {@code sxapioegetlistofordersv5} calls (more when a
 * customer's list pages), then one {@code sxapioegetsingleorderv3} per order returned,
 * since the list carries no lines and SX.API has nothing that returns the lines of
 * several orders. Only the newest {@code limit} candidates per customer are read in
 * detail (more rounds only when some of them fail the status filter).</li>
 * <li>orders by number: one {@code sxapioegetsingleorderv3} per order.</li>
 * <li>prices: ONE {@code sxapioepricingmultiplev5} per customer for all of that
 * customer's skus and quantities (the one real multi-key read SX.API has), with quantity
 * breaks.</li>
 * <li>stock: one {@code sxapiicproductavailbywhse} per sku (all warehouses; the warehouse
 * filter is applied here, the operation has none).</li>
 * <li>credit: two calls per customer, {@code sxapiargetcustomerdatacredit} and
 * {@code sxapiargetcustomerbalancev2}.</li>
 * <li>create: one {@code sxapisfoeordertotloadv4}.</li>
 * </ul>
 * Operation names are versioned and configurable ({@link SxeOptions}).
 *
 * <p>
 * <b>Order list paging.</b> {@code recordLimit} caps a page and
 * {@code moreRecordsAvailable} says there is more; SX.API has no offset or cursor. Rows
 * come newest first [I], so the next page is asked with {@code endEnterDate} moved back
 * to the oldest entry date seen; rows seen twice are dropped, and a page that brings
 * nothing new (more orders on one day than a page holds) is asked again with a doubled
 * limit. {@link OrderQuery} is pushed down as {@code startEnterDate} and
 * {@code startStage}/{@code endStage}; the final status filter, newest-first order and
 * the per-customer limit are applied to what comes back.
 *
 * <p>
 * <b>Status mapping</b>: see {@link SxeStageCode} (0 Entered, 1 Ordered, 2 Picked → OPEN,
 * or ON_HOLD when the header's approval flag {@code approvty} [I] is a hold value, or
 * PARTIALLY_SHIPPED when a line shipped; 3 Shipped → SHIPPED, or PARTIALLY_SHIPPED when a
 * line shipped short; 4 Invoiced, 5 Paid → INVOICED; 9 Cancelled → CANCELLED). Order id
 * and number are {@code orderno-ordersuf}, e.g. {@code 1234567-00}.
 *
 * <p>
 * <b>Errors.</b> Business errors are HTTP 200 with {@code cErrorMessage}: "... not set up
 * ..." / "not found" is NOT_FOUND for that key only, anything else REJECTED for that key.
 * Gateway errors are HTTP (401 → one token refresh and retry; 429/5xx → UNAVAILABLE with
 * {@code Retry-After}); unreadable answers are BAD_RESPONSE. When every key of a batch
 * fails the same way for a reason other than the key itself (the ERP is down), the batch
 * throws instead.
 *
 * <p>
 * <b>Keys.</b> SX.e customer numbers are numeric ({@code customerNumber} is a JSON
 * number): anything that is not plain digits is unknown and never sent. Products travel
 * as JSON strings in a JSON body, never spliced into a statement, so no value can widen a
 * read.
 */
public final class SxeConnector implements ErpConnector {

    private static final Pattern CUSTOMER_NUMBER = Pattern.compile("[1-9][0-9]{0,11}");

    private final ConnectorSettings settings;

    private final SxeOptions options;

    private final SxeClient api;

    private final SxeFanOut fanOut;

    private final SxeOrders orders;

    SxeConnector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = SxeOptions.from(settings);
        SxeTokenClient tokens = new SxeTokenClient(settings.systemId(), http, settings.auth(), clock);
        this.api = new SxeClient(settings.systemId(), http, tokens, options);
        this.fanOut = new SxeFanOut(settings.systemId(), settings.maxConcurrency());
        this.orders = new SxeOrders(api, fanOut, options);
    }

    @Override
    public String systemId() {
        return settings.systemId();
    }

    @Override
    public ErpKind kind() {
        return ErpKind.INFOR_SXE;
    }

    /**
     * No MULTI_CUSTOMER_READS (one customer per call) and no CHANGE_EVENTS (ION BODs are
     * not wired up).
     */
    @Override
    public Set<ErpCapability> capabilities() {
        return EnumSet.of(ErpCapability.PRICE_BREAKS, ErpCapability.PER_WAREHOUSE_STOCK,
                ErpCapability.SALES_ORDER_CREATE);
    }

    @Override
    public void close() {
        fanOut.close();
    }

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        return orders.orders(customerNumbers, query);
    }

    @Override
    public ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers) {
        return orders.byNumber(orderNumbers);
    }

    // ---- stock

    @Override
    public ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        List<String> products = skus.stream().filter(sku -> sku != null && !sku.isBlank()).toList();
        Map<String, SxeFanOut.Outcome<List<StockLevel>>> outcomes = fanOut.each(products, sku -> {
            ObjectNode request = api.request();
            request.put("productCode", sku);
            request.put("region", options.stockRegion());
            request.put("ignoreZeroAvailable", false);
            SxeClient.Answer answer = api.call("inventory", options.operations().availability(), request);
            if (answer.failed()) {
                throw api.businessFailure("product " + sku, answer.errorMessage());
            }
            return SxeResponses.stock(answer.response(), sku, warehouse);
        });
        return SxeFanOut.failWhole(SxeFanOut.collect(outcomes));
    }

    // ---- prices

    @Override
    public ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        Map<String, List<PriceKey>> byCustomer = keys.stream()
            .filter(key -> CUSTOMER_NUMBER.matcher(key.customerNumber()).matches())
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

    // ---- credit

    @Override
    public ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        List<CreditCall> calls = new ArrayList<>();
        for (String customer : numericCustomers(customerNumbers)) {
            calls.add(new CreditCall(customer, true));
            calls.add(new CreditCall(customer, false));
        }
        Map<CreditCall, SxeFanOut.Outcome<JsonNode>> outcomes = fanOut.each(calls, call -> {
            ObjectNode request = api.request();
            request.put("customerNumber", Long.parseLong(call.customer()));
            if (!call.limits()) {
                request.put("shipTo", "");
            }
            SxeClient.Answer answer = call.limits() ? api.call("credit", options.operations().credit(), request)
                    : api.call("credit-balance", options.operations().balance(), request);
            if (answer.failed()) {
                throw api.businessFailure("customer " + call.customer(), answer.errorMessage());
            }
            return answer.response();
        });
        ErpBatch.Builder<String, CreditStatus> batch = new ErpBatch.Builder<>();
        Map<String, JsonNode> limits = new HashMap<>();
        Map<String, JsonNode> balances = new HashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        outcomes.forEach((call, outcome) -> {
            if (outcome.failed()) {
                if (failed.add(call.customer())) {
                    batch.failure(call.customer(), outcome.failure());
                }
            }
            else {
                (call.limits() ? limits : balances).put(call.customer(), outcome.value());
            }
        });
        limits.forEach((customer, limit) -> {
            if (failed.contains(customer)) {
                return;
            }
            try {
                batch.value(customer, SxeResponses.credit(limit, balances.get(customer), options));
            }
            catch (RuntimeException ex) {
                batch.failure(customer, ErpException.badResponse(systemId(),
                        "unreadable credit of customer " + customer + ": " + ex.getMessage(), ex));
            }
        });
        return SxeFanOut.failWhole(batch.build());
    }

    private record CreditCall(String customer, boolean limits) {
    }

    // ---- create

    /**
     * Loads the order with {@code sxapisfoeordertotloadv4}: header
     * {@code customerid, ponumber, reqshipdate} [I], lines
     * {@code itemnumber, orderqty, unitofmeasure} (blank: the product's selling unit),
     * {@code warehouseid} (blank: the customer's default). The customer reference (else
     * the idempotency key) goes in as the PO number, where SX.e keeps it
     * ({@code oeeh.custpo}) and a retried create can be found; the idempotency key also
     * travels as the {@code refer} extra header field [I]. Answers
     * {@code orderno-ordersuf} from {@code tOrdtotdata} (see
     * {@link SxeResponses#createdOrderNumber}).
     */
    @Override
    public String createSalesOrder(SalesOrderRequest order) {
        if (!CUSTOMER_NUMBER.matcher(order.customerNumber()).matches()) {
            throw ErpException.notFound(systemId(), "customer " + order.customerNumber());
        }
        ObjectNode request = api.request();
        ObjectNode header = request.putObject("tInputheaderdata").putArray("t-inputheaderdata").addObject();
        header.put("customerid", order.customerNumber());
        header.put("ponumber", order.customerReference() == null || order.customerReference().isBlank()
                ? order.idempotencyKey() : order.customerReference());
        header.put("ordertype", "O");
        if (order.requestedDeliveryDate() != null) {
            header.put("reqshipdate", order.requestedDeliveryDate().toString());
        }
        ArrayNode lines = request.putObject("tInputlinedata").putArray("t-inputlinedata");
        int lineNumber = 0;
        for (SalesOrderRequest.Line line : order.lines()) {
            ObjectNode row = lines.addObject();
            row.put("lineno", ++lineNumber);
            row.put("itemnumber", line.sku());
            row.put("orderqty", line.quantity());
            row.put("unitofmeasure", "");
            row.put("warehouseid", line.warehouse() == null ? "" : line.warehouse());
        }
        ObjectNode extra = request.putObject("tInputheaderextradata").putArray("t-inputheaderextradata").addObject();
        extra.put("fieldname", "refer");
        extra.put("fieldvalue", order.idempotencyKey());
        SxeClient.Answer answer = api.call("create-order", options.operations().createOrder(), request);
        if (answer.failed()) {
            ErpException failure = api.businessFailure("customer or product of the order", answer.errorMessage());
            throw failure.kind() == ErpException.Kind.NOT_FOUND ? new ErpException(ErpException.Kind.REJECTED,
                    systemId(), failure.getMessage(), failure.erpMessage(), null, null) : failure;
        }
        try {
            return SxeResponses.createdOrderNumber(answer.response());
        }
        catch (RuntimeException ex) {
            throw ErpException.badResponse(systemId(), "unreadable order load answer: " + ex.getMessage(), ex);
        }
    }

    // ---- batch plumbing

    static List<String> numericCustomers(Collection<String> customerNumbers) {
        return customerNumbers.stream()
            .filter(Objects::nonNull)
            .filter(customer -> CUSTOMER_NUMBER.matcher(customer).matches())
            .distinct()
            .toList();
    }

}
