package dev.erpgraph.erp.sap;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

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
import dev.erpgraph.erp.http.QueryStrings;
import dev.erpgraph.erp.http.RequestFanOut;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SAP S/4HANA Cloud through its A2X OData v2 APIs under
 * {@code {base-url}/sap/opu/odata/sap/}.
 *
 * <p>
 * <b>Requests per batch</b> (each sends {@code $top} (option {@code top}, default
 * 1000000, 0: none) far above any real result, so that RAP services answer their largest
 * pages (5000 rows) instead of 100, and follows {@code d.__next} to the end; a batch is
 * split only where the URL would exceed {@code maxUrlLength}, option, default 7500
 * characters, since OData v2 has no {@code in} and key sets become chained {@code or};
 * the requests of one split are sent side by side, at most {@code maxParallelRequests} at
 * once, option, default 4: enough to overlap the few chunks a batch makes at that URL
 * length without crowding the gateway's work processes that every other integration
 * shares):
 * <ul>
 * <li>orders: one {@code API_SALES_ORDER_SRV/A_SalesOrder?$expand=to_Item} with
 * {@code SoldToParty} chained, the status and {@code since} filters pushed down
 * ({@link SapOrderStatus#filter}); limit and newest-first are applied per customer to
 * what comes back. {@code ordersByNumber}: the same, by {@code SalesOrder}.</li>
 * <li>stock: one {@code API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod} by {@code Material}
 * (and {@code Plant} = our warehouse code). On hand = the sum over all stock types and
 * storage locations; available = the sum of the stock types in option
 * {@code stock.availableStockTypes} (default {@code 01}, unrestricted use). This API has
 * no ATP: quantities in quality inspection ({@code 02}) or blocked ({@code 07}) are on
 * hand but not available.</li>
 * <li>prices: one {@code API_SLSPRICINGCONDITIONRECORD_SRV/A_SlsPrcgCndnRecdValidity}
 * (the access keys {@code Material}/{@code Customer} live on the validity, not on the
 * record) with {@code $expand=to_SlsPrcgConditionRecord}, then one
 * {@code A_SlsPrcgCndnRecordScale} by {@code ConditionRecord} for the quantity scales: a
 * public client saw the scale {@code $expand} come back empty, so scales are always read
 * in their own call. The customer's price is its {@code PPR0} record (option
 * {@code prices.customerConditionType}), else the material's {@code PR00} (option
 * {@code prices.listConditionType}), which is also the list price; the scale line with
 * the highest quantity not above the asked quantity wins.</li>
 * <li>credit: one {@code API_CRDTMBUSINESSPARTNER/CreditManagementAccount} (option
 * {@code credit.accountPath}, the set's name is unverified) for limit and hold
 * ({@code CreditAccountIsBlocked}) in segment {@code credit.segment} (default
 * {@code 1000}), and one exposure read (option {@code credit.exposurePath}, default
 * {@code API_CRDTMBUSINESSPARTNER/A_CrdtMgmtCreditExposure}, amount field
 * {@code credit.exposureAmountField}, default {@code CustomerCreditExposureAmount}; both
 * <b>[I]</b>: a real deployment must confirm them). {@code CreditLimitCalculatedAmount}
 * is a proposed limit, not exposure. Balance = exposure (zero without an exposure row);
 * available = limit - balance. Payment terms are not in these entities: null.</li>
 * <li>create: {@code GET API_SALES_ORDER_SRV/} with {@code X-CSRF-Token: Fetch} (once,
 * then reused), a lookup by {@code PurchaseOrderByCustomer} = idempotency key (a retried
 * create answers the existing order), then the deep insert {@code POST A_SalesOrder} with
 * {@code to_Item} as a plain array.</li>
 * </ul>
 *
 * <p>
 * <b>Status mapping</b>: see {@link SapOrderStatus}. Order lines: {@code lineNumber} is
 * SAP's item number (10, 20, ...), the warehouse is {@code ProductionPlant}, the unit
 * price {@code NetPriceAmount / NetPriceQuantity} (<b>[I]</b>; else
 * {@code NetAmount / RequestedQuantity}); shipped quantity from the item's
 * {@code DeliveryStatus}: {@code C} all, {@code A} none, {@code B} unknown (null: the
 * header API carries no delivered quantity).
 *
 * <p>
 * <b>Keys</b>: customer ({@code SoldToParty}, business partner) and order numbers are
 * digits: anything else is answered as unknown without being sent; leading zeros are
 * dropped as SAP's output conversion does. Materials (up to 40 characters) go into
 * filters as quoted literals with quotes doubled. A customer with no orders maps to an
 * empty list (an orders read cannot tell an unknown customer from a quiet one); an
 * unknown customer's credit is absent.
 *
 * <p>
 * <b>Auth</b>: Basic with the communication user, or an OAuth2 client-credentials token
 * when {@code auth.token-url} is set ({@link SapTokenClient}).
 */
final class SapConnector implements ErpConnector {

    static final String SALES_ORDER_SERVICE = "API_SALES_ORDER_SRV";
    static final String SALES_ORDERS = SALES_ORDER_SERVICE + "/A_SalesOrder";
    static final String STOCK = "API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod";

    private static final String STOCK_SELECT = "$select=Material,Plant,InventoryStockType,MatlWrhsStkQtyInMatlBaseUnit";
    static final String PRICE_SERVICE = "API_SLSPRICINGCONDITIONRECORD_SRV";
    static final String PRICE_VALIDITIES = PRICE_SERVICE + "/A_SlsPrcgCndnRecdValidity";
    static final String PRICE_SCALES = PRICE_SERVICE + "/A_SlsPrcgCndnRecordScale";

    private static final int MAX_MATERIAL_LENGTH = 40;

    /** See the class Javadoc's requests per batch. */
    private static final int DEFAULT_MAX_PARALLEL_REQUESTS = 4;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * SAP's sales order numbers are numeric: the higher one of the same day is the newer.
     */
    private static final Comparator<SalesOrder> NEWEST_FIRST = Comparator.comparing(SalesOrder::orderDate)
        .thenComparing(order -> Long.parseLong(order.number()))
        .reversed();

    private final ConnectorSettings settings;

    private final SapODataClient odata;

    private final Clock clock;

    private final int maxUrlLength;

    private final Set<String> availableStockTypes;

    private final RequestFanOut fanOut;

    SapConnector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.odata = new SapODataClient(http, new SapTokenClient(settings.auth(), http, clock),
                settings.option("servicesPath", "/sap/opu/odata/sap/"),
                Integer.parseInt(settings.option("top", "1000000")));
        this.maxUrlLength = Integer.parseInt(settings.option("maxUrlLength", "7500"));
        this.availableStockTypes = Set.of(settings.option("stock.availableStockTypes", "01").split(","));
        this.fanOut = RequestFanOut.of(settings, DEFAULT_MAX_PARALLEL_REQUESTS);
    }

    @Override
    public String systemId() {
        return settings.systemId();
    }

    @Override
    public ErpKind kind() {
        return ErpKind.SAP_S4HANA;
    }

    @Override
    public Set<ErpCapability> capabilities() {
        // Business events exist (Event Mesh), but they need a broker this connector does
        // not subscribe to.
        return EnumSet.of(ErpCapability.PRICE_BREAKS, ErpCapability.PER_WAREHOUSE_STOCK,
                ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE);
    }

    // ---- orders

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        Map<String, List<String>> requested = canonicalKeys(customerNumbers);
        List<String> extra = new ArrayList<>();
        String statusFilter = SapOrderStatus.filter(query.statuses());
        if (statusFilter != null) {
            extra.add(statusFilter);
        }
        if (query.since() != null) {
            extra.add("SalesOrderDate ge " + SapODataValues.dateTimeLiteral(query.since()));
        }
        Map<String, List<SalesOrder>> byCustomer = query
            .newestPerCustomer(readOrders("orders", "SoldToParty", requested.keySet(), extra), NEWEST_FIRST);
        Map<String, List<SalesOrder>> values = new HashMap<>();
        requested.forEach((canonical, keys) -> {
            List<SalesOrder> orders = byCustomer.getOrDefault(canonical, List.of());
            keys.forEach(key -> values.put(key, orders));
        });
        return ErpBatch.of(values);
    }

    @Override
    public ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers) {
        Map<String, List<String>> requested = canonicalKeys(orderNumbers);
        Map<String, SalesOrder> values = new HashMap<>();
        for (SalesOrder order : readOrders("orders", "SalesOrder", requested.keySet(), List.of())) {
            requested.getOrDefault(order.number(), List.of()).forEach(key -> values.put(key, order));
        }
        return ErpBatch.of(values);
    }

    private List<SalesOrder> readOrders(String resource, String keyField, Set<String> keys, List<String> extra) {
        List<SalesOrder> orders = new ArrayList<>();
        if (keys.isEmpty()) {
            return orders;
        }
        String suffix = extra.isEmpty() ? "" : " and " + String.join(" and ", extra);
        for (JsonNode row : readChunked(resource, SALES_ORDERS, "$expand=to_Item", keys,
                chunk -> SapODataFilter.anyOf(keyField, chunk) + suffix)) {
            orders.add(parse(row, this::order));
        }
        return orders;
    }

    SalesOrder order(JsonNode row) {
        String currency = text(row, "TransactionCurrency");
        List<SalesOrderLine> lines = new ArrayList<>();
        for (JsonNode item : row.path("to_Item").path("results").values()) {
            lines.add(line(item, currency));
        }
        lines.sort(Comparator.comparingInt(SalesOrderLine::lineNumber));
        String number = text(row, "SalesOrder");
        String requested = optionalText(row, "RequestedDeliveryDate");
        return new SalesOrder(number, number, text(row, "SoldToParty"),
                SapOrderStatus.of(optionalText(row, SapOrderStatus.REJECTION), optionalText(row, SapOrderStatus.CREDIT),
                        optionalText(row, SapOrderStatus.PROCESS), optionalText(row, SapOrderStatus.DELIVERY)),
                SapODataValues.parseDate(text(row, "SalesOrderDate")),
                requested == null ? null : SapODataValues.parseDate(requested),
                new Money(amount(decimal(row, "TotalNetAmount")), currency), lines);
    }

    private static SalesOrderLine line(JsonNode item, String headerCurrency) {
        String currency = optionalText(item, "TransactionCurrency");
        currency = currency == null ? headerCurrency : currency;
        BigDecimal quantity = strip(decimal(item, "RequestedQuantity"));
        BigDecimal amount = decimal(item, "NetAmount");
        String netPrice = optionalText(item, "NetPriceAmount");
        BigDecimal unitPrice;
        if (netPrice != null) {
            String per = optionalText(item, "NetPriceQuantity");
            BigDecimal perQuantity = per == null ? BigDecimal.ONE : SapODataValues.parseDecimal(per);
            unitPrice = perQuantity.signum() == 0 || perQuantity.compareTo(BigDecimal.ONE) == 0
                    ? SapODataValues.parseDecimal(netPrice)
                    : SapODataValues.parseDecimal(netPrice).divide(perQuantity, MathContext.DECIMAL64);
        }
        else {
            unitPrice = quantity.signum() == 0 ? BigDecimal.ZERO : amount.divide(quantity, MathContext.DECIMAL64);
        }
        BigDecimal shipped = switch (String.valueOf(optionalText(item, "DeliveryStatus"))) {
            case "C" -> quantity;
            case "A", "null", "" -> BigDecimal.ZERO;
            default -> null;
        };
        return new SalesOrderLine(Integer.parseInt(text(item, "SalesOrderItem")), text(item, "Material"),
                optionalText(item, "SalesOrderItemText"), quantity, shipped, new Money(amount(unitPrice), currency),
                new Money(amount(amount), currency), optionalText(item, "ProductionPlant"));
    }

    // ---- stock

    @Override
    public ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        Set<String> materials = materials(skus);
        Map<String, Map<String, BigDecimal[]>> byMaterial = new HashMap<>();
        if (!materials.isEmpty()) {
            String plant = warehouse == null ? "" : " and " + SapODataFilter.eq("Plant", warehouse);
            // One row per material, plant, storage location, batch and stock type: only
            // four of its ~25
            // properties are summed, and without $select a page of 55 materials was 440
            // KB to send and parse.
            for (JsonNode row : readChunked("inventory", STOCK, STOCK_SELECT, materials,
                    chunk -> SapODataFilter.anyOf("Material", chunk) + plant)) {
                parse(row, node -> {
                    BigDecimal quantity = decimal(node, "MatlWrhsStkQtyInMatlBaseUnit");
                    BigDecimal[] sums = byMaterial.computeIfAbsent(text(node, "Material"), key -> new TreeMap<>())
                        .computeIfAbsent(text(node, "Plant"),
                                key -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
                    sums[0] = sums[0].add(quantity);
                    if (availableStockTypes.contains(text(node, "InventoryStockType"))) {
                        sums[1] = sums[1].add(quantity);
                    }
                    return null;
                });
            }
        }
        Map<String, List<StockLevel>> values = new HashMap<>();
        for (String sku : materials) {
            List<StockLevel> levels = new ArrayList<>();
            byMaterial.getOrDefault(sku, Map.of())
                .forEach((plant, sums) -> levels.add(new StockLevel(sku, plant, strip(sums[0]), strip(sums[1]))));
            values.put(sku, levels);
        }
        return ErpBatch.of(values);
    }

    /**
     * {@code Edm.Decimal(31,14)} stock quantities without the fourteen trailing zeros.
     */
    private static BigDecimal strip(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // ---- prices

    /**
     * A condition record as read: its rate, currency and scale lines (quantity to rate,
     * ascending).
     */
    private record Condition(String record, String type, String customer, String material, BigDecimal rate,
            String currency, TreeMap<BigDecimal, BigDecimal> scales) {
    }

    @Override
    public ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        String listType = settings.option("prices.listConditionType", "PR00");
        String customerType = settings.option("prices.customerConditionType", "PPR0");
        Map<PriceKey, String> customerOf = new LinkedHashMap<>();
        for (PriceKey key : keys) {
            String customer = SapODataFilter.numericKey(key.customerNumber());
            if (customer != null && validMaterial(key.sku())) {
                customerOf.put(key, customer);
            }
        }
        if (customerOf.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Set<String> customers = new LinkedHashSet<>(customerOf.values());
        Set<String> materials = new LinkedHashSet<>();
        customerOf.keySet().forEach(key -> materials.add(key.sku()));
        String today = SapODataValues.dateTimeLiteral(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        String fixed = "(ConditionType eq " + SapODataFilter.literal(listType) + " or ConditionType eq "
                + SapODataFilter.literal(customerType) + ") and ConditionValidityStartDate le " + today
                + " and ConditionValidityEndDate ge " + today;

        Map<String, Condition> conditions = new LinkedHashMap<>();
        // Two key sets: customers chunked to at most half the URL budget, materials into
        // what is left.
        int half = (maxUrlLength - odata.url(PRICE_VALIDITIES).length()) / 2;
        List<String> queries = new ArrayList<>();
        for (List<String> customerChunk : SapODataFilter.chunk(customers, 0, half,
                chunk -> "(Customer eq '' or " + SapODataFilter.anyOf("Customer", chunk).substring(1))) {
            String customerFilter = "(Customer eq '' or "
                    + SapODataFilter.anyOf("Customer", customerChunk).substring(1);
            queries.addAll(chunkedQueries(PRICE_VALIDITIES, "$expand=to_SlsPrcgConditionRecord", materials,
                    chunk -> fixed + " and " + customerFilter + " and " + SapODataFilter.anyOf("Material", chunk)));
        }
        for (JsonNode row : readAll("prices", PRICE_VALIDITIES, queries)) {
            Condition condition = parse(row, node -> {
                JsonNode record = node.path("to_SlsPrcgConditionRecord");
                String customer = optionalText(node, "Customer");
                return new Condition(text(node, "ConditionRecord"), text(node, "ConditionType"),
                        customer == null ? "" : customer, text(node, "Material"), decimal(record, "ConditionRateValue"),
                        text(record, "ConditionRateValueUnit"), new TreeMap<>());
            });
            conditions.put(condition.record(), condition);
        }
        if (!conditions.isEmpty()) {
            for (JsonNode row : readChunked("prices", PRICE_SCALES, "", conditions.keySet(),
                    chunk -> SapODataFilter.anyOf("ConditionRecord", chunk))) {
                parse(row, node -> {
                    Condition condition = conditions.get(text(node, "ConditionRecord"));
                    if (condition != null) {
                        condition.scales()
                            .put(decimal(node, "ConditionScaleQuantity"), decimal(node, "ConditionRateValue"));
                    }
                    return null;
                });
            }
        }
        Map<String, Condition> index = new HashMap<>();
        conditions.values()
            .forEach(condition -> index.put(condition.type() + "|" + condition.customer() + "|" + condition.material(),
                    condition));
        Map<PriceKey, ItemPrice> values = new HashMap<>();
        customerOf.forEach((key, customer) -> {
            Condition list = index.get(listType + "||" + key.sku());
            Condition own = index.get(customerType + "|" + customer + "|" + key.sku());
            Condition applied = own != null ? own : list;
            if (applied != null) {
                values.put(key, price(key, applied, list));
            }
        });
        return ErpBatch.of(values);
    }

    private ItemPrice price(PriceKey key, Condition applied, Condition list) {
        Map.Entry<BigDecimal, BigDecimal> scale = applied.scales().floorEntry(key.quantity());
        BigDecimal rate = scale == null ? applied.rate() : scale.getValue();
        List<PriceBreak> breaks = new ArrayList<>();
        applied.scales()
            .forEach((quantity, scaleRate) -> breaks
                .add(new PriceBreak(strip(quantity), new Money(amount(scaleRate), applied.currency()))));
        return new ItemPrice(key.sku(), key.quantity(), new Money(amount(rate), applied.currency()),
                list == null ? null : new Money(amount(list.rate()), list.currency()), breaks);
    }

    /**
     * An amount or rate as SAP sends it at its declared scale ({@code "1520.000"},
     * {@code "298.000000000"}) without the trailing zeros, but with at least two places:
     * the same number, exactly, as a person would write it.
     */
    static BigDecimal amount(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 2 ? rate.setScale(2) : stripped;
    }

    // ---- credit

    @Override
    public ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        Map<String, List<String>> requested = canonicalKeys(customerNumbers);
        if (requested.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        String segment = " and " + SapODataFilter.eq("CreditSegment", settings.option("credit.segment", "1000"));
        String accountPath = settings.option("credit.accountPath", "API_CRDTMBUSINESSPARTNER/CreditManagementAccount");
        String exposurePath = settings.option("credit.exposurePath",
                "API_CRDTMBUSINESSPARTNER/A_CrdtMgmtCreditExposure");
        String exposureField = settings.option("credit.exposureAmountField", "CustomerCreditExposureAmount");

        Map<String, JsonNode> accounts = new HashMap<>();
        for (JsonNode row : readChunked("credit", accountPath, "", requested.keySet(),
                chunk -> SapODataFilter.anyOf("BusinessPartner", chunk) + segment)) {
            accounts.put(parse(row, node -> text(node, "BusinessPartner")), row);
        }
        Map<String, BigDecimal> exposure = new HashMap<>();
        if (!accounts.isEmpty()) {
            for (JsonNode row : readChunked("credit", exposurePath, "", accounts.keySet(),
                    chunk -> SapODataFilter.anyOf("BusinessPartner", chunk) + segment)) {
                parse(row, node -> exposure.merge(text(node, "BusinessPartner"), decimal(node, exposureField),
                        BigDecimal::add));
            }
        }
        Map<String, CreditStatus> values = new HashMap<>();
        accounts.forEach((partner, row) -> {
            CreditStatus status = parse(row, node -> {
                String currency = text(node, "CreditSegmentCurrency");
                Money limit = new Money(amount(decimal(node, "CreditLimitAmount")), currency);
                Money balance = new Money(amount(exposure.getOrDefault(partner, BigDecimal.ZERO)), currency);
                return new CreditStatus(limit, balance, limit.minus(balance),
                        node.path("CreditAccountIsBlocked").asBoolean(false), null);
            });
            requested.getOrDefault(partner, List.of()).forEach(key -> values.put(key, status));
        });
        return ErpBatch.of(values);
    }

    // ---- create

    @Override
    public String createSalesOrder(SalesOrderRequest request) {
        String customer = SapODataFilter.numericKey(request.customerNumber());
        if (customer == null) {
            throw ErpException.rejected(systemId(),
                    "customer number '" + request.customerNumber() + "' is not an SAP business partner number");
        }
        for (SalesOrderRequest.Line line : request.lines()) {
            if (!validMaterial(line.sku())) {
                throw ErpException.rejected(systemId(), "'" + line.sku() + "' is not an SAP material number");
            }
        }
        String reference = purchaseOrderReference(request.idempotencyKey());
        // A retried create (the first answer lost in transit) finds its order instead of
        // creating a second one.
        List<JsonNode> existing = odata.readAll("create-order", SALES_ORDERS,
                "$select=SalesOrder&$filter=" + QueryStrings.encode(SapODataFilter.eq("SoldToParty", customer) + " and "
                        + SapODataFilter.eq("PurchaseOrderByCustomer", reference)));
        if (!existing.isEmpty()) {
            return parse(existing.get(0), node -> text(node, "SalesOrder"));
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("SalesOrderType", settings.option("order.salesOrderType", "OR"));
        body.put("SalesOrganization", settings.option("order.salesOrganization", "1710"));
        body.put("DistributionChannel", settings.option("order.distributionChannel", "10"));
        body.put("OrganizationDivision", settings.option("order.division", "00"));
        body.put("SoldToParty", customer);
        body.put("PurchaseOrderByCustomer", reference);
        if (request.requestedDeliveryDate() != null) {
            body.put("RequestedDeliveryDate", SapODataValues.formatDate(request.requestedDeliveryDate()));
        }
        ArrayNode items = body.putArray("to_Item");
        for (SalesOrderRequest.Line line : request.lines()) {
            ObjectNode item = items.addObject();
            item.put("Material", line.sku());
            item.put("RequestedQuantity", line.quantity().toPlainString());
            if (line.warehouse() != null) {
                item.put("ProductionPlant", line.warehouse());
            }
        }
        JsonNode created = odata.create("create-order", SALES_ORDER_SERVICE, "A_SalesOrder",
                JSON.writeValueAsString(body));
        return parse(created, node -> text(node, "SalesOrder"));
    }

    /**
     * The idempotency key as {@code PurchaseOrderByCustomer} (35 characters): as is when
     * it fits, a UUID without its dashes, anything longer as a SHA-256 prefix; the same
     * key always gives the same reference.
     */
    static String purchaseOrderReference(String idempotencyKey) {
        if (idempotencyKey.length() <= 35) {
            return idempotencyKey;
        }
        String compact = idempotencyKey.replace("-", "");
        if (compact.length() <= 35) {
            return compact;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 35);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    // ---- shared

    /**
     * Reads the rows for {@code keys}, in as few URL-length-bounded requests as the keys
     * allow.
     */
    private List<JsonNode> readChunked(String resource, String entitySet, String options, Set<String> keys,
            Function<List<String>, String> filter) {
        return readAll(resource, entitySet, chunkedQueries(entitySet, options, keys, filter));
    }

    /**
     * The query of each URL-length-bounded chunk of {@code keys}: {@code options}, then
     * the chunk's filter.
     */
    private List<String> chunkedQueries(String entitySet, String options, Set<String> keys,
            Function<List<String>, String> filter) {
        String prefix = (options.isEmpty() ? "" : options + "&") + "$filter=";
        int fixed = odata.url(entitySet).length() + 1 + prefix.length();
        return SapODataFilter.chunk(keys, fixed, maxUrlLength, filter)
            .stream()
            .map(chunk -> prefix + QueryStrings.encode(filter.apply(chunk)))
            .toList();
    }

    /**
     * The rows these queries answer, in query order; the requests are sent side by side.
     */
    private List<JsonNode> readAll(String resource, String entitySet, List<String> queries) {
        List<JsonNode> rows = new ArrayList<>();
        fanOut.each(queries, query -> odata.readAll(resource, entitySet, query)).forEach(rows::addAll);
        return rows;
    }

    /**
     * Valid numeric keys by their canonical form, with the caller's spellings of each.
     */
    private static Map<String, List<String>> canonicalKeys(Set<String> keys) {
        Map<String, List<String>> canonical = new LinkedHashMap<>();
        for (String key : keys) {
            String normalized = SapODataFilter.numericKey(key);
            if (normalized != null) {
                canonical.computeIfAbsent(normalized, k -> new ArrayList<>()).add(key);
            }
        }
        return canonical;
    }

    private static Set<String> materials(Set<String> skus) {
        Set<String> materials = new LinkedHashSet<>();
        skus.stream().filter(SapConnector::validMaterial).forEach(materials::add);
        return materials;
    }

    private static boolean validMaterial(String sku) {
        return sku != null && !sku.isBlank() && sku.length() <= MAX_MATERIAL_LENGTH;
    }

    /** Maps a row, turning a missing or malformed field into BAD_RESPONSE. */
    private <T> T parse(JsonNode row, Function<JsonNode, T> mapper) {
        try {
            return mapper.apply(row);
        }
        catch (IllegalArgumentException | NullPointerException | ArithmeticException ex) {
            throw ErpException.badResponse(systemId(), "unreadable SAP entity: " + ex.getMessage(), ex);
        }
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return SapODataValues.parseDecimal(text(node, field));
    }

}
