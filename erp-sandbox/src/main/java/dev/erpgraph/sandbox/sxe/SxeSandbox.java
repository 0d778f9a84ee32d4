package dev.erpgraph.sandbox.sxe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.DistributorDataSet.Customer;
import dev.erpgraph.sandbox.DistributorDataSet.Item;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.DistributorDataSet.OrderLine;
import dev.erpgraph.sandbox.DistributorDataSet.QuantityBreak;
import dev.erpgraph.sandbox.OrderStatus;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxJson;
import dev.erpgraph.sandbox.SandboxKind;
import dev.erpgraph.sandbox.SandboxRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A faithful little SX.API behind a little ION API gateway, serving the sandbox's
 * {@link DistributorDataSet}:
 * <ul>
 * <li>{@code POST /sandbox/{id}/as/token.oauth2}: the ION token endpoint, password grant
 * with the service account keys as username/password and the client id/secret as HTTP
 * Basic; OAuth-style errors.</li>
 * <li>{@code POST /sandbox/{id}/SX/rest/sxapirestservice/{operation}}: bearer required
 * (401 otherwise, from the "gateway"); body {@code {"request": {...}}} with
 * {@code companyNumber} and {@code operatorInit}; answer {@code {"response":
 * {"cErrorMessage": "", ...}}}; business errors are HTTP 200 with {@code cErrorMessage};
 * a body it cannot read is 400 with {@code cErrorMessage}.</li>
 * </ul>
 * The operations served are the default versions: {@code sxapioegetlistofordersv5} (one
 * customer, {@code recordLimit} + {@code moreRecordsAvailable}, rows newest first),
 * {@code sxapioegetsingleorderv3}, {@code sxapioepricingmultiplev5},
 * {@code sxapiicproductavailbywhse}, {@code sxapiargetcustomerdatacredit},
 * {@code sxapiargetcustomerbalancev2}, {@code sxapisfoeordertotloadv4}. Customer numbers
 * must arrive as JSON numbers, as the OpenAPI types them: a string is refused, so a
 * connector that sent one would be seen.
 *
 * <p>
 * Rendering of the neutral data: OPEN is stage 1 Ordered (some 0 Entered or 2 Picked),
 * ON_HOLD stage 1 with {@code approvty = "h"}, PARTIALLY_SHIPPED stage 3 with
 * short-shipped lines, SHIPPED stage 3, INVOICED stage 4 (5 Paid after a year), CANCELLED
 * stage 9. Stock is {@code netAvail} = on hand less allocated. The customer's balance is
 * spread over the aging buckets 60/25/15 %; a held customer has {@code sellType "n"}.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/{id}")
class SxeSandbox {

    static final String NOT_SET_UP_CUSTOMER = "Customer # not set up in Customer Setup - ARSC";
    static final String NOT_SET_UP_PRODUCT = "Product not set up in Product Setup - ICSP";

    private static final int MAX_RECORD_LIMIT = 500;

    private final SandboxRegistry registry;

    SxeSandbox(SandboxRegistry registry) {
        this.registry = registry;
    }

    // ---- the ION API gateway's token endpoint

