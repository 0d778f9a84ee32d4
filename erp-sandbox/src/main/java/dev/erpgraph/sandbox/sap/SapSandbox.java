package dev.erpgraph.sandbox.sap;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.DistributorDataSet.Customer;
import dev.erpgraph.sandbox.DistributorDataSet.Item;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.DistributorDataSet.OrderLine;
import dev.erpgraph.sandbox.DistributorDataSet.QuantityBreak;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.ODataFilter;
import dev.erpgraph.sandbox.OrderStatus;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxKind;
import dev.erpgraph.sandbox.SandboxRegistry;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small SAP S/4HANA Cloud: the A2X OData v2 services the SAP connector reads, under
 * {@code /sandbox/{id}/sap/opu/odata/sap/...}, from the sandbox's data set, with SAP's
 * quirks: the {@code {"d":{"results":[...]}}} envelope with {@code __metadata},
 * {@code /Date(ms)/} dates, decimals as strings at their declared scale,
 * {@code $inlinecount}, server-driven paging (100 rows without {@code $top}, {@code $top}
 * cut to 5000, {@code d.__next} with a {@code $skiptoken}), a real {@code $filter} parser
 * ({@link ODataFilter} in SAP's dialect), Basic auth with the communication user or a
 * bearer token from {@code /sandbox/{id}/oauth/token}, CSRF tokens bound to the session
 * cookie, and SAP Gateway's error body.
 *
 * <p>
 * Demo data in SAP terms: plants are the warehouse codes; stock is served as unrestricted
 * ({@code 01}) = the data set's available quantity, plus quality inspection ({@code 02})
 * = the allocated rest, so on hand = all types. Prices: a {@code PR00} record per
 * material (list price, its scales = the quantity breaks) and a customer-specific
 * {@code PPR0} record per customer with a discount (customer price, scales likewise).
 * Credit: one {@code CreditManagementAccount} per customer in segment {@code 1000}, and
 * an {@code A_CrdtMgmtCreditExposure} row for each customer with a balance.
 */
@RestController
@RequestMapping("/sandbox/{erpSystemId}")
@ConditionalOnSandboxMode
public class SapSandbox {

    private static final String ROOT = "/sap/opu/odata/sap";
    static final String SESSION_COOKIE = "SAP_SESSIONID_S4H_100";
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 5000;

    private static final LocalDate VALID_FROM = LocalDate.of(2024, 1, 1);

    private static final LocalDate VALID_TO = LocalDate.of(9999, 12, 31);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Map<String, Class<?>> ORDER_PROPERTIES = types(
            "SalesOrder SalesOrderType SalesOrganization DistributionChannel OrganizationDivision SoldToParty "
                    + "PurchaseOrderByCustomer TransactionCurrency CustomerPaymentTerms OverallSDProcessStatus "
                    + "TotalCreditCheckStatus OverallTotalDeliveryStatus OverallSDDocumentRejectionSts "
                    + "DeliveryBlockReason HeaderBillingBlockReason",
            String.class, "SalesOrderDate CreationDate RequestedDeliveryDate PricingDate", LocalDate.class,
            "TotalNetAmount", BigDecimal.class);

    private static final Map<String, Class<?>> STOCK_PROPERTIES = types(
            "Material Plant StorageLocation Batch Supplier Customer WBSElementInternalID SDDocument SDDocumentItem "
                    + "InventorySpecialStockType InventoryStockType MaterialBaseUnit",
            String.class, "MatlWrhsStkQtyInMatlBaseUnit", BigDecimal.class);

    private static final Map<String, Class<?>> VALIDITY_PROPERTIES = types(
            "ConditionRecord ConditionApplication ConditionType ConditionTable SalesOrganization DistributionChannel "
                    + "Customer Material",
            String.class, "ConditionValidityStartDate ConditionValidityEndDate", LocalDate.class);

    private static final Map<String, Class<?>> SCALE_PROPERTIES = types(
            "ConditionRecord ConditionSequentialNumber ConditionScaleLine ConditionScaleQuantityUnit "
                    + "ConditionRateValueUnit",
            String.class, "ConditionScaleQuantity ConditionRateValue", BigDecimal.class);

    private static final Map<String, Class<?>> ACCOUNT_PROPERTIES = types(
            "BusinessPartner CreditSegment CreditSegmentCurrency CreditAccountBlockReason", String.class,
            "CreditLimitAmount CreditLimitCalculatedAmount", BigDecimal.class,
            "CreditAccountIsBlocked BusinessPartnerIsCritical", Boolean.class, "CreditLimitValidityEndDate",
            LocalDate.class);

    private static final Map<String, Class<?>> EXPOSURE_PROPERTIES = types(
            "BusinessPartner CreditSegment CreditSegmentCurrency", String.class, "CustomerCreditExposureAmount",
            BigDecimal.class);

    /**
     * Session id (the {@value #SESSION_COOKIE} cookie) to the CSRF token issued with it.
     */
    private final Map<String, String> csrfSessions = new ConcurrentHashMap<>();

    private final SandboxRegistry registry;

    SapSandbox(SandboxRegistry registry) {
        this.registry = registry;
    }

    /** A failure answered in SAP Gateway's error format. */
    static final class ODataError extends RuntimeException {

        final int status;

        final String code;

        ODataError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

    }

    /** Ends every CSRF session, as a session timeout on the real system would. */
    public void expireSessions() {
        csrfSessions.clear();
    }

    // ---- auth

    @PostMapping(SapSandboxErp.TOKEN_PATH)
    ResponseEntity<String> token(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = sandbox(erpSystemId);
        sandbox.stats().record("token");
        String expected = SapWireValues.basic(SapSandboxErp.CLIENT_ID, SapSandboxErp.CLIENT_SECRET);
        boolean clientOk = expected.equals(request.getHeader(HttpHeaders.AUTHORIZATION))
                || (SapSandboxErp.CLIENT_ID.equals(request.getParameter("client_id"))
                        && SapSandboxErp.CLIENT_SECRET.equals(request.getParameter("client_secret")));
        ObjectNode body = JSON.createObjectNode();
        if (!clientOk) {
            body.put("error", "unauthorized");
            body.put("error_description", "Bad credentials");
            return json(401, body);
        }
        if (!"client_credentials".equals(request.getParameter("grant_type"))) {
            body.put("error", "unsupported_grant_type");
            body.put("error_description", "Unsupported grant type: " + request.getParameter("grant_type"));
            return json(400, body);
        }
        long ttl = sandbox.faults().tokenTtlSeconds();
        body.put("access_token", sandbox.tokens().issue(ttl));
        body.put("token_type", "bearer");
        body.put("expires_in", ttl);
        body.put("scope", "uaa.resource");
        body.put("jti", Long.toHexString(RANDOM.nextLong()));
        return json(200, body);
    }

    private static void authenticate(Sandbox sandbox, HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (SapWireValues.basic(SapSandboxErp.USER, SapSandboxErp.PASSWORD).equals(authorization)
                || sandbox.tokens().isValidBearer(authorization)) {
            return;
        }
        throw new ODataError(401, "/IWFND/CM_CONSUMER/101", "Logon failed: user or password is not correct");
    }

    // ---- sales orders

    @GetMapping({ ROOT + "/API_SALES_ORDER_SRV", ROOT + "/API_SALES_ORDER_SRV/" })
    ResponseEntity<String> salesOrderService(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = sandbox(erpSystemId);
        sandbox.stats().record("csrf-token");
        authenticate(sandbox, request);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sets = root.putObject("d").putArray("EntitySets");
        List.of("A_SalesOrder", "A_SalesOrderItem", "A_SalesOrderScheduleLine", "A_SalesOrderPartner")
            .forEach(sets::add);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(200).contentType(MediaType.APPLICATION_JSON);
        if ("Fetch".equalsIgnoreCase(request.getHeader("X-CSRF-Token"))) {
            String session = session(request);
            String token = session == null ? null : csrfSessions.get(session);
            if (token == null) {
                session = randomToken(24);
                token = randomToken(18);
                csrfSessions.put(session, token);
                answer.header(HttpHeaders.SET_COOKIE, SESSION_COOKIE + "=" + session + "; path=/; HttpOnly")
                    .header(HttpHeaders.SET_COOKIE, "sap-usercontext=sap-client=100; path=/");
            }
            answer.header("X-CSRF-Token", token);
        }
        return answer.body(JSON.writeValueAsString(root));
    }

    @GetMapping(ROOT + "/API_SALES_ORDER_SRV/A_SalesOrder")
    ResponseEntity<String> salesOrders(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = sandbox(erpSystemId);
        sandbox.stats().record("orders");
        authenticate(sandbox, request);
        boolean items = expand(request, "to_Item");
        FilterExpression filter = ODataFilter.parse(request.getParameter("$filter"), ORDER_PROPERTIES,
                SapFilterDialect.INSTANCE);
        DistributorDataSet data = sandbox.data();
        List<Map<String, Object>> matches = new ArrayList<>();
        List<Order> candidates = new ArrayList<>();
        Set<String> numbers = filter.candidates("SalesOrder");
        if (numbers != null) {
            numbers.forEach(number -> sandbox.erp()
                .orderSequence(number)
                .ifPresent(sequence -> data.order(sequence).ifPresent(candidates::add)));
        }
        else {
            customerIndexes(sandbox, filter.candidates("SoldToParty"))
                .forEach(index -> candidates.addAll(data.ordersOf(index)));
        }
        // Key order, as SAP pages a collection.
        candidates.sort((a, b) -> Integer.compare(a.sequence(), b.sequence()));
        for (Order order : candidates) {
            Map<String, Object> header = orderHeader(sandbox, order);
            if (filter.test(header::get)) {
                matches.add(header);
            }
        }
        Set<String> select = select(request, ORDER_PROPERTIES);
        return page(request, matches, header -> {
            ObjectNode node = entity(request, "API_SALES_ORDER_SRV", "A_SalesOrder",
                    "A_SalesOrder('" + header.get("SalesOrder") + "')", header, select);
            if (select == null || select.contains("to_Item")) {
                Order order = sandbox.data()
                    .order(sandbox.erp().orderSequence((String) header.get("SalesOrder")).orElseThrow())
                    .orElseThrow();
                if (items) {
                    ArrayNode results = node.putObject("to_Item").putArray("results");
                    order.lines()
                        .forEach(
                                line -> results.add(entity(request, "API_SALES_ORDER_SRV", "A_SalesOrderItem",
                                        "A_SalesOrderItem(SalesOrder='" + header.get("SalesOrder")
                                                + "',SalesOrderItem='" + line.lineNumber() * 10 + "')",
                                        orderItem(sandbox, order, line), null)));
                }
                else {
                    node.putObject("to_Item")
                        .putObject("__deferred")
                        .put("uri", serviceUrl(request, "API_SALES_ORDER_SRV") + "/A_SalesOrder('"
                                + header.get("SalesOrder") + "')/to_Item");
                }
            }
            return node;
        });
    }

    @PostMapping(ROOT + "/API_SALES_ORDER_SRV/A_SalesOrder")
    ResponseEntity<String> createSalesOrder(@PathVariable String erpSystemId, HttpServletRequest request,
            @RequestBody(required = false) String body) {
        Sandbox sandbox = sandbox(erpSystemId);
        sandbox.stats().record("create-order");
        authenticate(sandbox, request);
        String session = session(request);
        String token = request.getHeader("X-CSRF-Token");
        if (session == null || token == null || !token.equals(csrfSessions.get(session))) {
            return ResponseEntity.status(403)
                .header("X-CSRF-Token", "Required")
                .contentType(MediaType.TEXT_PLAIN)
                .body("CSRF token validation failed");
        }
        JsonNode order;
        try {
            order = JSON.readTree(body == null ? "" : body);
        }
        catch (JacksonException ex) {
            throw new ODataError(400, "/IWBEP/CM_MGW_RT/020",
                    "The Data Services Request could not be understood " + "due to malformed syntax");
        }
        DistributorDataSet data = sandbox.data();
        String soldTo = order.path("SoldToParty").asString("");
        int customer = sandbox.erp()
            .customerIndex(soldTo)
            .orElseThrow(() -> new ODataError(400, "V1/382",
                    "Sold-to party " + soldTo + " not maintained for sales area 1710/10/00"));
        JsonNode items = order.path("to_Item");
        if (!items.isArray() || items.isEmpty()) {
            throw new ODataError(400, "V1/555", "Enter at least one item (to_Item must be an array of items)");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : items.values()) {
            String material = item.path("Material").asString("");
            Item known = data.item(material)
                .orElseThrow(() -> new ODataError(400, "V1/320",
                        "Material " + material + " is not defined for sales org.1710, distr.chan.10, language EN"));
            BigDecimal quantity;
            try {
                quantity = new BigDecimal(item.path("RequestedQuantity").asString(""));
            }
            catch (NumberFormatException ex) {
                throw new ODataError(400, "/IWBEP/CM_MGW_RT/021", "Invalid value for property 'RequestedQuantity'");
            }
            if (quantity.signum() <= 0) {
                throw new ODataError(400, "V1/033", "Enter a positive order quantity for item " + material);
            }
            String plant = item.path("ProductionPlant").asString("CLE");
            if (data.warehouses().stream().noneMatch(warehouse -> warehouse.code().equals(plant))) {
                throw new ODataError(400, "V1/014", "Plant " + plant + " is not defined");
            }
            lines.add(new OrderLine(lines.size() + 1, material, known.description(), quantity, BigDecimal.ZERO,
                    data.unitPrice(customer, material, quantity).orElseThrow(), plant));
        }
        String requested = order.path("RequestedDeliveryDate").asString(null);
        LocalDate requestedDate;
        try {
            requestedDate = requested == null ? DistributorDataSet.AS_OF.plusDays(7)
                    : SapWireValues.parseDate(requested);
        }
        catch (IllegalArgumentException ex) {
            throw new ODataError(400, "/IWBEP/CM_MGW_RT/021", "Invalid value for property 'RequestedDeliveryDate'");
        }
        int sequence = data.createOrder(customer, order.path("PurchaseOrderByCustomer").asString(null), requestedDate,
                lines);
        Order created = data.order(sequence).orElseThrow();
        Map<String, Object> header = orderHeader(sandbox, created);
        ObjectNode entity = entity(request, "API_SALES_ORDER_SRV", "A_SalesOrder",
                "A_SalesOrder('" + header.get("SalesOrder") + "')", header, null);
        ArrayNode results = entity.putObject("to_Item").putArray("results");
        created.lines()
            .forEach(line -> results.add(entity(
                    request, "API_SALES_ORDER_SRV", "A_SalesOrderItem", "A_SalesOrderItem(SalesOrder='"
                            + header.get("SalesOrder") + "',SalesOrderItem='" + line.lineNumber() * 10 + "')",
                    orderItem(sandbox, created, line), null)));
        ObjectNode root = JSON.createObjectNode();
        root.set("d", entity);
        return ResponseEntity.status(201)
            .contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.LOCATION, entity.path("__metadata").path("uri").asString())
            .body(JSON.writeValueAsString(root));
    }

    private static Map<String, Object> orderHeader(Sandbox sandbox, Order order) {
        String[] status = switch (order.status()) {
            // process, delivery, rejection, credit check
            case OPEN -> new String[] { "A", "A", "A", "A" };
            case ON_HOLD -> new String[] { "A", "A", "A", "B" };
            case PARTIALLY_SHIPPED -> new String[] { "B", "B", "A", "A" };
            case SHIPPED -> new String[] { "B", "C", "A", "A" };
            case INVOICED -> new String[] { "C", "C", "A", "A" };
            case CANCELLED -> new String[] { "C", "", "C", "A" };
        };
        Customer customer = sandbox.data().customer(order.customerIndex()).orElseThrow();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("SalesOrder", sandbox.erp().orderNumber(order.sequence()));
        header.put("SalesOrderType", "OR");
        header.put("SalesOrganization", "1710");
        header.put("DistributionChannel", "10");
        header.put("OrganizationDivision", "00");
        header.put("SoldToParty", sandbox.erp().customerNumber(order.customerIndex()));
        header.put("PurchaseOrderByCustomer", order.customerPo() == null ? "" : order.customerPo());
        header.put("SalesOrderDate", order.orderDate());
        header.put("CreationDate", order.orderDate());
        header.put("RequestedDeliveryDate", order.requestedDate());
        header.put("PricingDate", order.orderDate());
        header.put("TotalNetAmount", order.total().setScale(3));
        header.put("TransactionCurrency", DistributorDataSet.CURRENCY);
        header.put("CustomerPaymentTerms", paymentTerms(customer.paymentTerms()));
        header.put("LastChangeDateTime",
                order.orderDate().atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(8 * 3600));
        header.put("OverallSDProcessStatus", status[0]);
        header.put("TotalCreditCheckStatus", status[3]);
        header.put("OverallTotalDeliveryStatus", status[1]);
        header.put("OverallSDDocumentRejectionSts", status[2]);
        header.put("DeliveryBlockReason", "");
        header.put("HeaderBillingBlockReason", "");
        return header;
    }

    private static Map<String, Object> orderItem(Sandbox sandbox, Order order, OrderLine line) {
        String delivery = order.status() == OrderStatus.CANCELLED ? ""
                : line.shippedQuantity().compareTo(line.quantity()) >= 0 ? "C"
                        : line.shippedQuantity().signum() > 0 ? "B" : "A";
        String unit = sandbox.data().item(line.sku()).map(Item::unit).orElse("EA");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("SalesOrder", sandbox.erp().orderNumber(order.sequence()));
        item.put("SalesOrderItem", String.valueOf(line.lineNumber() * 10));
        item.put("SalesOrderItemCategory", "TAN");
        item.put("SalesOrderItemText", line.description());
        item.put("Material", line.sku());
        item.put("RequestedQuantity", line.quantity().setScale(3));
        item.put("RequestedQuantityUnit", unit);
        item.put("NetAmount", line.amount().setScale(3));
        item.put("NetPriceAmount", line.unitPrice().setScale(3));
        item.put("NetPriceQuantity", BigDecimal.ONE.setScale(3));
        item.put("NetPriceQuantityUnit", unit);
        item.put("TransactionCurrency", DistributorDataSet.CURRENCY);
        item.put("ProductionPlant", line.warehouse());
        item.put("StorageLocation", "0001");
        item.put("SDProcessStatus", order.status() == OrderStatus.INVOICED || order.status() == OrderStatus.CANCELLED
                ? "C" : delivery.equals("A") ? "A" : "B");
        item.put("DeliveryStatus", delivery);
        item.put("SalesDocumentRjcnReason", order.status() == OrderStatus.CANCELLED ? "10" : "");
        return item;
    }

    private static String paymentTerms(String terms) {
        return switch (terms) {
            case "NET30" -> "0001";
            case "NET45" -> "0002";
            case "NET60" -> "0003";
            default -> "0004";
        };
    }

    // ---- stock

    @GetMapping(ROOT + "/API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod")
    ResponseEntity<String> stock(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = sandbox(erpSystemId);
        sandbox.stats().record("inventory");
        authenticate(sandbox, request);
        FilterExpression filter = ODataFilter.parse(request.getParameter("$filter"), STOCK_PROPERTIES,
                SapFilterDialect.INSTANCE);
        List<Map<String, Object>> matches = new ArrayList<>();
        Set<String> materials = filter.candidates("Material");
        for (Item item : sandbox.data().items()) {
            if (materials != null && !materials.contains(item.sku())) {
                continue;
            }
            for (DistributorDataSet.Stock level : sandbox.data().stock(item.sku())) {
                BigDecimal unrestricted = level.available();
                for (Map<String, Object> row : List.of(stockRow(item, level.warehouse(), "01", unrestricted),
                        stockRow(item, level.warehouse(), "02", level.onHand().subtract(unrestricted)))) {
                    boolean present = "01".equals(row.get("InventoryStockType"))
                            || ((BigDecimal) row.get("MatlWrhsStkQtyInMatlBaseUnit")).signum() != 0;
                    if (present && filter.test(row::get)) {
                        matches.add(row);
                    }
                }
            }
        }
        Set<String> select = select(request, STOCK_PROPERTIES);
        return page(request, matches, row -> entity(request, "API_MATERIAL_STOCK_SRV", "A_MatlStkInAcctMod",
                "A_MatlStkInAcctMod(Material='" + row.get("Material") + "',Plant='" + row.get("Plant")
                        + "',StorageLocation='0001',Batch='',Supplier='',Customer='',WBSElementInternalID='00000000',"
                        + "SDDocument='',SDDocumentItem='000000',InventorySpecialStockType='',InventoryStockType='"
                        + row.get("InventoryStockType") + "')",
                row, select));
    }

    private static Map<String, Object> stockRow(Item item, String plant, String type, BigDecimal quantity) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Material", item.sku());
        row.put("Plant", plant);
        row.put("StorageLocation", "0001");
        row.put("Batch", "");
        row.put("Supplier", "");
        row.put("Customer", "");
        row.put("WBSElementInternalID", "00000000");
        row.put("SDDocument", "");
        row.put("SDDocumentItem", "000000");
        row.put("InventorySpecialStockType", "");
        row.put("InventoryStockType", type);
        row.put("MaterialBaseUnit", item.unit());
        row.put("MatlWrhsStkQtyInMatlBaseUnit", quantity.setScale(14));
        return row;
    }

    // ---- prices

    /**
     * A condition record of the demo: {@code customer} -1 is the material's PR00, else
     * that customer's PPR0.
     */
    private record Condition(int customer, int item) {
        boolean list() {
            return customer < 0;
        }

        String record() {
            return String.format("%010d", list() ? 10_000 + item : 100_000_000L + customer * 1_000L + item);
        }
    }

    /**
     * A scale line of a condition record: line 1 at quantity 1 is the record's own rate.
     */
    private record ScaleLine(Condition condition, int line) {
    }

    @GetMapping(ROOT + "/API_SLSPRICINGCONDITIONRECORD_SRV/A_SlsPrcgCndnRecdValidity")
    ResponseEntity<String> priceValidities(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = sandbox(erpSystemId);
        sandbox.stats().record("prices");
        authenticate(sandbox, request);
        boolean records = expand(request, "to_SlsPrcgConditionRecord");
        FilterExpression filter = ODataFilter.parse(request.getParameter("$filter"), VALIDITY_PROPERTIES,
                SapFilterDialect.INSTANCE);
        List<Item> items = List.copyOf(sandbox.data().items());
        List<Condition> matches = new ArrayList<>();
        for (Condition condition : conditions(sandbox, items, filter.candidates("Customer"),
                filter.candidates("Material"))) {
            if (filter.test(property -> validity(sandbox, items, condition).get(property))) {
                matches.add(condition);
            }
        }
        Set<String> select = select(request, VALIDITY_PROPERTIES);
        return page(request, matches, condition -> {
            Map<String, Object> validity = validity(sandbox, items, condition);
            ObjectNode node = entity(request, "API_SLSPRICINGCONDITIONRECORD_SRV", "A_SlsPrcgCndnRecdValidity",
                    "A_SlsPrcgCndnRecdValidity(ConditionRecord='" + condition.record()
                            + "',ConditionValidityEndDate=datetime'9999-12-31T00:00:00')",
                    validity, select);
            if (records) {
                node.set("to_SlsPrcgConditionRecord",
                        entity(request, "API_SLSPRICINGCONDITIONRECORD_SRV", "A_SlsPrcgConditionRecord",
                                "A_SlsPrcgConditionRecord(ConditionRecord='" + condition.record()
                                        + "',ConditionSequentialNumber='01')",
                                record(sandbox, items, condition), null));
            }
            return node;
        });
    }

    @GetMapping(ROOT + "/API_SLSPRICINGCONDITIONRECORD_SRV/A_SlsPrcgCndnRecordScale")
    ResponseEntity<String> priceScales(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = sandbox(erpSystemId);
        sandbox.stats().record("prices");
        authenticate(sandbox, request);
        FilterExpression filter = ODataFilter.parse(request.getParameter("$filter"), SCALE_PROPERTIES,
                SapFilterDialect.INSTANCE);
        List<Item> items = List.copyOf(sandbox.data().items());
        List<ScaleLine> matches = new ArrayList<>();
        Set<String> records = filter.candidates("ConditionRecord");
        List<Condition> conditions = records == null ? conditions(sandbox, items, null, null)
                : records.stream()
                    .map(record -> condition(sandbox, items, record))
                    .filter(Objects::nonNull)
                    .sorted(Comparator.comparing(Condition::record))
                    .toList();
        for (Condition condition : conditions) {
            int lines = items.get(condition.item()).breaks().size();
            for (int line = 1; lines > 0 && line <= lines + 1; line++) {
                ScaleLine scale = new ScaleLine(condition, line);
                if (filter.test(property -> scale(sandbox, items, scale).get(property))) {
                    matches.add(scale);
                }
            }
        }
        Set<String> select = select(request, SCALE_PROPERTIES);
        return page(request, matches,
                scale -> entity(request, "API_SLSPRICINGCONDITIONRECORD_SRV", "A_SlsPrcgCndnRecordScale",
                        "A_SlsPrcgCndnRecordScale(ConditionRecord='" + scale.condition().record()
                                + "',ConditionSequentialNumber='01',ConditionScaleLine='"
                                + String.format("%04d", scale.line()) + "')",
                        scale(sandbox, items, scale), select));
    }

    /**
     * The demo's condition records, narrowed to these customers and materials where the
     * filter allows it.
     */
    private static List<Condition> conditions(Sandbox sandbox, List<Item> items, Set<String> customers,
            Set<String> materials) {
        List<Integer> itemIndexes = new ArrayList<>();
        for (int item = 0; item < items.size(); item++) {
            if (materials == null || materials.contains(items.get(item).sku())) {
                itemIndexes.add(item);
            }
        }
        List<Condition> conditions = new ArrayList<>();
        if (customers == null || customers.contains("")) {
            itemIndexes.forEach(item -> conditions.add(new Condition(-1, item)));
        }
        for (int customer : customerIndexes(sandbox, customers)) {
            if (sandbox.data().customer(customer).orElseThrow().discountPercent().signum() > 0) {
                for (int item : itemIndexes) {
                    conditions.add(new Condition(customer, item));
                }
            }
        }
        return conditions;
    }

    /** The condition record of that number, or null if the demo has none. */
    private static Condition condition(Sandbox sandbox, List<Item> items, String record) {
        if (!record.matches("\\d{10}")) {
            return null;
        }
        long number = Long.parseLong(record);
        Condition condition = number < 100_000_000L ? new Condition(-1, (int) (number - 10_000))
                : new Condition((int) ((number - 100_000_000L) / 1_000), (int) (number % 1_000));
        if (condition.item() < 0 || condition.item() >= items.size() || !condition.record().equals(record)) {
            return null;
        }
        if (!condition.list() && sandbox.data()
            .customer(condition.customer())
            .map(customer -> customer.discountPercent().signum() > 0)
            .orElse(false) == Boolean.FALSE) {
            return null;
        }
        return condition;
    }

    /** Data set indexes of these customer numbers (all customers for null), ascending. */
    private static List<Integer> customerIndexes(Sandbox sandbox, Set<String> numbers) {
        List<Integer> indexes = new ArrayList<>();
        if (numbers == null) {
            for (int index = 0; index < sandbox.data().customerCount(); index++) {
                indexes.add(index);
            }
            return indexes;
        }
        numbers.forEach(number -> sandbox.erp().customerIndex(number).ifPresent(indexes::add));
        indexes.sort(null);
        return indexes;
    }

    /**
     * A lazy view of a validity: the filter asks for a few properties of hundreds of
     * thousands of records.
     */
    private static Map<String, Object> validity(Sandbox sandbox, List<Item> items, Condition condition) {
        return new LazyEntity(VALIDITY_PROPERTIES.keySet(), property -> switch (property) {
            case "ConditionRecord" -> condition.record();
            case "ConditionApplication" -> "V";
            case "ConditionType" -> condition.list() ? "PR00" : "PPR0";
            case "ConditionTable" -> condition.list() ? "304" : "305";
            case "SalesOrganization" -> "1710";
            case "DistributionChannel" -> "10";
            case "Customer" -> condition.list() ? "" : sandbox.erp().customerNumber(condition.customer());
            case "Material" -> items.get(condition.item()).sku();
            case "ConditionValidityStartDate" -> VALID_FROM;
            case "ConditionValidityEndDate" -> VALID_TO;
            default -> null;
        });
    }

    private static BigDecimal baseRate(Sandbox sandbox, List<Item> items, Condition condition) {
        Item item = sandbox.data().item(items.get(condition.item()).sku()).orElseThrow();
        return condition.list() ? item.listPrice()
                : sandbox.data().customerPrice(sandbox.data().customer(condition.customer()).orElseThrow(), item);
    }

    private static Map<String, Object> record(Sandbox sandbox, List<Item> items, Condition condition) {
        Item item = items.get(condition.item());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ConditionRecord", condition.record());
        record.put("ConditionSequentialNumber", "01");
        record.put("ConditionTable", condition.list() ? "304" : "305");
        record.put("ConditionApplication", "V");
        record.put("ConditionType", condition.list() ? "PR00" : "PPR0");
        record.put("ConditionValidityStartDate", VALID_FROM);
        record.put("ConditionValidityEndDate", VALID_TO);
        record.put("ConditionRateValue", baseRate(sandbox, items, condition).setScale(9));
        record.put("ConditionRateValueUnit", DistributorDataSet.CURRENCY);
        record.put("ConditionQuantity", BigDecimal.ONE.setScale(3));
        record.put("ConditionQuantityUnit", item.unit());
        record.put("Customer", condition.list() ? "" : sandbox.erp().customerNumber(condition.customer()));
        return record;
    }

    private static Map<String, Object> scale(Sandbox sandbox, List<Item> items, ScaleLine scale) {
        Item item = items.get(scale.condition().item());
        return new LazyEntity(SCALE_PROPERTIES.keySet(), property -> switch (property) {
            case "ConditionRecord" -> scale.condition().record();
            case "ConditionSequentialNumber" -> "01";
            case "ConditionScaleLine" -> String.format("%04d", scale.line());
            case "ConditionScaleQuantity" ->
                (scale.line() == 1 ? BigDecimal.ONE : item.breaks().get(scale.line() - 2).minimumQuantity())
                    .setScale(3);
            case "ConditionScaleQuantityUnit" -> item.unit();
            case "ConditionRateValue" -> {
                BigDecimal base = baseRate(sandbox, items, scale.condition());
                QuantityBreak level = scale.line() == 1 ? null : item.breaks().get(scale.line() - 2);
                yield (level == null ? base : DistributorDataSet.discounted(base, level.discountPercent())).setScale(9);
            }
            case "ConditionRateValueUnit" -> DistributorDataSet.CURRENCY;
            default -> null;
        });
    }

    // ---- credit

    @GetMapping(ROOT + "/API_CRDTMBUSINESSPARTNER/CreditManagementAccount")
    ResponseEntity<String> creditAccounts(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = sandbox(erpSystemId);
        sandbox.stats().record("credit");
        authenticate(sandbox, request);
        FilterExpression filter = ODataFilter.parse(request.getParameter("$filter"), ACCOUNT_PROPERTIES,
                SapFilterDialect.INSTANCE);
        List<Map<String, Object>> matches = new ArrayList<>();
        for (int index : customerIndexes(sandbox, filter.candidates("BusinessPartner"))) {
            Customer customer = sandbox.data().customer(index).orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("BusinessPartner", sandbox.erp().customerNumber(index));
            row.put("CreditSegment", "1000");
            row.put("CreditLimitAmount", customer.creditLimit().setScale(3));
            row.put("CreditSegmentCurrency", DistributorDataSet.CURRENCY);
            row.put("CreditLimitValidityEndDate", VALID_TO);
            row.put("CreditAccountIsBlocked", customer.onHold());
            row.put("CreditAccountBlockReason", customer.onHold() ? "01" : "");
            row.put("BusinessPartnerIsCritical", customer.balance().compareTo(customer.creditLimit()) > 0);
            row.put("CreditLimitCalculatedAmount", BigDecimal.ZERO.setScale(3));
            if (filter.test(row::get)) {
                matches.add(row);
            }
        }
        Set<String> select = select(request, ACCOUNT_PROPERTIES);
        return page(request, matches, row -> entity(request, "API_CRDTMBUSINESSPARTNER", "CreditManagementAccount",
                "CreditManagementAccount(BusinessPartner='" + row.get("BusinessPartner") + "',CreditSegment='1000')",
                row, select));
    }

    @GetMapping(ROOT + "/API_CRDTMBUSINESSPARTNER/A_CrdtMgmtCreditExposure")
    ResponseEntity<String> creditExposure(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = sandbox(erpSystemId);
        sandbox.stats().record("credit");
        authenticate(sandbox, request);
        FilterExpression filter = ODataFilter.parse(request.getParameter("$filter"), EXPOSURE_PROPERTIES,
                SapFilterDialect.INSTANCE);
        List<Map<String, Object>> matches = new ArrayList<>();
        for (int index : customerIndexes(sandbox, filter.candidates("BusinessPartner"))) {
            Customer customer = sandbox.data().customer(index).orElseThrow();
            if (customer.balance().signum() == 0) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("BusinessPartner", sandbox.erp().customerNumber(index));
            row.put("CreditSegment", "1000");
            row.put("CustomerCreditExposureAmount", customer.balance().setScale(3));
            row.put("CreditSegmentCurrency", DistributorDataSet.CURRENCY);
            if (filter.test(row::get)) {
                matches.add(row);
            }
        }
        Set<String> select = select(request, EXPOSURE_PROPERTIES);
        return page(request, matches, row -> entity(request, "API_CRDTMBUSINESSPARTNER", "A_CrdtMgmtCreditExposure",
                "A_CrdtMgmtCreditExposure(BusinessPartner='" + row.get("BusinessPartner") + "',CreditSegment='1000')",
                row, select));
    }

    // ---- OData v2 mechanics

    /**
     * One page of a collection, the way RAP services page: 100 rows without {@code $top},
     * {@code $top} cut to 5000, {@code $skip} honoured, {@code $skiptoken} the offset of
     * the next page, and {@code d.__next} whenever rows within the requested range
     * remain.
     */
    private static <T> ResponseEntity<String> page(HttpServletRequest request, List<T> matches,
            Function<T, ObjectNode> render) {
        int skip = integer(request, "$skip", 0);
        Integer top = request.getParameter("$top") == null ? null : integer(request, "$top", 0);
        int end = top == null ? matches.size() : (int) Math.min(matches.size(), (long) skip + top);
        int start = integer(request, "$skiptoken", skip);
        int pageSize = top == null ? DEFAULT_PAGE : Math.min(top, MAX_PAGE);
        int pageEnd = Math.min(end, start + pageSize);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode d = root.putObject("d");
        if ("allpages".equals(request.getParameter("$inlinecount"))) {
            d.put("__count", String.valueOf(matches.size()));
        }
        else if (request.getParameter("$inlinecount") != null && !"none".equals(request.getParameter("$inlinecount"))) {
            throw new ODataError(400, "/IWBEP/CM_MGW_RT/022", "Invalid value for system query option $inlinecount");
        }
        ArrayNode results = d.putArray("results");
        for (int i = Math.max(0, start); i < pageEnd; i++) {
            results.add(render.apply(matches.get(i)));
        }
        if (pageEnd < end) {
            d.put("__next", nextLink(request, pageEnd));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(root));
    }

    private static String nextLink(HttpServletRequest request, int skiptoken) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        List<String> parts = new ArrayList<>();
        for (String part : query.split("&")) {
            if (!part.isEmpty() && !part.startsWith("$skiptoken=") && !part.startsWith("%24skiptoken=")) {
                parts.add(part);
            }
        }
        parts.add("$skiptoken=" + skiptoken);
        return request.getRequestURL() + "?" + String.join("&", parts);
    }

    private static int integer(HttpServletRequest request, String name, int fallback) {
        String value = request.getParameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        }
        catch (NumberFormatException ex) {
            throw new ODataError(400, "/IWBEP/CM_MGW_RT/022",
                    "Invalid value '" + value + "' for system query option " + name);
        }
    }

    private static boolean expand(HttpServletRequest request, String allowed) {
        String expand = request.getParameter("$expand");
        if (expand == null || expand.isBlank()) {
            return false;
        }
        for (String navigation : expand.split(",")) {
            if (!navigation.trim().equals(allowed)) {
                throw new ODataError(400, "/IWBEP/CM_MGW_RT/023",
                        "Navigation property '" + navigation.trim() + "' not supported in $expand");
            }
        }
        return true;
    }

    /**
     * The {@code $select}ed properties (null: all), each checked against the entity type.
     */
    private static Set<String> select(HttpServletRequest request, Map<String, Class<?>> properties) {
        String select = request.getParameter("$select");
        if (select == null || select.isBlank()) {
            return null;
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String field : select.split(",")) {
            String name = field.trim();
            if (!properties.containsKey(name) && !name.startsWith("to_")) {
                throw new ODataError(400, "/IWBEP/CM_MGW_RT/024", "Property '" + name + "' not found in $select");
            }
            fields.add(name);
        }
        return fields;
    }

    /**
     * An entity as SAP writes it: {@code __metadata} first, then every (or every
     * selected) property.
     */
    private static ObjectNode entity(HttpServletRequest request, String service, String entitySet, String key,
            Map<String, Object> values, Set<String> select) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode metadata = node.putObject("__metadata");
        String uri = serviceUrl(request, service) + "/" + key;
        metadata.put("id", uri);
        metadata.put("uri", uri);
        metadata.put("type", service + "." + entitySet + "Type");
        Map<String, Object> all = values instanceof LazyEntity lazy ? lazy.materialize() : values;
        all.forEach((property, value) -> {
            if (select != null && !select.contains(property)) {
                return;
            }
            if (value == null) {
                node.putNull(property);
            }
            else if (value instanceof LocalDate date) {
                node.put(property, SapWireValues.date(date));
            }
            else if (value instanceof Instant instant) {
                node.put(property, SapWireValues.dateTimeOffset(instant));
            }
            else if (value instanceof BigDecimal number) {
                node.put(property, number.toPlainString());
            }
            else if (value instanceof Boolean flag) {
                node.put(property, flag);
            }
            else {
                node.put(property, value.toString());
            }
        });
        return node;
    }

    private static String serviceUrl(HttpServletRequest request, String service) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf(ROOT) + ROOT.length()) + "/" + service;
    }

    private static String session(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null
                : Arrays.stream(cookies)
                    .filter(c -> SESSION_COOKIE.equals(c.getName()))
                    .map(Cookie::getValue)
                    .findFirst()
                    .orElse(null);
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private Sandbox sandbox(String erpSystemId) {
        return registry.find(erpSystemId, SandboxKind.SAP_S4HANA)
            .orElseThrow(() -> new ODataError(404, "/IWFND/MED/170",
                    "No service found for namespace '', name '" + erpSystemId + "', version '0001'"));
    }

    @ExceptionHandler(ODataError.class)
    ResponseEntity<String> odataError(ODataError error) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.status).contentType(MediaType.APPLICATION_JSON);
        if (error.status == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"SAP NetWeaver Application Server [S4H/100]\"");
        }
        return answer.body(SapSandboxErp.errorBody(error.code, error.getMessage()));
    }

    @ExceptionHandler(ODataFilter.Invalid.class)
    ResponseEntity<String> invalidFilter(ODataFilter.Invalid error) {
        return ResponseEntity.status(400)
            .contentType(MediaType.APPLICATION_JSON)
            .body(SapSandboxErp.errorBody("/IWBEP/CM_MGW_RT/022", "Invalid filter expression: " + error.getMessage()));
    }

    private static ResponseEntity<String> json(int status, ObjectNode body) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(JSON.writeValueAsString(body));
    }

    private static Map<String, Class<?>> types(Object... namesAndTypes) {
        Map<String, Class<?>> types = new HashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            for (String name : ((String) namesAndTypes[i]).split(" ")) {
                types.put(name, (Class<?>) namesAndTypes[i + 1]);
            }
        }
        return Map.copyOf(types);
    }

    /**
     * A read-only entity whose properties are computed on access (see {@link #validity}).
     */
    private static final class LazyEntity extends java.util.AbstractMap<String, Object> {

        private final Set<String> names;

        private final Function<String, Object> values;

        LazyEntity(Set<String> names, Function<String, Object> values) {
            this.names = names;
            this.values = values;
        }

        @Override
        public Object get(Object key) {
            return values.apply((String) key);
        }

        Map<String, Object> materialize() {
            Map<String, Object> all = new LinkedHashMap<>();
            names.stream().sorted().forEach(name -> all.put(name, values.apply(name)));
            return all;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return materialize().entrySet();
        }

    }

}
