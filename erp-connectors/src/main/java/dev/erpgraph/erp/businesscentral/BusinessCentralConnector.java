package dev.erpgraph.erp.businesscentral;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpJson;
import dev.erpgraph.erp.http.QueryStrings;
import dev.erpgraph.erp.http.RequestFanOut;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft Dynamics 365 Business Central online, API v2.0 (OData v4), authenticated with
 * Entra ID client credentials ({@link EntraTokenClient}).
 *
 * <p>
 * <b>What it sends per batch</b> (each "request" may page through
 * {@code @odata.nextLink}; every {@code or} chain is split only where the URL would pass
 * {@code maxUrlLength}, and the requests of one split are sent side by side, at most
 * {@code maxParallelRequests} at once):
 * <ul>
 * <li>orders:
 * {@code GET salesOrders?$filter=(customerNumber eq '10000' or ...) [and orderDate ge 2024-06-01]
 *     [and fullyShipped eq false|true]&$select=...&$expand=salesOrderLines($select=...),
 *     customer($select=number,blocked)}: one request; plus one
 * {@code GET customers?$filter=number eq ...&$select=number} for the customers that had
 * no order, to tell "no orders" from "unknown customer". Status and date are pushed down
 * as far as they map onto fields; the per-customer limit and newest-first order are
 * applied here (OData has no per-group top).</li>
 * <li>orders by number: {@code GET salesOrders?$filter=number eq ... or ...} with the
 * same expansion.</li>
 * <li>stock: {@code GET {custom API}/itemLocationStocks?$filter=(itemNumber eq ...) [and
 * locationCode eq 'CLE']}; plus {@code GET items?$filter=number eq ...&$select=number}
 * only for skus without a stock row.</li>
 * <li>prices: {@code GET items?$filter=number eq ...&$select=number,unitPrice} (list
 * price, and which skus exist) and, at the same time (neither needs the other's answer;
 * lines of unknown skus are dropped), {@code GET {custom
 * API}/customerPriceListLines?$filter=sourceType eq 'Customer' and ((sourceNo eq '10000'
 * and (assetNo eq 'A' or ...)) or ...)}; then {@code GET customers} only for customers
 * without any price line.</li>
 * <li>credit:
 * {@code GET customers?$filter=number eq ... or ...&$select=...&$expand=paymentTerms($select=code)}.</li>
 * <li>create:
 * {@code GET salesOrders?$filter=externalDocumentNumber eq '<idempotency key>'} (a
 * retried create finds its order), then {@code POST salesOrders} with the lines
 * deep-inserted (which needs no {@code If-Match}, unlike a POST of lines one by
 * one).</li>
 * </ul>
 *
 * <p>
 * <b>Status mapping</b>: see {@link BusinessCentralOrders} (Draft/Open → OPEN, In Review
 * or a blocked customer → ON_HOLD, shipped and invoiced quantities → PARTIALLY_SHIPPED,
 * SHIPPED, INVOICED; no CANCELLED).
 *
 * <p>
 * <b>Credit</b>: {@code creditLimit} ("Credit Limit (LCY)"), {@code balanceDue} as the
 * balance, available = limit − balance (negative when over the limit; BC treats a limit
 * of 0 as "no limit", reported as is). BC has no credit-hold flag: {@code onHold} is
 * {@code blocked} being {@code Ship}, {@code Invoice} or {@code All}. Payment terms are
 * the code of the expanded {@code paymentTerms}.
 *
 * <p>
 * <b>Stock and prices</b> are not in the standard API: they come from the distributor's
 * custom API pages (ERP-WIRE-FORMATS.md §3.2, [I]), under
 * {@code api/{customApiPublisher}/{customApiGroup}/{customApiVersion}}. Available =
 * {@code inventory} − {@code reservedQtyOnInventory}, never below 0. The price is BC's
 * best price: the lowest {@code unitPrice} of the customer's lines for the item whose
 * {@code minimumQuantity} is reached and that are valid today ({@code startingDate} ≤
 * today ≤ {@code endingDate}, {@code 0001-01-01} = open), in the local currency
 * ({@code ""}); without such a line the item's {@code unitPrice}. The breaks are the
 * valid lines with a minimum quantity above 0.
 *
 * <p>
 * <b>Locations</b>: order lines carry {@code locationId}, a GUID; it is mapped to the
 * location code through the {@code locations} entity set, read once per connector
 * instance (configuration-like master data) and read again only when a line names a
 * location not seen yet.
 *
 * <p>
 * <b>Options</b> ({@code erp.systems.<id>.options}): {@code tenantId},
 * {@code environment} (default {@code production}), {@code companyId} (required);
 * {@code maxPageSize} (sent as {@code Prefer: odata.maxpagesize}, unset: the server's
 * 20,000); {@code maxUrlLength} (default 2048); {@code maxParallelRequests} (default 8:
 * BC online takes 100 simultaneous requests per user, so eight of one batch leave room
 * for the gateway's other batches and for other integrations, and the stock of a
 * 50-account page, five URL-length chunks, goes out in one round trip, not two);
 * {@code localCurrency} (default USD). Names a real deployment must confirm against its
 * custom API pages [I]: {@code customApiPublisher} (erpgraph), {@code customApiGroup}
 * (distribution), {@code customApiVersion} (v1.0), {@code stockEntitySet}
 * (itemLocationStocks) with fields {@code stockItemField} (itemNumber),
 * {@code stockLocationField} (locationCode), {@code stockOnHandField} (inventory),
 * {@code stockReservedField} (reservedQtyOnInventory), and {@code priceEntitySet}
 * (customerPriceListLines, fields as table "Price List Line": sourceType, sourceNo,
 * assetNo, minimumQuantity, unitPrice, currencyCode, startingDate, endingDate).
 */
