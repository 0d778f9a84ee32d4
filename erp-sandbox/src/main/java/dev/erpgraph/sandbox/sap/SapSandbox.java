package dev.erpgraph.sandbox.sap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.DistributorDataSet.Customer;
import dev.erpgraph.sandbox.DistributorDataSet.Item;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.DistributorDataSet.OrderLine;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.ODataFilter;
import dev.erpgraph.sandbox.OrderStatus;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxRegistry;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
 * = the allocated rest, so on hand = all types. Prices: {@code PPR0} records, one of
 * table 304 per material (list price, its scales = the quantity breaks) and one of table
 * 305 per customer with a discount (customer price, scales likewise). Credit: one
 * {@code CreditManagementAccount} per customer in segment {@code 1000}, and an
 * {@code A_CrdtMgmtCreditExposure} row for each customer with a balance.
 *
 * <p>
 * This class serves the OAuth token, the CSRF handshake and sales orders (read and
 * create); {@link SapPricing} and {@link SapStockAndCredit} the other services,
 * {@link SapOData} the protocol they share.
 */
@RestController
@RequestMapping("/sandbox/{erpSystemId}")
@ConditionalOnSandboxMode
public class SapSandbox {

    private static final Map<String, Class<?>> ORDER_PROPERTIES = SapOData.types(
            "SalesOrder SalesOrderType SalesOrganization DistributionChannel OrganizationDivision SoldToParty "
                    + "PurchaseOrderByCustomer TransactionCurrency CustomerPaymentTerms OverallSDProcessStatus "
                    + "TotalCreditCheckStatus OverallTotalDeliveryStatus OverallSDDocumentRejectionSts "
                    + "DeliveryBlockReason HeaderBillingBlockReason",
            String.class, "SalesOrderDate CreationDate RequestedDeliveryDate PricingDate", LocalDate.class,
            "TotalNetAmount", BigDecimal.class);

    private static final Map<String, Class<?>> ITEM_PROPERTIES = SapOData.types(
            "SalesOrder SalesOrderItem SalesOrderItemCategory SalesOrderItemText Material RequestedQuantityUnit "
                    + "NetPriceQuantityUnit TransactionCurrency ProductionPlant StorageLocation SDProcessStatus "
                    + "DeliveryStatus SalesDocumentRjcnReason",
            String.class, "RequestedQuantity NetAmount NetPriceAmount NetPriceQuantity", BigDecimal.class);

    /**
     * Session id (the {@value #SapOData.SESSION_COOKIE} cookie) to the CSRF token issued
     * with it.
     */
    private final Map<String, String> csrfSessions = new ConcurrentHashMap<>();

    private final SandboxRegistry registry;

    SapSandbox(SandboxRegistry registry) {
        this.registry = registry;
    }

    /** Ends every CSRF session, as a session timeout on the real system would. */
    public void expireSessions() {
        csrfSessions.clear();
    }

    // ---- auth

    @PostMapping(SapSandboxErp.TOKEN_PATH)
    ResponseEntity<String> token(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.sandbox(registry, erpSystemId);
        sandbox.stats().record("token");
        String expected = SapWireValues.basic(SapSandboxErp.CLIENT_ID, SapSandboxErp.CLIENT_SECRET);
        boolean clientOk = expected.equals(request.getHeader(HttpHeaders.AUTHORIZATION))
                || (SapSandboxErp.CLIENT_ID.equals(request.getParameter("client_id"))
                        && SapSandboxErp.CLIENT_SECRET.equals(request.getParameter("client_secret")));
        ObjectNode body = SapOData.JSON.createObjectNode();
        if (!clientOk) {
            body.put("error", "unauthorized");
            body.put("error_description", "Bad credentials");
            return SapOData.json(401, body);
        }
        if (!"client_credentials".equals(request.getParameter("grant_type"))) {
            body.put("error", "unsupported_grant_type");
            body.put("error_description", "Unsupported grant type: " + request.getParameter("grant_type"));
            return SapOData.json(400, body);
        }
        long ttl = sandbox.faults().tokenTtlSeconds();
        body.put("access_token", sandbox.tokens().issue(ttl));
        body.put("token_type", "bearer");
        body.put("expires_in", ttl);
        body.put("scope", "uaa.resource");
        body.put("jti", Long.toHexString(SapOData.RANDOM.nextLong()));
        return SapOData.json(200, body);
    }

