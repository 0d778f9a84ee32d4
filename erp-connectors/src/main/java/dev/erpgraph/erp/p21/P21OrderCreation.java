package dev.erpgraph.erp.p21;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.SalesOrderRequest;
import tools.jackson.databind.JsonNode;

/**
 * Creates a sales order: a lookup by {@code web_reference_no} (the idempotency key) finds
 * an order a retried create already made; otherwise P21's Transaction API creates it
 * ({@link P21TransactionClient}). {@link #find} is that lookup alone.
 */
record P21OrderCreation(P21Client odata,
        P21TransactionClient transactions) implements AssembledConnector.OrderCreation {

    @Override
    public String create(SalesOrderRequest request) {
        OptionalLong customer = P21ODataFilter.numericKey(request.customerNumber());
        if (customer.isEmpty()) {
            throw ErpException.notFound(odata.systemId(), "customer " + request.customerNumber());
        }
        Optional<String> existing = lookup("orders", customer.getAsLong(), request);
        if (existing.isPresent()) {
            return existing.get();
        }
        return transactions.create(customer.getAsLong(), request);
    }

    /**
     * The customer's oldest order whose {@code web_reference_no} is the idempotency key;
     * a customer number P21 could not hold has none.
     */
    @Override
    public Optional<String> find(SalesOrderRequest request) {
        OptionalLong customer = P21ODataFilter.numericKey(request.customerNumber());
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        return lookup("find-order", customer.getAsLong(), request);
    }

    private Optional<String> lookup(String resource, long customer, SalesOrderRequest request) {
        List<JsonNode> found = odata.table(resource, "oe_hdr", P21ODataFilter.eq("customer_id", customer) + " and "
                + P21ODataFilter.eq("web_reference_no", request.idempotencyKey()), "order_no", "order_no");
        return found.stream().findFirst().map(row -> row.path("order_no").asString());
    }

}