final class BusinessCentralConnector implements ErpConnector {

    /**
     * Only what {@link BusinessCentralOrders} maps: a BC sales order carries ~40
     * properties (three addresses, tax and discount amounts) and each line ~30, and an
     * order page is mostly those.
     */
    private static final String ORDER_SELECT = "id,number,customerNumber,status,fullyShipped,orderDate,"
            + "requestedDeliveryDate,totalAmountExcludingTax,currencyCode";

    private static final String ORDER_EXPAND = "salesOrderLines($select=sequence,lineType,lineObjectNumber,"
            + "description,quantity,shippedQuantity,invoicedQuantity,unitPrice,netAmount,locationId),"
            + "customer($select=number,blocked)";

    private static final Comparator<SalesOrder> NEWEST_FIRST = Comparator.comparing(SalesOrder::orderDate)
        .thenComparing(SalesOrder::number, BusinessCentralConnector::compareNumbers)
        .reversed();

    private static final int MAX_EXTERNAL_DOCUMENT_NUMBER = 35;

    /** See the class Javadoc's options. */
    private static final int DEFAULT_MAX_PARALLEL_REQUESTS = 8;

    private final ConnectorSettings settings;

    private final BusinessCentralClient client;

    private final Clock clock;

    private final int maxUrlLength;

    private final String localCurrency;

    private final String stockEntitySet;

    private final String stockItemField;

    private final String stockLocationField;

    private final String stockOnHandField;

    private final String stockReservedField;

    private final String priceEntitySet;

    private final RequestFanOut fanOut;

    /** Location id → code; null until first needed. */
    private final AtomicReference<Map<String, String>> locations = new AtomicReference<>();

