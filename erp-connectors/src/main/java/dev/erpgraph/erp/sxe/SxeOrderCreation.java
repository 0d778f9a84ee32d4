package dev.erpgraph.erp.sxe;

import java.util.Comparator;
import java.util.Optional;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.SalesOrderRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates a sales order with one order load call, and finds the one an earlier create
 * committed by its customer PO. See {@link SxeConnector}.
 */
record SxeOrderCreation(SxeClient api, SxeOptions options) implements AssembledConnector.OrderCreation {

    /** More orders of one customer under one PO than any retried create could leave. */
    private static final int FIND_RECORD_LIMIT = 100;

    /**
     * Loads the order with {@code sxapisfoeordertotloadv4}: header
     * {@code customerid, ponumber, reqshipdate} [I], lines
     * {@code itemnumber, orderqty, unitofmeasure} (blank: the product's selling unit),
     * {@code warehouseid} (blank: the customer's default). The idempotency key goes in as
     * the PO number, where SX.e keeps it ({@code oeeh.custpo}) and a retried create can
     * be found by it: a customer's own PO is not unique, the key is. The customer's PO,
     * when the request has one, travels as the {@code refer} extra header field [I], the
     * order's reference line. Answers {@code orderno-ordersuf} from {@code tOrdtotdata}
     * (see {@link SxeResponses#createdOrderNumber}).
     */
    @Override
    public String create(SalesOrderRequest order) {
        if (!SxeClient.CUSTOMER_NUMBER.matcher(order.customerNumber()).matches()) {
            throw ErpException.notFound(api.systemId(), "customer " + order.customerNumber());
        }
        ObjectNode request = api.request();
        ObjectNode header = request.putObject("tInputheaderdata").putArray("t-inputheaderdata").addObject();
        header.put("customerid", order.customerNumber());
        header.put("ponumber", order.idempotencyKey());
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
        extra.put("fieldvalue", order.customerReference() == null ? "" : order.customerReference());
        SxeClient.Answer answer = api.call("create-order", options.operations().createOrder(), request);
        if (answer.failed()) {
            ErpException failure = api.businessFailure("customer or product of the order", answer.errorMessage());
            throw failure.kind() == ErpException.Kind.NOT_FOUND ? new ErpException(ErpException.Kind.REJECTED,
                    api.systemId(), failure.getMessage(), failure.erpMessage(), null, null) : failure;
        }
        try {
            return SxeResponses.createdOrderNumber(answer.response());
        }
        catch (RuntimeException ex) {
            throw ErpException.badResponse(api.systemId(), "unreadable order load answer: " + ex.getMessage(), ex);
        }
    }

    /**
     * The customer's order whose customer PO is what the create wrote there: one
     * {@code sxapioegetlistofordersv5} for the customer with
     * {@code customerPurchaseOrder} (a JSON value, so no text of it can change the call),
     * every stage, the rows checked again for the exact PO, the oldest answered. A
     * customer SX.e does not know has none.
     */
    @Override
    public Optional<String> find(SalesOrderRequest order) {
        if (!SxeClient.CUSTOMER_NUMBER.matcher(order.customerNumber()).matches()) {
            return Optional.empty();
        }
        String poNumber = order.idempotencyKey();
        ObjectNode request = api.request();
        request.put("customerNumber", Long.parseLong(order.customerNumber()));
        request.put("customerPurchaseOrder", poNumber);
        request.put("recordLimit", FIND_RECORD_LIMIT);
        SxeClient.Answer answer = api.call("find-order", options.operations().orderList(), request);
        if (answer.failed()) {
            ErpException failure = api.businessFailure("customer " + order.customerNumber(), answer.errorMessage());
            if (failure.kind() == ErpException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure;
        }
        return SxeResponses.table(answer.response(), "tOeordV5", "t-oeordV5")
            .stream()
            .filter(row -> poNumber.equals(row.path("custPo").asString(null)))
            .min(Comparator.comparingLong((JsonNode row) -> row.path("orderNo").asLong())
                .thenComparingInt(row -> row.path("orderSuf").asInt()))
            .map(row -> SxeResponses.orderNumber(row.path("orderNo").asLong(), row.path("orderSuf").asInt()));
    }

}
