package dev.erpgraph.sandbox.sxe;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import dev.erpgraph.sandbox.DistributorDataSet.Item;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.DistributorDataSet.OrderLine;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.OrderStatus;
import dev.erpgraph.sandbox.Sandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SX.API's order operations in the sandbox: the order list
 * ({@code sxapioegetlistofordersv5}), one order with its lines
 * ({@code sxapioegetsingleorderv3}) and order entry ({@code sxapisfoeordertotloadv4}).
 */
final class SxeOrders {

    private SxeOrders() {
    }

    // ---- orders

    static ObjectNode orderList(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        OptionalInt index = SxeWire.customer(request, erp);
        if (index.isEmpty()) {
            return SxeWire.error(SxeWire.NOT_SET_UP_CUSTOMER);
        }
        String types = request.path("transactionTypes").asString("").toUpperCase(Locale.ROOT);
        int startStage = request.path("startStage").asInt(0);
        int endStage = request.has("endStage") ? request.path("endStage").asInt(9) : 9;
        LocalDate startDate = SxeWire.date(request, "startEnterDate");
        LocalDate endDate = SxeWire.date(request, "endEnterDate");
        boolean holdOnly = request.path("holdOnlyFlag").asBoolean(false);
        long orderNumber = request.path("orderNumber").asLong(0);
        String customerPo = request.path("customerPurchaseOrder").asString("");
        int limit = request.path("recordLimit").asInt(0);
        limit = limit <= 0 ? SxeWire.MAX_RECORD_LIMIT : Math.min(limit, SxeWire.MAX_RECORD_LIMIT);
        List<Order> matching = new ArrayList<>();
        for (Order order : data.ordersOf(index.getAsInt())) { // newest first
            int stage = stage(order);
            if ((!types.isBlank() && !List.of(types.split("[,\\s]+")).contains("SO")) || stage < startStage
                    || stage > endStage || (startDate != null && order.orderDate().isBefore(startDate))
                    || (endDate != null && order.orderDate().isAfter(endDate))
                    || (holdOnly && order.status() != OrderStatus.ON_HOLD)
                    || (orderNumber > 0 && orderNumber != SxeSandboxErp.FIRST_ORDER + order.sequence())
                    || (!customerPo.isEmpty() && !customerPo.equals(order.customerPo()))) {
                continue;
            }
            matching.add(order);
        }
        ObjectNode response = SxeWire.ok();
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
            row.put("whse", warehouse(order));
            row.put("shipTo", "");
        }
        response.put("moreRecordsAvailable", matching.size() > limit);
        return response;
    }

    static ObjectNode singleOrder(JsonNode request, DistributorDataSet data) {
        JsonNode number = request.path("orderNumber");
        JsonNode suffix = request.path("orderSuffix");
        if (!number.isIntegralNumber() || !(suffix.isMissingNode() || suffix.isIntegralNumber())) {
            throw new SxeWire.BadRequest("orderNumber and orderSuffix must be integers");
        }
        long sequence = number.asLong() - SxeSandboxErp.FIRST_ORDER;
        Optional<Order> found = suffix.asInt(0) != 0 || sequence < 1 || sequence > Integer.MAX_VALUE ? Optional.empty()
                : data.order((int) sequence);
        if (found.isEmpty()) {
            return SxeWire.error("Order #" + number.asLong() + "-" + String.format(Locale.ROOT, "%02d", suffix.asInt(0))
                    + " not found");
        }
        Order order = found.get();
        ObjectNode response = SxeWire.ok();
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
                    { "whse", warehouse(order) } };
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
                // t-oelineitemV3 as the OpenAPI has it: the product's two description
                // lines, and no warehouse (the order's whse is in the header and the
                // list).
                row.put("lineNo", line.lineNumber());
                row.put("specNsType", "");
                row.put("prod", line.sku());
                row.put("desc1", descriptionLine(line.description(), 0));
                row.put("desc2", descriptionLine(line.description(), 1));
                row.put("unit", data.item(line.sku()).map(Item::unit).orElse("EA"));
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

    // ---- create

    static ObjectNode create(JsonNode request, Sandbox sandbox) {
        DistributorDataSet data = sandbox.data();
        SxeSandboxErp erp = (SxeSandboxErp) sandbox.erp();
        List<JsonNode> headers = SxeWire.table(request, "tInputheaderdata", "t-inputheaderdata");
        if (headers.size() != 1) {
            return SxeWire.error("Exactly one header row is required in tInputheaderdata");
        }
        JsonNode header = headers.get(0);
        String customerId = header.path("customerid").asString("").trim();
        OptionalInt index = erp.customerIndex(customerId);
        if (index.isEmpty()) {
            return SxeWire.error(SxeWire.NOT_SET_UP_CUSTOMER);
        }
        if (data.customer(index.getAsInt()).orElseThrow().onHold()) {
            // Shown as sell type "n" in the credit data: order entry refuses the
            // customer.
            return SxeWire.error("Customer #" + customerId + " is on credit hold - order not loaded");
        }
        List<JsonNode> lines = SxeWire.table(request, "tInputlinedata", "t-inputlinedata");
        if (lines.isEmpty()) {
            return SxeWire.error("No line items in tInputlinedata");
        }
        LocalDate requested = SxeWire.date(header, "reqshipdate");
        List<OrderLine> orderLines = new ArrayList<>();
        for (JsonNode line : lines) {
            String prod = line.path("itemnumber").asString("");
            Optional<Item> item = data.item(prod);
            if (item.isEmpty()) {
                return SxeWire.error("Product " + prod + " not set up in Product Setup - ICSP");
            }
            BigDecimal quantity = line.path("orderqty").isNumber() ? line.path("orderqty").decimalValue() : null;
            if (quantity == null || quantity.signum() <= 0) {
                return SxeWire.error("Quantity ordered must be greater than zero for " + prod);
            }
            String whse = line.path("warehouseid").asString("").trim();
            if (!whse.isEmpty() && data.warehouses().stream().noneMatch(w -> w.code().equals(whse))) {
                return SxeWire.error("Warehouse " + whse + " not set up in Warehouse Setup - ICSD");
            }
            orderLines
                .add(new OrderLine(orderLines.size() + 1, prod, item.get().description(), quantity, BigDecimal.ZERO,
                        data.unitPrice(index.getAsInt(), prod, quantity).orElseThrow(), whse.isEmpty() ? "CLE" : whse));
        }
        String purchaseOrder = header.path("ponumber").asString("");
        int sequence = sandbox.createOrder(index.getAsInt(), purchaseOrder, purchaseOrder, requested, orderLines);
        Order order = data.order(sequence).orElseThrow();
        ObjectNode response = SxeWire.ok();
        ObjectNode total = response.putObject("tOrdtotdata").putArray("t-ordtotdata").addObject();
        total.put("orderno", SxeSandboxErp.FIRST_ORDER + sequence);
        total.put("ordersuf", 0);
        total.put("totlineamt", order.total());
        total.put("totordamt", order.total());
        return response;
    }

    /**
     * One of SX.e's two 24-character product description lines ({@code icsp.descrip}):
     * the description cut after its last word that fits the first line, the rest on the
     * second.
     */
    static String descriptionLine(String description, int line) {
        if (description == null || description.isBlank()) {
            return "";
        }
        int cut = description.length() <= DESCRIPTION_LINE ? description.length()
                : description.lastIndexOf(' ', DESCRIPTION_LINE);
        cut = cut <= 0 ? Math.min(DESCRIPTION_LINE, description.length()) : cut;
        return line == 0 ? description.substring(0, cut).trim() : description.substring(cut).trim();
    }

    private static final int DESCRIPTION_LINE = 24;

    /**
     * The warehouse an order ships from: SX.e keeps one per order ({@code oeeh.whse}), so
     * the sandbox renders the data set's order from its first line's.
     */
    static String warehouse(Order order) {
        return order.lines().isEmpty() ? "" : order.lines().get(0).warehouse();
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

    static String stageWords(int stage) {
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

}
