package dev.erpgraph.erp.sap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.http.ErpJson;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.erpgraph.erp.sap.SapReads.text;

/**
 * Creates a sales order: a lookup by {@code PurchaseOrderByCustomer} = idempotency key (a
 * retried create answers the existing order), then the deep insert
 * {@code POST A_SalesOrder} with {@code to_Item} as a plain array, under the CSRF token
 * {@link SapClient} fetches. The same lookup answers {@link #find}. See
 * {@link SapConnector}.
 */
record SapOrderCreation(SapReads reads, SapOptions.OrderData orderData) implements AssembledConnector.OrderCreation {

    @Override
    public String create(SalesOrderRequest request) {
        String systemId = reads.systemId();
        String customer = SapODataFilter.numericKey(request.customerNumber());
        if (customer == null) {
            throw ErpException.rejected(systemId,
                    "customer number '" + request.customerNumber() + "' is not an SAP business partner number");
        }
        for (SalesOrderRequest.Line line : request.lines()) {
            if (!SapReads.validMaterial(line.sku())) {
                throw ErpException.rejected(systemId, "'" + line.sku() + "' is not an SAP material number");
            }
        }
        String reference = purchaseOrderReference(request.idempotencyKey());
        // A retried create (the first answer lost in transit) finds its order instead of
        // creating a second one.
        Optional<String> existing = lookup("create-order", customer, reference);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode body = ErpJson.MAPPER.createObjectNode();
        body.put("SalesOrderType", orderData.salesOrderType());
        body.put("SalesOrganization", orderData.salesOrganization());
        body.put("DistributionChannel", orderData.distributionChannel());
        body.put("OrganizationDivision", orderData.division());
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
        JsonNode created = reads.odata()
            .create("create-order", SapOrders.SALES_ORDER_SERVICE, "A_SalesOrder",
                    ErpJson.MAPPER.writeValueAsString(body));
        return reads.parse(created, node -> text(node, "SalesOrder"));
    }

    /**
     * The order of the customer whose {@code PurchaseOrderByCustomer} is the reference
     * the create wrote; a customer that is no business partner number cannot have one.
     */
    @Override
    public Optional<String> find(SalesOrderRequest request) {
        String customer = SapODataFilter.numericKey(request.customerNumber());
        if (customer == null) {
            return Optional.empty();
        }
        return lookup("find-order", customer, purchaseOrderReference(request.idempotencyKey()));
    }

    private Optional<String> lookup(String resource, String customer, String reference) {
        List<JsonNode> found = reads.odata()
            .readAll(resource, SapOrders.SALES_ORDERS,
                    "$select=SalesOrder&$filter=" + QueryStrings.encode(SapODataFilter.eq("SoldToParty", customer)
                            + " and " + SapODataFilter.eq("PurchaseOrderByCustomer", reference)));
        return found.stream().findFirst().map(row -> reads.parse(row, node -> text(node, "SalesOrder")));
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

}
