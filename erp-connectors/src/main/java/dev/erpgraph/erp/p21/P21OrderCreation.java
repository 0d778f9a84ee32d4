package dev.erpgraph.erp.p21;

import java.util.List;
import java.util.OptionalLong;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.SalesOrderRequest;
import tools.jackson.databind.JsonNode;

/**
 * Creates a sales order: a lookup by {@code po_no} (the idempotency key) finds an order a
 * retried create already made; otherwise P21's Transaction API creates it
 * ({@link P21TransactionClient}).
 */
record P21OrderCreation(P21Client odata, P21TransactionClient transactions) {

    String create(SalesOrderRequest request) {
        OptionalLong customer = P21ODataFilter.numericKey(request.customerNumber());
        if (customer.isEmpty()) {
            throw ErpException.notFound(odata.systemId(), "customer " + request.customerNumber());
        }
        String poNumber = P21TransactionClient.poNumber(request);
        List<JsonNode> existing = odata.table("orders", "oe_hdr",
                P21ODataFilter.eq("customer_id", customer.getAsLong()) + " and " + P21ODataFilter.eq("po_no", poNumber),
                "order_no", "order_no");
        if (!existing.isEmpty()) {
            return existing.get(0).path("order_no").asString();
        }
        return transactions.create(customer.getAsLong(), request);
    }

}
