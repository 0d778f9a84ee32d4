package dev.erpgraph.erp.sxe;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.SalesOrderRequest;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates a sales order with one order load call. See {@link SxeConnector}.
 */
record SxeOrderCreation(SxeClient api, SxeOptions options) {

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
    String create(SalesOrderRequest order) {
        if (!SxeClient.CUSTOMER_NUMBER.matcher(order.customerNumber()).matches()) {
            throw ErpException.notFound(api.systemId(), "customer " + order.customerNumber());
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
                    api.systemId(), failure.getMessage(), failure.erpMessage(), null, null) : failure;
        }
        try {
            return SxeResponses.createdOrderNumber(answer.response());
        }
        catch (RuntimeException ex) {
            throw ErpException.badResponse(api.systemId(), "unreadable order load answer: " + ex.getMessage(), ex);
        }
    }

}