    BusinessCentralConnector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        String customApiPath = String.join("/", name(settings, "customApiPublisher", "erpgraph"),
                name(settings, "customApiGroup", "distribution"), name(settings, "customApiVersion", "v1.0"));
        String maxPageSize = settings.option("maxPageSize", null);
        this.client = new BusinessCentralClient(http, new EntraTokenClient(http, settings.auth(), clock),
                settings.option("tenantId", null), settings.option("environment", "production"),
                settings.option("companyId", null), customApiPath,
                maxPageSize == null ? null : positive(maxPageSize, "maxPageSize"));
        this.maxUrlLength = positive(settings.option("maxUrlLength", "2048"), "maxUrlLength");
        this.localCurrency = settings.option("localCurrency", "USD");
        this.stockEntitySet = name(settings, "stockEntitySet", "itemLocationStocks");
        this.stockItemField = name(settings, "stockItemField", "itemNumber");
        this.stockLocationField = name(settings, "stockLocationField", "locationCode");
        this.stockOnHandField = name(settings, "stockOnHandField", "inventory");
        this.stockReservedField = name(settings, "stockReservedField", "reservedQtyOnInventory");
        this.priceEntitySet = name(settings, "priceEntitySet", "customerPriceListLines");
        this.fanOut = RequestFanOut.of(settings, DEFAULT_MAX_PARALLEL_REQUESTS);
    }

    @Override
    public String systemId() {
        return settings.systemId();
    }

    @Override
    public ErpKind kind() {
        return ErpKind.BUSINESS_CENTRAL;
    }

    @Override
    public Set<ErpCapability> capabilities() {
        // BC has webhooks (subscriptions), but this connector does not subscribe yet: no
        // CHANGE_EVENTS.
        return EnumSet.of(ErpCapability.PRICE_BREAKS, ErpCapability.PER_WAREHOUSE_STOCK,
                ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE);
    }

    // ---- orders

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        Set<String> asked = codes(customerNumbers);
        if (asked.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        List<SalesOrder> orders = readOrders("orders", "customerNumber", asked, pushedDown(query));
        Map<String, List<SalesOrder>> result = new HashMap<>(query.newestPerCustomer(
                orders.stream().filter(order -> asked.contains(order.customerNumber())).toList(), NEWEST_FIRST));
        Set<String> withoutOrders = new TreeSet<>(asked);
        withoutOrders.removeAll(result.keySet());
        for (String known : existingCustomers(withoutOrders)) {
            result.put(known, List.of());
        }
        return ErpBatch.of(result);
    }

    @Override
    public ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers) {
        Set<String> asked = codes(orderNumbers);
        if (asked.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, SalesOrder> result = new HashMap<>();
        for (SalesOrder order : readOrders("orders", "number", asked, "")) {
            if (asked.contains(order.number())) {
                result.put(order.number(), order);
            }
        }
        return ErpBatch.of(result);
    }

    /**
     * Status and date conditions BC can evaluate: {@code orderDate} and
     * {@code fullyShipped}.
     */
    static String pushedDown(OrderQuery query) {
        StringBuilder condition = new StringBuilder();
        if (query.since() != null) {
            condition.append(" and orderDate ge ").append(query.since());
        }
        Set<OrderStatus> statuses = query.statuses();
        if (!statuses.isEmpty()) {
            boolean wantsShipped = statuses.contains(OrderStatus.SHIPPED) || statuses.contains(OrderStatus.INVOICED);
            boolean wantsUnshipped = statuses.stream()
                .anyMatch(status -> status != OrderStatus.SHIPPED && status != OrderStatus.INVOICED);
            if (!wantsShipped) {
                condition.append(" and fullyShipped eq false");
            }
            else if (!wantsUnshipped) {
                condition.append(" and fullyShipped eq true");
            }
        }
        return condition.toString();
    }

    private List<SalesOrder> readOrders(String resource, String keyField, Set<String> keys, String condition) {
        Function<String, String> path = filter -> client
            .api("salesOrders?$filter=" + QueryStrings.encode(filter + condition) + "&$select="
                    + QueryStrings.encode(ORDER_SELECT) + "&$expand=" + QueryStrings.encode(ORDER_EXPAND));
        List<JsonNode> rows = getAll(resource, paths(keyField, keys, path));
        Set<String> locationIds = new HashSet<>();
        rows.forEach(row -> row.path("salesOrderLines").forEach(line -> {
            String id = BusinessCentralFields.text(line, "locationId");
            // The empty GUID is BC's "no location": never in `locations`, so it must not
            // trigger a re-read.
            if (id != null && !id.equals("00000000-0000-0000-0000-000000000000")) {
                locationIds.add(id);
            }
        }));
        Map<String, String> locationCodes = locationCodes(locationIds);
        List<SalesOrder> orders = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            orders.add(BusinessCentralOrders.order(row, localCurrency, locationCodes, systemId()));
        }
        return orders;
    }

    // ---- stock

    @Override
    public ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        Set<String> asked = codes(skus);
        if (asked.isEmpty() || (warehouse != null && !BusinessCentralFilter.isCode(warehouse))) {
            return ErpBatch.of(Map.of());
        }
        String condition = warehouse == null ? "" : " and " + BusinessCentralFilter.eq(stockLocationField, warehouse);
        Function<String, String> path = filter -> client
            .customApi(stockEntitySet + "?$filter=" + QueryStrings.encode(filter + condition));
        Map<String, List<StockLevel>> result = new HashMap<>();
        for (JsonNode row : getAll("inventory", paths(stockItemField, asked, path))) {
            String sku = BusinessCentralFields.requiredText(row, stockItemField, systemId());
            String location = BusinessCentralFields.requiredText(row, stockLocationField, systemId());
            if (!asked.contains(sku) || (warehouse != null && !warehouse.equals(location))) {
                continue;
            }
            BigDecimal onHand = BusinessCentralFields.requiredDecimal(row, stockOnHandField, systemId());
            BigDecimal reserved = BusinessCentralFields.decimal(row, stockReservedField, systemId());
            BigDecimal available = onHand.subtract(reserved == null ? BigDecimal.ZERO : reserved).max(BigDecimal.ZERO);
            result.computeIfAbsent(sku, key -> new ArrayList<>()).add(new StockLevel(sku, location, onHand, available));
        }
        Set<String> withoutRows = new TreeSet<>(asked);
        withoutRows.removeAll(result.keySet());
        existingItems(withoutRows).keySet().forEach(sku -> result.put(sku, List.of()));
        result
            .replaceAll((sku, levels) -> levels.stream().sorted(Comparator.comparing(StockLevel::warehouse)).toList());
        return ErpBatch.of(result);
    }

    // ---- prices

    @Override
    public ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
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
        List<String> itemPaths = itemPaths(skus);
        List<String> linePaths = priceLinePaths(skusByCustomer);
        List<Supplier<List<JsonNode>>> requests = new ArrayList<>();
        itemPaths.forEach(itemPath -> requests.add(() -> client.getAll("items", itemPath)));
        linePaths.forEach(linePath -> requests.add(() -> client.getAll("prices", linePath)));
        List<List<JsonNode>> answers = fanOut.all(requests);
        Map<String, BigDecimal> listPrices = listPrices(concat(answers.subList(0, itemPaths.size())), skus);
        skusByCustomer.values().forEach(ofCustomer -> ofCustomer.retainAll(listPrices.keySet()));
        skusByCustomer.values().removeIf(Set::isEmpty);
        if (skusByCustomer.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, List<PriceLine>> lines = priceLines(concat(answers.subList(itemPaths.size(), answers.size())),
                skusByCustomer);
        Set<String> customersWithoutLines = new TreeSet<>(skusByCustomer.keySet());
        lines.keySet().forEach(customerAndSku -> customersWithoutLines.remove(customerAndSku.split("\u0000")[0]));
        Set<String> knownCustomers = new HashSet<>(skusByCustomer.keySet());
        knownCustomers.removeAll(customersWithoutLines);
        knownCustomers.addAll(existingCustomers(customersWithoutLines));

        Map<PriceKey, ItemPrice> result = new HashMap<>();
        for (PriceKey key : asked) {
            BigDecimal listPrice = listPrices.get(key.sku());
            if (listPrice == null || !knownCustomers.contains(key.customerNumber())) {
                continue;
            }
            List<PriceLine> customerLines = lines.getOrDefault(key.customerNumber() + "\u0000" + key.sku(), List.of());
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
            result.put(key, new ItemPrice(key.sku(), key.quantity(), new Money(best, localCurrency),
                    new Money(listPrice, localCurrency), breaks));
        }
        return ErpBatch.of(result);
    }

    private record PriceLine(BigDecimal minimumQuantity, BigDecimal unitPrice) {
    }

    /** The paths reading the price lines of each customer's skus. */
    private List<String> priceLinePaths(Map<String, Set<String>> skusByCustomer) {
        List<String> clauses = new ArrayList<>();
        skusByCustomer.forEach((customer, skus) -> {
            List<String> items = skus.stream().map(sku -> BusinessCentralFilter.eq("assetNo", sku)).toList();
            clauses.add("(" + BusinessCentralFilter.eq("sourceNo", customer) + " and "
                    + (items.size() == 1 ? items.get(0) : "(" + String.join(" or ", items) + ")") + ")");
        });
        return paths(clauses, filter -> client
            .customApi(priceEntitySet + "?$filter=" + QueryStrings.encode("sourceType eq 'Customer' and " + filter)));
    }

    /**
     * The valid local-currency price lines per customer and sku (key
     * {@code customer \0 sku}) among these rows.
     */
    private Map<String, List<PriceLine>> priceLines(List<JsonNode> rows, Map<String, Set<String>> skusByCustomer) {
        LocalDate today = LocalDate.now(clock);
        Map<String, List<PriceLine>> lines = new HashMap<>();
        for (JsonNode row : rows) {
            String customer = BusinessCentralFields.requiredText(row, "sourceNo", systemId());
            String sku = BusinessCentralFields.requiredText(row, "assetNo", systemId());
            Set<String> skus = skusByCustomer.get(customer);
            if (!"Customer".equals(BusinessCentralFields.text(row, "sourceType")) || skus == null || !skus.contains(sku)
                    || !isValid(row, today) || !localCurrency.equals(BusinessCentralOrders
                        .currency(BusinessCentralFields.text(row, "currencyCode"), localCurrency))) {
                continue;
            }
            BigDecimal minimum = BusinessCentralFields.decimal(row, "minimumQuantity", systemId());
            lines.computeIfAbsent(customer + "\u0000" + sku, key -> new ArrayList<>())
                .add(new PriceLine(minimum == null ? BigDecimal.ZERO : minimum,
                        BusinessCentralFields.requiredDecimal(row, "unitPrice", systemId())));
        }
        return lines;
    }

    private boolean isValid(JsonNode row, LocalDate today) {
        LocalDate starting = BusinessCentralFields.date(row, "startingDate", systemId());
        LocalDate ending = BusinessCentralFields.date(row, "endingDate", systemId());
        return (starting == null || !starting.isAfter(today)) && (ending == null || !ending.isBefore(today));
    }

    // ---- credit

    @Override
    public ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        Set<String> asked = codes(customerNumbers);
        if (asked.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Function<String, String> path = filter -> client.api("customers?$filter=" + QueryStrings.encode(filter)
                + "&$select=" + QueryStrings.encode("number,displayName,balanceDue,creditLimit,blocked,currencyCode")
                + "&$expand=" + QueryStrings.encode("paymentTerms($select=code)"));
        Map<String, CreditStatus> result = new HashMap<>();
        for (JsonNode row : getAll("credit", paths("number", asked, path))) {
            String number = BusinessCentralFields.requiredText(row, "number", systemId());
            if (asked.contains(number)) {
                result.put(number, creditStatus(row, localCurrency, systemId()));
            }
        }
        return ErpBatch.of(result);
    }

    static CreditStatus creditStatus(JsonNode customer, String localCurrency, String erpSystemId) {
        // Both amounts are in LCY in BC ("Credit Limit (LCY)", "Balance Due (LCY)"),
        // whatever the customer's currency.
        Money limit = new Money(BusinessCentralFields.requiredDecimal(customer, "creditLimit", erpSystemId),
                localCurrency);
        Money balance = new Money(BusinessCentralFields.requiredDecimal(customer, "balanceDue", erpSystemId),
                localCurrency);
        JsonNode terms = customer.path("paymentTerms");
        String termsCode = terms.isObject() ? BusinessCentralFields.text(terms, "code") : null;
        return new CreditStatus(limit, balance, limit.minus(balance),
                BusinessCentralOrders.isBlocked(BusinessCentralFields.text(customer, "blocked")),
                termsCode == null || termsCode.isBlank() ? null : termsCode);
    }

    // ---- create

    @Override
    public String createSalesOrder(SalesOrderRequest request) {
        if (!BusinessCentralFilter.isCode(request.customerNumber())) {
            throw ErpException.rejected(systemId(),
                    "not a Business Central customer number: " + request.customerNumber());
        }
        String key = request.idempotencyKey();
        if (key.isBlank() || key.length() > MAX_EXTERNAL_DOCUMENT_NUMBER
                || key.chars().anyMatch(Character::isISOControl)) {
            throw ErpException.rejected(systemId(), "the idempotency key must fit BC's External Document No. (1 to "
                    + MAX_EXTERNAL_DOCUMENT_NUMBER + " characters)");
        }
        List<JsonNode> existing = client.getAll("create-order",
                client.api("salesOrders?$filter="
                        + QueryStrings.encode(BusinessCentralFilter.eq("externalDocumentNumber", key) + " and "
                                + BusinessCentralFilter.eq("customerNumber", request.customerNumber()))
                        + "&$select=number"));
        if (!existing.isEmpty()) {
            return BusinessCentralFields.requiredText(existing.get(0), "number", systemId());
        }
        ObjectNode body = ErpJson.MAPPER.createObjectNode();
        body.put("customerNumber", request.customerNumber());
        body.put("externalDocumentNumber", key);
        if (request.requestedDeliveryDate() != null) {
            body.put("requestedDeliveryDate", request.requestedDeliveryDate().toString());
        }
        ArrayNode lines = body.putArray("salesOrderLines");
        Map<String, String> locationIds = new HashMap<>();
        for (SalesOrderRequest.Line line : request.lines()) {
            if (!BusinessCentralFilter.isCode(line.sku())) {
                throw ErpException.rejected(systemId(), "not a Business Central item number: " + line.sku());
            }
            ObjectNode wire = lines.addObject();
            wire.put("lineType", "Item");
            wire.put("lineObjectNumber", line.sku());
            wire.put("quantity", line.quantity());
            if (line.warehouse() != null) {
                if (locationIds.isEmpty()) {
                    allLocations().forEach((id, code) -> locationIds.put(code, id));
                }
                String locationId = locationIds.get(line.warehouse());
                if (locationId == null) {
                    throw ErpException.rejected(systemId(), "no Business Central location " + line.warehouse());
                }
                wire.put("locationId", locationId);
            }
        }
        JsonNode created = client.post("create-order", client.api("salesOrders"),
                ErpJson.MAPPER.writeValueAsString(body));
        return BusinessCentralFields.requiredText(created, "number", systemId());
    }

    // ---- shared lookups

    /**
     * Which of these customer numbers BC knows:
     * {@code customers?$filter=number eq ...&$select=number}.
     */
    private Set<String> existingCustomers(Set<String> customerNumbers) {
        Set<String> known = new HashSet<>();
        if (customerNumbers.isEmpty()) {
            return known;
        }
        Function<String, String> path = filter -> client
            .api("customers?$filter=" + QueryStrings.encode(filter) + "&$select=number");
        for (JsonNode row : getAll("customers", paths("number", customerNumbers, path))) {
            String number = BusinessCentralFields.requiredText(row, "number", systemId());
            if (customerNumbers.contains(number)) {
                known.add(number);
            }
        }
        return known;
    }

    /**
     * The list price of each of these skus BC knows:
     * {@code items?$filter=number eq ...&$select=number,unitPrice}.
     */
    private Map<String, BigDecimal> existingItems(Set<String> skus) {
        return listPrices(getAll("items", itemPaths(skus)), skus);
    }

    private List<String> itemPaths(Set<String> skus) {
        return paths("number", skus,
                filter -> client.api("items?$filter=" + QueryStrings.encode(filter) + "&$select=number,unitPrice"));
    }

    /** The list price of each of these skus among these {@code items} rows. */
    private Map<String, BigDecimal> listPrices(List<JsonNode> rows, Set<String> skus) {
        Map<String, BigDecimal> known = new HashMap<>();
        for (JsonNode row : rows) {
            String sku = BusinessCentralFields.requiredText(row, "number", systemId());
            if (skus.contains(sku)) {
                known.put(sku, BusinessCentralFields.requiredDecimal(row, "unitPrice", systemId()));
            }
        }
        return known;
    }

    /**
     * Location id → code, read from {@code locations} once and again only if
     * {@code needed} names an id not seen yet (a location added since). Concurrent first
     * reads may both fetch; the result is the same.
     */
    private Map<String, String> locationCodes(Set<String> needed) {
        Map<String, String> known = locations.get();
        if (known != null && known.keySet().containsAll(needed)) {
            return known;
        }
        if (known == null && needed.isEmpty()) {
            return Map.of();
        }
        return readLocations();
    }

    private Map<String, String> readLocations() {
        Map<String, String> fresh = new LinkedHashMap<>();
        for (JsonNode row : client.getAll("locations", client.api("locations?$select=id,code"))) {
            fresh.put(BusinessCentralFields.requiredText(row, "id", systemId()),
                    BusinessCentralFields.requiredText(row, "code", systemId()));
        }
        Map<String, String> snapshot = Map.copyOf(fresh);
        locations.set(snapshot);
        return snapshot;
    }

    private Map<String, String> allLocations() {
        Map<String, String> known = locations.get();
        return known != null ? known : readLocations();
    }

    /**
     * The paths reading these keys: {@code field eq key} clauses chained with {@code or}
     * into URL-length groups.
     */
    private List<String> paths(String field, Set<String> keys, Function<String, String> path) {
        return paths(keys.stream().sorted().map(key -> BusinessCentralFilter.eq(field, key)).toList(), path);
    }

    /**
     * {@code path} of each group of the clauses chained with {@code or} that keeps its
     * URL within the limit.
     */
    private List<String> paths(List<String> clauses, Function<String, String> path) {
        return BusinessCentralFilter.orGroups(clauses, filter -> client.absolute(path.apply(filter)), maxUrlLength)
            .stream()
            .map(path)
            .toList();
    }

    /**
     * Every entity the requests to these paths answer, in path order; the requests are
     * sent side by side.
     */
    private List<JsonNode> getAll(String resource, List<String> paths) {
        return concat(fanOut.each(paths, path -> client.getAll(resource, path)));
    }

    private static List<JsonNode> concat(List<List<JsonNode>> answers) {
        List<JsonNode> rows = new ArrayList<>();
        answers.forEach(rows::addAll);
        return rows;
    }

    private static Set<String> codes(Set<String> keys) {
        Set<String> codes = new LinkedHashSet<>();
        for (String key : keys) {
            if (BusinessCentralFilter.isCode(key)) {
                codes.add(key);
            }
        }
        return codes;
    }

    private static int compareNumbers(String left, String right) {
        if (left.length() != right.length() && left.chars().allMatch(Character::isDigit)
                && right.chars().allMatch(Character::isDigit)) {
            return Integer.compare(left.length(), right.length());
        }
        return left.compareTo(right);
    }

    private static String name(ConnectorSettings settings, String option, String defaultValue) {
        String value = settings.option(option, defaultValue);
        if (value == null || !value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Business Central option '" + option
                    + "' must be a name of letters, digits, '.', '_' or '-', was '" + value + "'");
        }
        return value;
    }

    private static int positive(String value, String option) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new IllegalArgumentException(
                "Business Central option '" + option + "' must be a positive number, was '" + value + "'");
    }

}
