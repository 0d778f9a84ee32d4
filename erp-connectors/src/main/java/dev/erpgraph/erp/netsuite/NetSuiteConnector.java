package dev.erpgraph.erp.netsuite;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import dev.erpgraph.erp.http.RequestFanOut;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Oracle NetSuite through SuiteTalk REST: every read is one SuiteQL statement per
 * resource (plus its pages), whatever the number of keys; the one write goes through the
 * REST record API.
 *
 * <p>
 * <b>Requests per batch</b> (each SuiteQL statement is followed through all its pages of
 * {@code page-size} rows; IN lists are split at Oracle's 1000 expressions, the only
 * reason to chunk, and the statements of one split are sent side by side, at most
 * {@code maxParallelRequests} at once):
 * <ul>
 * <li>orders: one statement on {@code transaction} ({@code type = 'SalesOrd'},
 * {@code entity IN (...)}, status letters and {@code trandate >= TO_DATE(...)} pushed
 * into the WHERE, newest first per customer), then one on {@code transactionline}
 * ({@code mainline = 'F'}) for the orders kept after the per-customer limit;</li>
 * <li>orders by number: the same two, keyed by {@code tranid IN (...)};</li>
 * <li>stock: one on {@code item} LEFT JOIN {@code inventoryitemlocations} and
 * {@code location} (a known sku with no stock row maps to an empty list; the warehouse
 * filter is applied to the few rows per sku);</li>
 * <li>prices: one on {@code pricingwithcustomers} (the customer's tiers; {@code quantity}
 * is where a tier starts) joined to the base price level of {@code pricing} for the list
 * price;</li>
 * <li>credit: one on {@code customer};</li>
 * <li>create: one statement resolving skus to item internal ids (and one for warehouse
 * codes to location ids if any line names a warehouse), {@code POST record/v1/salesOrder}
 * (204 + {@code Location}), one statement reading the new order's {@code tranid}.</li>
 * </ul>
 *
 * <p>
 * <b>Status mapping</b>: see {@link NetSuiteOrderStatus} (A ON_HOLD, B OPEN, C CANCELLED,
 * D/E PARTIALLY_SHIPPED, F SHIPPED, G INVOICED, H CANCELLED).
 *
 * <p>
 * <b>Keys</b>: customer numbers are NetSuite internal ids; anything that is not one
 * ({@code [1-9][0-9]*}) is answered unknown without being sent. Skus and order numbers
 * are quoted as Oracle literals with quotes doubled ({@link SuiteQl}). Dates are pinned
 * with {@code TO_CHAR(..., 'YYYY-MM-DD')}, because SuiteQL otherwise answers in the
 * account's date format.
 *
 * <p>
 * <b>Auth</b>: OAuth 2.0 client credentials (M2M), see {@link NetSuiteTokenClient}:
 * {@code auth.client-id} is the integration's client id, {@code auth.client-secret} (or
 * option {@code private-key}) the certificate's private key as PKCS#8 PEM, option
 * {@code certificate-id} the certificate id, {@code auth.scope} default
 * {@code rest_webservices}, {@code auth.token-url} default {@value #TOKEN_PATH}.
 *
 * <p>
 * <b>Options</b>: {@code page-size} (1..1000, default 1000); {@code location-code-column}
 * (default {@code name}: which {@code location} column holds the warehouse code),
 * {@code currency-code-column} (default {@code symbol}: the ISO code on {@code currency})
 * and {@code base-price-level} (default {@code 1}, NetSuite's "Base Price") are inferred
 * names a real account must confirm; {@code concurrency-limit} is the account's
 * concurrency pool, for the gateway's bulkhead; {@code maxParallelRequests} (default 2:
 * the account's concurrency pool is small, 15 on a shared tier with one SuiteCloud Plus
 * licence, and shared with every integration, which get 429 beyond it).
 */
public final class NetSuiteConnector implements ErpConnector {

    static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";
    static final String SALES_ORDER_PATH = "/services/rest/record/v1/salesOrder";

    private static final Pattern CREATED_ID = Pattern.compile("/salesOrder/([1-9][0-9]{0,17})/?$");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** See the class Javadoc's options. */
    private static final int DEFAULT_MAX_PARALLEL_REQUESTS = 2;

    private final String systemId;

    private final SuiteTalkClient talk;

    private final SuiteQlClient suiteQl;

    private final SuiteQlRows rows;

    private final String locationCode;

    private final String currencyCode;

    private final long basePriceLevel;

    private final RequestFanOut fanOut;

    NetSuiteConnector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.systemId = settings.systemId();
        String tokenUrl = settings.auth().tokenUrl() == null ? TOKEN_PATH : settings.auth().tokenUrl();
        String pem = settings.option("private-key", settings.auth().clientSecret());
        NetSuiteClientAssertion assertion = new NetSuiteClientAssertion(settings.auth().clientId(),
                settings.option("certificate-id", null), NetSuiteClientAssertion.privateKey(pem),
                settings.auth().scope());
        this.talk = new SuiteTalkClient(http, new NetSuiteTokenClient(http, tokenUrl, assertion, clock));
        this.suiteQl = new SuiteQlClient(talk,
                Integer.parseInt(settings.option("page-size", String.valueOf(SuiteQlClient.MAX_PAGE_SIZE))));
        this.rows = new SuiteQlRows(systemId);
        this.locationCode = SuiteQl.identifier(settings.option("location-code-column", "name"), "location-code-column");
        this.currencyCode = SuiteQl.identifier(settings.option("currency-code-column", "symbol"),
                "currency-code-column");
        this.basePriceLevel = Long.parseLong(settings.option("base-price-level", "1"));
        this.fanOut = RequestFanOut.of(settings, DEFAULT_MAX_PARALLEL_REQUESTS);
    }

    @Override
    public String systemId() {
        return systemId;
    }

    @Override
    public ErpKind kind() {
        return ErpKind.NETSUITE;
    }

    @Override
    public Set<ErpCapability> capabilities() {
        // No CHANGE_EVENTS: NetSuite has no outbound webhook without a custom script.
        return EnumSet.of(ErpCapability.PRICE_BREAKS, ErpCapability.PER_WAREHOUSE_STOCK,
                ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE);
    }

    // ---- orders

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        Set<String> ids = internalIds(customerNumbers);
        Map<String, List<JsonNode>> headers = new LinkedHashMap<>();
        ids.forEach(id -> headers.put(id, new ArrayList<>()));
        List<String> statements = new ArrayList<>();
        for (List<String> chunk : SuiteQl.chunks(ids)) {
            StringBuilder where = new StringBuilder("t.type = 'SalesOrd' AND t.entity IN ")
                .append(SuiteQl.idList(chunk));
            if (!query.statuses().isEmpty()) {
                where.append(" AND t.status IN ")
                    .append(SuiteQl.stringList(NetSuiteOrderStatus.letters(query.statuses())));
            }
            if (query.since() != null) {
                where.append(" AND t.trandate >= TO_DATE(")
                    .append(SuiteQl.string(query.since().toString()))
                    .append(", 'YYYY-MM-DD')");
            }
            statements.add(headerStatement(where) + " ORDER BY t.entity, t.trandate DESC, t.id DESC");
        }
        for (JsonNode header : query("orders", statements)) {
            List<JsonNode> ofCustomer = headers.get(rows.text(header, "entity"));
            if (ofCustomer != null && ofCustomer.size() < query.limit()) {
                ofCustomer.add(header);
            }
        }
        List<JsonNode> kept = headers.values().stream().flatMap(List::stream).toList();
        Map<String, List<SalesOrderLine>> lines = lines(kept);
        ErpBatch.Builder<String, List<SalesOrder>> batch = new ErpBatch.Builder<>();
        headers.forEach((customer, ofCustomer) -> {
            try {
                List<SalesOrder> orders = new ArrayList<>();
                for (JsonNode header : ofCustomer) {
                    orders.add(order(header, lines));
                }
                // Read newest first (date, then internal id): the stable sort by date
                // keeps that order.
                batch.value(customer, query.newest(orders, OrderQuery.NEWEST_DATE_FIRST));
            }
            catch (ErpException ex) {
                batch.failure(customer, ex);
            }
        });
        return batch.build();
    }

    @Override
    public ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers) {
        List<JsonNode> headers = query("orders",
                SuiteQl.chunks(quotable(orderNumbers))
                    .stream()
                    .map(chunk -> headerStatement(
                            new StringBuilder("t.type = 'SalesOrd' AND t.tranid IN ").append(SuiteQl.stringList(chunk)))
                            + " ORDER BY t.id")
                    .toList());
        Map<String, List<SalesOrderLine>> lines = lines(headers);
        ErpBatch.Builder<String, SalesOrder> batch = new ErpBatch.Builder<>();
        for (JsonNode header : headers) {
            String number = rows.text(header, "tranid");
            if (!orderNumbers.contains(number)) {
                continue;
            }
            try {
                batch.value(number, order(header, lines));
            }
            catch (ErpException ex) {
                batch.failure(number, ex);
            }
        }
        return batch.build();
    }

    private String headerStatement(CharSequence where) {
        return "SELECT t.id, t.tranid, t.entity, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate,"
                + " TO_CHAR(t.shipdate, 'YYYY-MM-DD') AS shipdate, t.status, t.foreigntotal, cur." + currencyCode
                + " AS currency FROM transaction t JOIN currency cur ON cur.id = t.currency WHERE " + where;
    }

    /**
     * The item lines of these orders, by order internal id: one statement (per 1000
     * orders) plus pages.
     */
    private Map<String, List<SalesOrderLine>> lines(List<JsonNode> headers) {
        Map<String, String> currencyOf = new LinkedHashMap<>();
        for (JsonNode header : headers) {
            String id = rows.text(header, "id");
            if (id != null && SuiteQl.internalId(id).isPresent()) {
                currencyOf.put(id, rows.text(header, "currency"));
            }
        }
        Map<String, List<SalesOrderLine>> lines = new HashMap<>();
        List<String> statements = SuiteQl.chunks(currencyOf.keySet())
            .stream()
            .map(chunk -> "SELECT tl.transaction, tl.linesequencenumber, i.itemid, tl.memo AS description,"
                    + " tl.quantity, tl.quantityshiprecv, tl.rate, tl.netamount, loc." + locationCode
                    + " AS location FROM transactionline tl JOIN item i ON i.id = tl.item"
                    + " LEFT JOIN location loc ON loc.id = tl.location" + " WHERE tl.transaction IN "
                    + SuiteQl.idList(chunk) + " AND tl.mainline = 'F'"
                    + " ORDER BY tl.transaction, tl.linesequencenumber")
            .toList();
        for (JsonNode line : query("order-lines", statements)) {
            String order = rows.required(line, "transaction");
            String currency = currencyOf.get(order);
            if (currency != null) {
                lines.computeIfAbsent(order, key -> new ArrayList<>()).add(rows.line(line, currency));
            }
        }
        return lines;
    }

    private SalesOrder order(JsonNode header, Map<String, List<SalesOrderLine>> lines) {
        return rows.order(header, lines.getOrDefault(rows.text(header, "id"), List.of()));
    }

    // ---- stock

    @Override
    public ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        Map<String, List<StockLevel>> levels = new LinkedHashMap<>();
        List<String> statements = SuiteQl.chunks(quotable(skus))
            .stream()
            .map(chunk -> "SELECT i.itemid, loc." + locationCode + " AS location, il.quantityonhand,"
                    + " il.quantityavailable FROM item i" + " LEFT JOIN inventoryitemlocations il ON il.item = i.id"
                    + " LEFT JOIN location loc ON loc.id = il.location" + " WHERE i.itemid IN "
                    + SuiteQl.stringList(chunk) + " ORDER BY i.id, il.location")
            .toList();
        for (JsonNode row : query("inventory", statements)) {
            String sku = rows.required(row, "itemid");
            if (!skus.contains(sku)) {
                continue;
            }
            List<StockLevel> ofSku = levels.computeIfAbsent(sku, key -> new ArrayList<>());
            String location = rows.text(row, "location");
            if (location != null && (warehouse == null || warehouse.equals(location))) {
                ofSku.add(rows.stock(row));
            }
        }
        return ErpBatch.of(levels);
    }

    // ---- prices

    @Override
    public ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        Set<String> customers = new TreeSet<>();
        Set<String> skus = new TreeSet<>();
        for (PriceKey key : keys) {
            if (SuiteQl.internalId(key.customerNumber()).isPresent() && SuiteQl.quotable(key.sku())) {
                customers.add(key.customerNumber());
                skus.add(key.sku());
            }
        }
        // customer -> sku -> tiers ordered by starting quantity
        Map<String, Map<String, List<JsonNode>>> tiers = new HashMap<>();
        List<String> statements = new ArrayList<>();
        for (List<String> customerChunk : SuiteQl.chunks(customers)) {
            for (List<String> skuChunk : SuiteQl.chunks(skus)) {
                statements.add("SELECT p.customer, i.itemid, p.quantity, p.unitprice, base.unitprice AS listprice,"
                        + " cur." + currencyCode + " AS currency"
                        + " FROM pricingwithcustomers p JOIN item i ON i.id = p.item"
                        + " JOIN currency cur ON cur.id = p.currency"
                        + " LEFT JOIN pricing base ON base.item = p.item AND base.pricelevel = " + basePriceLevel
                        + " AND base.currency = p.currency AND base.quantity = 0" + " WHERE p.customer IN "
                        + SuiteQl.idList(customerChunk) + " AND i.itemid IN " + SuiteQl.stringList(skuChunk)
                        + " ORDER BY p.customer, p.item, p.quantity");
            }
        }
        for (JsonNode row : query("prices", statements)) {
            tiers.computeIfAbsent(rows.required(row, "customer"), key -> new HashMap<>())
                .computeIfAbsent(rows.required(row, "itemid"), key -> new ArrayList<>())
                .add(row);
        }
        ErpBatch.Builder<PriceKey, ItemPrice> batch = new ErpBatch.Builder<>();
        for (PriceKey key : keys) {
            List<JsonNode> ladder = tiers.getOrDefault(key.customerNumber(), Map.of()).get(key.sku());
            if (ladder == null || ladder.isEmpty()) {
                continue;
            }
            try {
                batch.value(key, price(key, ladder));
            }
            catch (ErpException ex) {
                batch.failure(key, ex);
            }
        }
        return batch.build();
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
            throw ErpException.badResponse(systemId,
                    "no price tier of " + key.sku() + " starts at or below " + key.quantity().toPlainString(), null);
        }
        BigDecimal list = rows.optionalDecimal(ladder.get(0), "listprice");
        return new ItemPrice(key.sku(), key.quantity(), unitPrice,
                list == null ? null : new Money(SuiteQlRows.amount(list), currency), breaks);
    }

    // ---- credit

    @Override
    public ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        Map<String, CreditStatus> credit = new LinkedHashMap<>();
        Map<String, ErpException> failures = new LinkedHashMap<>();
        List<String> statements = SuiteQl.chunks(internalIds(customerNumbers))
            .stream()
            .map(chunk -> "SELECT c.id, c.creditlimit, c.balancesearch, c.oncredithold, BUILTIN.DF(c.terms) AS terms,"
                    + " cur." + currencyCode + " AS currency FROM customer c JOIN currency cur"
                    + " ON cur.id = c.currency WHERE c.id IN " + SuiteQl.idList(chunk) + " ORDER BY c.id")
            .toList();
        for (JsonNode row : query("credit", statements)) {
            String id = rows.required(row, "id");
            try {
                credit.put(id, rows.credit(row));
            }
            catch (ErpException ex) {
                failures.put(id, ex);
            }
        }
        credit.keySet().retainAll(customerNumbers);
        failures.keySet().retainAll(customerNumbers);
        return new ErpBatch<>(credit, failures);
    }

    // ---- create

    @Override
    public String createSalesOrder(SalesOrderRequest request) {
        String customer = SuiteQl.internalId(request.customerNumber())
            .orElseThrow(() -> ErpException.rejected(systemId,
                    "customer " + request.customerNumber() + " is not a NetSuite internal id"));
        Map<String, String> itemIds = lookup("items", "SELECT i.id, i.itemid AS code FROM item i WHERE i.itemid IN ",
                request.lines().stream().map(SalesOrderRequest.Line::sku).toList(), " ORDER BY i.id", "item");
        List<String> warehouses = request.lines()
            .stream()
            .map(SalesOrderRequest.Line::warehouse)
            .filter(Objects::nonNull)
            .toList();
        Map<String, String> locationIds = warehouses.isEmpty() ? Map.of() : lookup("locations",
                "SELECT loc.id, loc." + locationCode + " AS code FROM location loc WHERE loc." + locationCode + " IN ",
                warehouses, " ORDER BY loc.id", "warehouse");

        ObjectNode order = JSON.createObjectNode();
        order.putObject("entity").put("id", Long.parseLong(customer));
        // externalId is unique per record type in NetSuite: a retried create is refused
        // as a duplicate, not doubled.
        order.put("externalId", request.idempotencyKey());
        order.put("otherRefNum",
                request.customerReference() == null ? request.idempotencyKey() : request.customerReference());
        if (request.requestedDeliveryDate() != null) {
            order.put("shipDate", request.requestedDeliveryDate().toString());
        }
        ArrayNode items = order.putObject("item").putArray("items");
        for (SalesOrderRequest.Line line : request.lines()) {
            ObjectNode item = items.addObject();
            item.putObject("item").put("id", Long.parseLong(itemIds.get(line.sku())));
            item.put("quantity", line.quantity());
            if (line.warehouse() != null) {
                item.putObject("location").put("id", Long.parseLong(locationIds.get(line.warehouse())));
            }
        }
        ErpHttpResponse response = talk.send("create-order", SALES_ORDER_PATH, Map.of(),
                JSON.writeValueAsString(order));
        if (!response.isSuccess()) {
            if ("DUP_RCRD".equals(SuiteTalkClient.errorCode(response))) {
                return tranId("t.externalid = " + SuiteQl.string(request.idempotencyKey()));
            }
            throw SuiteTalkClient.failure(response);
        }
        String location = response.header("Location")
            .orElseThrow(
                    () -> ErpException.badResponse(systemId, "created sales order without a Location header", null));
        Matcher id = CREATED_ID.matcher(location);
        if (!id.find()) {
            throw ErpException.badResponse(systemId, "unreadable Location of the created sales order", null);
        }
        return tranId("t.id = " + id.group(1));
    }

    private String tranId(String condition) {
        List<JsonNode> found = suiteQl.query("orders",
                "SELECT t.tranid FROM transaction t WHERE t.type = 'SalesOrd' AND " + condition + " ORDER BY t.id");
        if (found.isEmpty()) {
            throw ErpException.badResponse(systemId, "the created sales order cannot be read back", null);
        }
        return rows.required(found.get(0), "tranid");
    }

    /**
     * Internal ids by code for every code given, or REJECTED naming the first unknown one
     * (nothing is written).
     */
    private Map<String, String> lookup(String resource, String select, List<String> codes, String orderBy,
            String what) {
        Set<String> wanted = new TreeSet<>(codes);
        wanted.stream().filter(code -> !SuiteQl.quotable(code)).findFirst().ifPresent(code -> {
            throw ErpException.rejected(systemId, "unknown " + what + " " + code.replace('\0', '?'));
        });
        Map<String, String> ids = new HashMap<>();
        for (JsonNode row : query(resource,
                SuiteQl.chunks(wanted).stream().map(chunk -> select + SuiteQl.stringList(chunk) + orderBy).toList())) {
            ids.put(rows.required(row, "code"), rows.required(row, "id"));
        }
        for (String code : wanted) {
            if (!ids.containsKey(code) || SuiteQl.internalId(ids.get(code)).isEmpty()) {
                throw ErpException.rejected(systemId, "unknown " + what + " " + code);
            }
        }
        return ids;
    }

    /**
     * The rows of these statements, in statement order (each with all its pages); sent
     * side by side.
     */
    private List<JsonNode> query(String resource, List<String> statements) {
        List<JsonNode> found = new ArrayList<>();
        fanOut.each(statements, sql -> suiteQl.query(resource, sql)).forEach(found::addAll);
        return found;
    }

    /** The keys that can be quoted, sorted for a stable statement. */
    private static Set<String> quotable(Set<String> keys) {
        Set<String> values = new TreeSet<>();
        keys.stream().filter(SuiteQl::quotable).forEach(values::add);
        return values;
    }

    /** The keys that are NetSuite internal ids; the rest are unknown and never sent. */
    private static Set<String> internalIds(Set<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        new TreeSet<>(keys).forEach(key -> SuiteQl.internalId(key).ifPresent(ids::add));
        return ids;
    }

}