    @PostMapping(path = "/" + SxeSandboxErp.TOKEN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> token(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam MultiValueMap<String, String> form) {
        Optional<Sandbox> found = registry.find(id, SandboxKind.INFOR_SXE);
        if (found.isEmpty()) {
            return gateway(404, "Not Found");
        }
        Sandbox sandbox = found.get();
        sandbox.stats().record("token");
        String expectedBasic = "Basic " + Base64.getEncoder()
            .encodeToString(
                    (SxeSandboxErp.CLIENT_ID + ":" + SxeSandboxErp.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expectedBasic.equals(authorization)) {
            return oauthError(401, "invalid_client", "Client authentication failed");
        }
        if (!"password".equals(form.getFirst("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "grant_type must be password");
        }
        if (!SxeSandboxErp.SERVICE_ACCOUNT_KEY.equals(form.getFirst("username"))
                || !SxeSandboxErp.SERVICE_ACCOUNT_SECRET.equals(form.getFirst("password"))) {
            return oauthError(400, "invalid_grant", "Invalid service account access key or secret key");
        }
        long ttl = sandbox.faults().tokenTtlSeconds();
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("access_token", sandbox.tokens().issue(ttl));
        body.put("token_type", "Bearer");
        body.put("expires_in", ttl);
        body.put("refresh_token", sandbox.tokens().issue(ttl * 4));
        return json(200, body);
    }

    // ---- SX.API

    @PostMapping("/" + SxeWire.SERVICE_PATH + "{operation}")
    ResponseEntity<String> operation(@PathVariable String id, @PathVariable String operation,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        Optional<Sandbox> found = registry.find(id, SandboxKind.INFOR_SXE);
        if (found.isEmpty()) {
            return gateway(404, "Not Found");
        }
        Sandbox sandbox = found.get();
        if (!sandbox.tokens().isValidBearer(authorization)) {
            return ResponseEntity.status(401)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .body(SxeSandboxErp.gatewayError(401, "Invalid or expired access token"));
        }
        JsonNode request;
        try {
            JsonNode root = body == null ? null : SandboxJson.MAPPER.readTree(body);
            request = root == null ? null : root.path("request");
        }
        catch (JacksonException ex) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            return answer(400, error("Unable to parse request: expected {\"request\": {...}}"));
        }
        try {
            if (!request.path("companyNumber").isIntegralNumber()
                    || request.path("companyNumber").asInt() != SxeSandboxErp.COMPANY) {
                return answer(200, error("Company # " + request.path("companyNumber").asString("") + " not set up"));
            }
            if (!SxeSandboxErp.OPERATOR.equals(request.path("operatorInit").asString(""))) {
                return answer(200, error("Operator " + request.path("operatorInit").asString("")
                        + " not set up in Operator Setup - SASO"));
            }
            DistributorDataSet data = sandbox.data();
            SxeSandboxErp erp = (SxeSandboxErp) sandbox.erp();
            SxApiOperation op = SxApiOperation.of(operation);
            if (op == null) {
                return gateway(404, "No such operation: " + operation);
            }
            sandbox.stats().record(op.resource);
            ObjectNode response = switch (op) {
                case ORDER_LIST -> orderList(request, data, erp);
                case SINGLE_ORDER -> singleOrder(request, data);
                case PRICING -> pricing(request, data, erp);
                case AVAILABILITY -> availability(request, data);
                case CREDIT -> credit(request, data, erp);
                case BALANCE -> balance(request, data, erp);
                case CREATE -> create(request, data, erp);
            };
            return answer(200, response);
        }
        catch (BadRequest ex) {
            return answer(400, error(ex.getMessage()));
        }
    }

    /** The default operation names and the stats resource each counts as. */
    private enum SxApiOperation {

        ORDER_LIST("sxapioegetlistofordersv5", "orders"), SINGLE_ORDER("sxapioegetsingleorderv3", "order-lines"),
        PRICING("sxapioepricingmultiplev5", "prices"), AVAILABILITY("sxapiicproductavailbywhse", "inventory"),
        CREDIT("sxapiargetcustomerdatacredit", "credit"), BALANCE("sxapiargetcustomerbalancev2", "credit-balance"),
        CREATE("sxapisfoeordertotloadv4", "create-order");

        private final String operation;

        private final String resource;

        SxApiOperation(String operation, String resource) {
            this.operation = operation;
            this.resource = resource;
        }

        static SxApiOperation of(String name) {
            for (SxApiOperation op : values()) {
                if (op.operation.equalsIgnoreCase(name)) {
                    return op;
                }
            }
            return null;
        }

    }

    /** A request SX.API could not deserialize (wrong type, unreadable date): HTTP 400. */
    private static final class BadRequest extends RuntimeException {

        BadRequest(String message) {
            super(message);
        }

    }

    // ---- orders

    private ObjectNode orderList(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        OptionalInt index = customer(request, erp);
        if (index.isEmpty()) {
            return error(NOT_SET_UP_CUSTOMER);
        }
        String types = request.path("transactionTypes").asString("").toUpperCase(Locale.ROOT);
        int startStage = request.path("startStage").asInt(0);
        int endStage = request.has("endStage") ? request.path("endStage").asInt(9) : 9;
        LocalDate startDate = date(request, "startEnterDate");
        LocalDate endDate = date(request, "endEnterDate");
        boolean holdOnly = request.path("holdOnlyFlag").asBoolean(false);
        long orderNumber = request.path("orderNumber").asLong(0);
        int limit = request.path("recordLimit").asInt(0);
        limit = limit <= 0 ? MAX_RECORD_LIMIT : Math.min(limit, MAX_RECORD_LIMIT);
        List<Order> matching = new ArrayList<>();
        for (Order order : data.ordersOf(index.getAsInt())) { // newest first
            int stage = stage(order);
            if ((!types.isBlank() && !List.of(types.split("[,\\s]+")).contains("SO")) || stage < startStage
                    || stage > endStage || (startDate != null && order.orderDate().isBefore(startDate))
                    || (endDate != null && order.orderDate().isAfter(endDate))
                    || (holdOnly && order.status() != OrderStatus.ON_HOLD)
                    || (orderNumber > 0 && orderNumber != SxeSandboxErp.FIRST_ORDER + order.sequence())) {
                continue;
            }
            matching.add(order);
        }
        ObjectNode response = ok();
        ArrayNode rows = response.putObject("tOeordV5").putArray("t-oeordV5");
        for (Order order : matching.subList(0, Math.min(limit, matching.size()))) {
            int stage = stage(order);
            ObjectNode row = rows.addObject();
            row.put("orderNo", SxeSandboxErp.FIRST_ORDER + order.sequence());
            row.put("orderSuf", 0);
            row.put("custNo", SxeSandboxErp.FIRST_CUSTOMER + order.customerIndex());
            row.put("stageCd", stage);
            row.put("stageCdWords", stageWords(stage));
            row.put("enterDt", order.orderDate().toString());
            row.put("reqShipDt", order.requestedDate() == null ? null : order.requestedDate().toString());
            row.put("promiseDt", order.requestedDate() == null ? null : order.requestedDate().toString());
            row.put("custPo", order.customerPo());
            row.put("totInvAmt", order.total());
            row.put("totLineAmt", order.total());
            row.put("transType", "SO");
            row.put("takenBy", "WEB");
            row.put("whse", order.lines().isEmpty() ? "" : order.lines().get(0).warehouse());
            row.put("shipTo", "");
        }
        response.put("moreRecordsAvailable", matching.size() > limit);
        return response;
    }

    private ObjectNode singleOrder(JsonNode request, DistributorDataSet data) {
        JsonNode number = request.path("orderNumber");
        JsonNode suffix = request.path("orderSuffix");
        if (!number.isIntegralNumber() || !(suffix.isMissingNode() || suffix.isIntegralNumber())) {
            throw new BadRequest("orderNumber and orderSuffix must be integers");
        }
        long sequence = number.asLong() - SxeSandboxErp.FIRST_ORDER;
        Optional<Order> found = suffix.asInt(0) != 0 || sequence < 1 || sequence > Integer.MAX_VALUE ? Optional.empty()
                : data.order((int) sequence);
        if (found.isEmpty()) {
            return error("Order #" + number.asLong() + "-" + String.format(Locale.ROOT, "%02d", suffix.asInt(0))
                    + " not found");
        }
        Order order = found.get();
        ObjectNode response = ok();
        if (request.path("includeHeaderData").asBoolean(true)) {
            ArrayNode fields = response.putObject("tFieldlist").putArray("t-fieldlist");
            int seq = 0;
            String[][] header = { { "orderno", String.valueOf(SxeSandboxErp.FIRST_ORDER + order.sequence()) },
                    { "ordersuf", "0" },
                    { "custno", String.valueOf(SxeSandboxErp.FIRST_CUSTOMER + order.customerIndex()) },
                    { "stagecd", String.valueOf(stage(order)) }, { "enterdt", order.orderDate().toString() },
                    { "reqshipdt", order.requestedDate() == null ? "" : order.requestedDate().toString() },
                    { "promisedt", order.requestedDate() == null ? "" : order.requestedDate().toString() },
                    { "custpo", order.customerPo() == null ? "" : order.customerPo() },
                    { "totlineamt", order.total().toPlainString() }, { "totinvamt", order.total().toPlainString() },
                    { "approvty", order.status() == OrderStatus.ON_HOLD ? "h" : "y" }, { "transtype", "SO" },
                    { "whse", order.lines().isEmpty() ? "" : order.lines().get(0).warehouse() } };
            for (String[] field : header) {
                ObjectNode row = fields.addObject();
                row.put("fieldName", field[0]);
                row.put("fieldValue", field[1]);
                row.put("seqNo", ++seq);
            }
        }
        if (request.path("includeLineData").asBoolean(true)) {
            ArrayNode lines = response.putObject("tOelineitemV3").putArray("t-oelineitemV3");
            for (OrderLine line : order.lines()) {
                ObjectNode row = lines.addObject();
                row.put("lineNo", line.lineNumber());
                row.put("prod", line.sku());
                row.put("proddesc", line.description());
                row.put("whse", line.warehouse());
                row.put("qtyOrd", line.quantity());
                row.put("qtyShip", line.shippedQuantity());
                row.put("price", line.unitPrice());
                row.put("netAmt", line.amount());
                row.put("reqshipdt", order.requestedDate() == null ? null : order.requestedDate().toString());
                row.put("promisedt", order.requestedDate() == null ? null : order.requestedDate().toString());
                row.put("botype",
                        line.shippedQuantity().compareTo(line.quantity()) < 0 && stage(order) == 3 ? "y" : "");
            }
        }
        return response;
    }

    /** How SX.e would stage an order of the neutral status (see the class comment). */
    static int stage(Order order) {
        return switch (order.status()) {
            case OPEN -> order.sequence() % 5 == 0 ? SxeWire.PICKED
                    : order.sequence() % 7 == 0 ? SxeWire.ENTERED : SxeWire.ORDERED;
            case ON_HOLD -> SxeWire.ORDERED;
            case PARTIALLY_SHIPPED, SHIPPED -> SxeWire.SHIPPED;
            case INVOICED ->
                order.orderDate().isBefore(DistributorDataSet.AS_OF.minusDays(365)) ? SxeWire.PAID : SxeWire.INVOICED;
            case CANCELLED -> SxeWire.CANCELLED;
        };
    }

    private static String stageWords(int stage) {
        return switch (stage) {
            case 0 -> "Entered";
            case 1 -> "Ordered";
            case 2 -> "Picked";
            case 3 -> "Shipped";
            case 4 -> "Invoiced";
            case 5 -> "Paid";
            default -> "Cancelled";
        };
    }

    // ---- pricing

    private ObjectNode pricing(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        OptionalInt index = customer(request, erp);
        if (index.isEmpty()) {
            return error(NOT_SET_UP_CUSTOMER);
        }
        Customer customer = data.customer(index.getAsInt()).orElseThrow();
        boolean withBreaks = request.path("getPriceBreaks").asBoolean(false);
        ObjectNode response = ok();
        ArrayNode out = response.putObject("tOemultprcoutV3").putArray("t-oemultprcoutV3");
        ArrayNode breaksOut = response.putObject("tOemultprcoutbrk").putArray("t-oemultprcoutbrk");
        for (JsonNode in : SxeWire.table(request, "tOemultprcinV2", "t-oemultprcinV2")) {
            int seqno = in.path("seqno").asInt(0);
            String prod = in.path("prod").asString("");
            String whse = in.path("whse").asString("");
            ObjectNode row = out.addObject();
            row.put("seqno", seqno);
            row.put("prod", prod);
            row.put("whse", whse.isBlank() ? "CLE" : whse);
            BigDecimal quantity = in.path("qtyord").isNumber() ? in.path("qtyord").decimalValue() : null;
            row.put("qtyord", quantity);
            Optional<Item> item = data.item(prod);
            if (item.isEmpty() || quantity == null || quantity.signum() <= 0) {
                row.put("price", BigDecimal.ZERO);
                row.put("errormess", item.isEmpty() ? NOT_SET_UP_PRODUCT : "Quantity must be greater than zero");
                continue;
            }
            BigDecimal customerPrice = data.customerPrice(customer, item.get());
            BigDecimal price = data.unitPrice(index.getAsInt(), prod, quantity).orElseThrow();
            row.put("unit", item.get().unit());
            row.put("price", price);
            row.put("discamt", BigDecimal.ZERO.setScale(2));
            row.put("disctype", "$");
            row.put("netavail",
                    data.stock(prod)
                        .stream()
                        .filter(level -> whse.isBlank() || level.warehouse().equals(whse))
                        .map(DistributorDataSet.Stock::available)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            row.put("pdrecno", 80_000 + index.getAsInt());
            row.put("promofl", false);
            row.put("priceorigcd", customer.discountPercent().signum() > 0 ? "c" : "l");
            row.put("extamt", price.multiply(quantity).setScale(2, RoundingMode.HALF_UP));
            row.put("baseprice", customerPrice);
            row.put("listprice", item.get().listPrice());
            row.put("errormess", "");
            List<QuantityBreak> ladder = item.get().breaks();
            row.put("qtybreakexistfl", !ladder.isEmpty());
            if (withBreaks && !ladder.isEmpty()) {
                ObjectNode breaks = breaksOut.addObject();
                breaks.put("seqno", seqno);
                breaks.put("prod", prod);
                for (int n = 1; n <= 8; n++) {
                    breaks.put("quantitybreak" + n,
                            n <= ladder.size() ? ladder.get(n - 1).minimumQuantity() : BigDecimal.ZERO);
                }
                for (int n = 1; n <= 9; n++) {
                    BigDecimal percent = n == 1 ? BigDecimal.ZERO
                            : n - 1 <= ladder.size() ? ladder.get(n - 2).discountPercent() : null;
                    breaks.put("pricebreak" + n,
                            percent == null ? BigDecimal.ZERO : DistributorDataSet.discounted(customerPrice, percent));
                    breaks.put("discountpercent" + n, percent == null ? BigDecimal.ZERO : percent);
                }
            }
        }
        return response;
    }

    // ---- stock

    private ObjectNode availability(JsonNode request, DistributorDataSet data) {
        String prod = request.path("productCode").asString("");
        Optional<Item> item = data.item(prod);
        if (item.isEmpty()) {
            return error(NOT_SET_UP_PRODUCT);
        }
        String region = request.path("region").asString("").trim();
        boolean ignoreZero = request.path("ignoreZeroAvailable").asBoolean(false);
        ObjectNode response = ok();
        ArrayNode rows = response.putObject("tProd_avl").putArray("t-prod_avl");
        for (DistributorDataSet.Stock level : data.stock(prod)) {
            String warehouseRegion = data.warehouses()
                .stream()
                .filter(w -> w.code().equals(level.warehouse()))
                .map(DistributorDataSet.Warehouse::region)
                .findFirst()
                .orElse("");
            if ((!region.isEmpty() && !region.equalsIgnoreCase(warehouseRegion))
                    || (ignoreZero && level.available().signum() == 0)) {
                continue;
            }
            ObjectNode row = rows.addObject();
            row.put("prod", prod);
            row.put("descrip1", item.get().description());
            row.put("descrip2", "");
            row.put("whse", level.warehouse());
            row.put("netAvail", level.available());
        }
        return response;
    }

    // ---- credit

    private ObjectNode credit(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        OptionalInt index = customer(request, erp);
        if (index.isEmpty()) {
            return error(NOT_SET_UP_CUSTOMER);
        }
        Customer customer = data.customer(index.getAsInt()).orElseThrow();
        BigDecimal openOrders = data.ordersOf(customer.index())
            .stream()
            .filter(order -> order.status() == OrderStatus.OPEN || order.status() == OrderStatus.ON_HOLD
                    || order.status() == OrderStatus.PARTIALLY_SHIPPED)
            .map(Order::total)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        ObjectNode response = ok();
        response.put("customerNumber", SxeSandboxErp.FIRST_CUSTOMER + customer.index());
        response.put("creditLimit", customer.creditLimit());
        response.put("creditManager", "CRM" + (customer.index() % 3 + 1));
        response.put("holdPeriodCode", 0);
        response.put("sellType", customer.onHold() ? "n" : "y");
        response.put("avgPayDays", 25 + customer.index() % 30);
        response.put("noPastDue", customer.onHold() ? 2 : 0);
        response.put("noInvoices", 3 + customer.index() % 12);
        response.put("noPayments", 10 + customer.index() % 40);
        response.put("highBalance", customer.creditLimit().max(customer.balance()));
        response.put("orderBalance", openOrders);
        response.put("termsType", customer.paymentTerms());
        response.put("termsTypeDescription", termsDescription(customer.paymentTerms()));
        response.put("lastPaymentAmount", customer.balance().divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP));
        response.put("lastPaymentDate", DistributorDataSet.AS_OF.minusDays(3 + customer.index() % 20).toString());
        response.put("creditEstablishedDate", LocalDate.of(2015 + customer.index() % 10, 3, 1).toString());
        response.put("lastReviewDate", DistributorDataSet.AS_OF.minusMonths(4).toString());
        response.put("nextReviewDate", DistributorDataSet.AS_OF.plusMonths(8).toString());
        return response;
    }

    private ObjectNode balance(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        OptionalInt index = customer(request, erp);
        if (index.isEmpty()) {
            return error(NOT_SET_UP_CUSTOMER);
        }
        BigDecimal balance = data.customer(index.getAsInt()).orElseThrow().balance();
        BigDecimal current = balance.multiply(new BigDecimal("0.60")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal thirty = balance.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal[] periods = { current, thirty, balance.subtract(current).subtract(thirty),
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2) };
        String[] texts = { "Current", "31-60", "61-90", "91-120", "Over 120" };
        ObjectNode response = ok();
        BigDecimal running = BigDecimal.ZERO;
        for (int n = 1; n <= 5; n++) {
            response.put("period" + n + "Balance", periods[n - 1]);
            response.put("period" + n + "Text", texts[n - 1]);
            running = running.add(periods[n - 1]);
            response.put("total" + n + "Balance", running);
        }
        response.put("futureBalance", BigDecimal.ZERO.setScale(2));
        return response;
    }

    private static String termsDescription(String terms) {
        return switch (terms) {
            case "NET30" -> "Net 30";
            case "NET45" -> "Net 45";
            case "NET60" -> "Net 60";
            case "2%10NET30" -> "2% 10, Net 30";
            default -> terms;
        };
    }

    // ---- create

    private ObjectNode create(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        List<JsonNode> headers = SxeWire.table(request, "tInputheaderdata", "t-inputheaderdata");
        if (headers.size() != 1) {
            return error("Exactly one header row is required in tInputheaderdata");
        }
        JsonNode header = headers.get(0);
        OptionalInt index = erp.customerIndex(header.path("customerid").asString("").trim());
        if (index.isEmpty()) {
            return error(NOT_SET_UP_CUSTOMER);
        }
        List<JsonNode> lines = SxeWire.table(request, "tInputlinedata", "t-inputlinedata");
        if (lines.isEmpty()) {
            return error("No line items in tInputlinedata");
        }
        LocalDate requested = date(header, "reqshipdate");
        List<OrderLine> orderLines = new ArrayList<>();
        for (JsonNode line : lines) {
            String prod = line.path("itemnumber").asString("");
            Optional<Item> item = data.item(prod);
            if (item.isEmpty()) {
                return error("Product " + prod + " not set up in Product Setup - ICSP");
            }
            BigDecimal quantity = line.path("orderqty").isNumber() ? line.path("orderqty").decimalValue() : null;
            if (quantity == null || quantity.signum() <= 0) {
                return error("Quantity ordered must be greater than zero for " + prod);
            }
            String whse = line.path("warehouseid").asString("").trim();
            if (!whse.isEmpty() && data.warehouses().stream().noneMatch(w -> w.code().equals(whse))) {
                return error("Warehouse " + whse + " not set up in Warehouse Setup - ICSD");
            }
            orderLines
                .add(new OrderLine(orderLines.size() + 1, prod, item.get().description(), quantity, BigDecimal.ZERO,
                        data.unitPrice(index.getAsInt(), prod, quantity).orElseThrow(), whse.isEmpty() ? "CLE" : whse));
        }
        int sequence = data.createOrder(index.getAsInt(), header.path("ponumber").asString(""), requested, orderLines);
        Order order = data.order(sequence).orElseThrow();
        ObjectNode response = ok();
        ObjectNode total = response.putObject("tOrdtotdata").putArray("t-ordtotdata").addObject();
        total.put("orderno", SxeSandboxErp.FIRST_ORDER + sequence);
        total.put("ordersuf", 0);
        total.put("totlineamt", order.total());
        total.put("totordamt", order.total());
        return response;
    }

    // ---- wire plumbing

    /**
     * The data set index of the request's {@code customerNumber}, which must be a JSON
     * number.
     */
    private static OptionalInt customer(JsonNode request, SxeSandboxErp erp) {
        JsonNode number = request.path("customerNumber");
        if (!number.isNumber()) {
            throw new BadRequest("customerNumber must be a number");
        }
        BigDecimal value = number.decimalValue();
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0) {
            return OptionalInt.empty();
        }
        return erp.customerIndex(value.toBigInteger().toString());
    }

    private static LocalDate date(JsonNode request, String field) {
        String value = request.path(field).asString("");
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw new BadRequest(field + " must be a date (YYYY-MM-DD), was " + value);
        }
    }

    private static ObjectNode ok() {
        ObjectNode response = SandboxJson.MAPPER.createObjectNode();
        response.put("cErrorMessage", "");
        return response;
    }

    private static ObjectNode error(String message) {
        ObjectNode response = SandboxJson.MAPPER.createObjectNode();
        response.put("cErrorMessage", message);
        return response;
    }

    private static ResponseEntity<String> answer(int status, ObjectNode response) {
        ObjectNode envelope = SandboxJson.MAPPER.createObjectNode();
        envelope.set("response", response);
        return json(status, envelope);
    }

    private static ResponseEntity<String> json(int status, ObjectNode body) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(SandboxJson.MAPPER.writeValueAsString(body));
    }

    private static ResponseEntity<String> oauthError(int status, String error, String description) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return json(status, body);
    }

    private static ResponseEntity<String> gateway(int status, String message) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(SxeSandboxErp.gatewayError(status, message));
    }

}