    // ---- sales orders

    @GetMapping({ SapOData.ROOT + "/API_SALES_ORDER_SRV", SapOData.ROOT + "/API_SALES_ORDER_SRV/" })
    ResponseEntity<String> salesOrderService(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "csrf-token", request);
        ObjectNode root = SapOData.JSON.createObjectNode();
        ArrayNode sets = root.putObject("d").putArray("EntitySets");
        List.of("A_SalesOrder", "A_SalesOrderItem", "A_SalesOrderScheduleLine", "A_SalesOrderPartner")
            .forEach(sets::add);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(200).contentType(MediaType.APPLICATION_JSON);
        if ("Fetch".equalsIgnoreCase(request.getHeader("X-CSRF-Token"))) {
            String session = SapOData.session(request);
            String token = session == null ? null : csrfSessions.get(session);
            if (token == null) {
                session = SapOData.randomToken(24);
                token = SapOData.randomToken(18);
                csrfSessions.put(session, token);
                answer.header(HttpHeaders.SET_COOKIE, SapOData.SESSION_COOKIE + "=" + session + "; path=/; HttpOnly")
                    .header(HttpHeaders.SET_COOKIE, "sap-usercontext=sap-client=100; path=/");
            }
            answer.header("X-CSRF-Token", token);
        }
        return answer.body(SapOData.JSON.writeValueAsString(root));
    }

    @GetMapping(SapOData.ROOT + "/API_SALES_ORDER_SRV/A_SalesOrder")
    ResponseEntity<String> salesOrders(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "orders", request);
        boolean items = SapOData.expand(request, "to_Item");
        FilterExpression filter = SapOData.filter(request, ORDER_PROPERTIES);
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
            SapOData.customerIndexes(sandbox, filter.candidates("SoldToParty"))
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
        Set<String> select = SapOData.select(request, ORDER_PROPERTIES);
        Set<String> itemSelect = SapOData.selectBelow(request, "to_Item", ITEM_PROPERTIES);
        return SapOData.page(request, matches, header -> {
            ObjectNode node = SapOData.entity(request, "API_SALES_ORDER_SRV", "A_SalesOrder",
                    "A_SalesOrder('" + header.get("SalesOrder") + "')", header, select);
            if (select == null || select.contains("to_Item")) {
                Order order = sandbox.data()
                    .order(sandbox.erp().orderSequence((String) header.get("SalesOrder")).orElseThrow())
                    .orElseThrow();
                if (items) {
                    ArrayNode results = node.putObject("to_Item").putArray("results");
                    order.lines()
                        .forEach(
                                line -> results.add(SapOData.entity(request, "API_SALES_ORDER_SRV", "A_SalesOrderItem",
                                        "A_SalesOrderItem(SalesOrder='" + header.get("SalesOrder")
                                                + "',SalesOrderItem='" + line.lineNumber() * 10 + "')",
                                        orderItem(sandbox, order, line), itemSelect)));
                }
                else {
                    node.putObject("to_Item")
                        .putObject("__deferred")
                        .put("uri", SapOData.serviceUrl(request, "API_SALES_ORDER_SRV") + "/A_SalesOrder('"
                                + header.get("SalesOrder") + "')/to_Item");
                }
            }
            return node;
        });
    }

    @PostMapping(SapOData.ROOT + "/API_SALES_ORDER_SRV/A_SalesOrder")
    ResponseEntity<String> createSalesOrder(@PathVariable String erpSystemId, HttpServletRequest request,
            @RequestBody(required = false) String body) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "create-order", request);
        String session = SapOData.session(request);
        String token = request.getHeader("X-CSRF-Token");
        if (session == null || token == null || !token.equals(csrfSessions.get(session))) {
            return ResponseEntity.status(403)
                .header("X-CSRF-Token", "Required")
                .contentType(MediaType.TEXT_PLAIN)
                .body("CSRF token validation failed");
        }
        JsonNode order;
        try {
            order = SapOData.JSON.readTree(body == null ? "" : body);
        }
        catch (JacksonException ex) {
            throw new SapODataError(400, "/IWBEP/CM_MGW_RT/020",
                    "The Data Services Request could not be understood " + "due to malformed syntax");
        }
        DistributorDataSet data = sandbox.data();
        String soldTo = order.path("SoldToParty").asString("");
        int customer = sandbox.erp()
            .customerIndex(soldTo)
            .orElseThrow(() -> new SapODataError(400, "V1/382",
                    "Sold-to party " + soldTo + " not maintained for sales area 1710/10/00"));
        if (data.customer(customer).orElseThrow().onHold()) {
            // The credit check's error reaction: the order is not saved.
            throw new SapODataError(400, "V1/154", "Order receipt/delivery not possible, credit customer blocked");
        }
        JsonNode items = order.path("to_Item");
        if (!items.isArray() || items.isEmpty()) {
            throw new SapODataError(400, "V1/555", "Enter at least one item (to_Item must be an array of items)");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : items.values()) {
            String material = item.path("Material").asString("");
            Item known = data.item(material)
                .orElseThrow(() -> new SapODataError(400, "V1/320",
                        "Material " + material + " is not defined for sales org.1710, distr.chan.10, language EN"));
            BigDecimal quantity;
            try {
                quantity = new BigDecimal(item.path("RequestedQuantity").asString(""));
            }
            catch (NumberFormatException ex) {
                throw new SapODataError(400, "/IWBEP/CM_MGW_RT/021", "Invalid value for property 'RequestedQuantity'");
            }
            if (quantity.signum() <= 0) {
                throw new SapODataError(400, "V1/033", "Enter a positive order quantity for item " + material);
            }
            String plant = item.path("ProductionPlant").asString("CLE");
            if (data.warehouses().stream().noneMatch(warehouse -> warehouse.code().equals(plant))) {
                throw new SapODataError(400, "V1/014", "Plant " + plant + " is not defined");
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
            throw new SapODataError(400, "/IWBEP/CM_MGW_RT/021", "Invalid value for property 'RequestedDeliveryDate'");
        }
        String purchaseOrder = order.path("PurchaseOrderByCustomer").asString(null);
        int sequence = sandbox.createOrder(customer, purchaseOrder, purchaseOrder, requestedDate, lines);
        Order created = data.order(sequence).orElseThrow();
        Map<String, Object> header = orderHeader(sandbox, created);
        ObjectNode entity = SapOData.entity(request, "API_SALES_ORDER_SRV", "A_SalesOrder",
                "A_SalesOrder('" + header.get("SalesOrder") + "')", header, null);
        ArrayNode results = entity.putObject("to_Item").putArray("results");
        created.lines()
            .forEach(line -> results.add(SapOData.entity(
                    request, "API_SALES_ORDER_SRV", "A_SalesOrderItem", "A_SalesOrderItem(SalesOrder='"
                            + header.get("SalesOrder") + "',SalesOrderItem='" + line.lineNumber() * 10 + "')",
                    orderItem(sandbox, created, line), null)));
        ObjectNode root = SapOData.JSON.createObjectNode();
        root.set("d", entity);
        return ResponseEntity.status(201)
            .contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.LOCATION, entity.path("__metadata").path("uri").asString())
            .body(SapOData.JSON.writeValueAsString(root));
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
                order.orderDate().atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(8 * 3600));
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

}
