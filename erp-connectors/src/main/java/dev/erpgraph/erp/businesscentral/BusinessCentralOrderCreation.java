package dev.erpgraph.erp.businesscentral;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.http.ErpJson;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates a sales order: a lookup by {@code externalDocumentNumber} = idempotency key (a
 * retried create finds its order), then {@code POST salesOrders} with the lines
 * deep-inserted (which needs no {@code If-Match}, unlike a POST of lines one by one).
 * {@link #find} is that lookup alone.
 */
record BusinessCentralOrderCreation(BusinessCentralReads reads) implements AssembledConnector.OrderCreation {

    private static final int MAX_EXTERNAL_DOCUMENT_NUMBER = 35;

    @Override
    public String create(SalesOrderRequest request) {
        String systemId = reads.systemId();
        BusinessCentralClient client = reads.client();
        if (!BusinessCentralFilter.isCode(request.customerNumber())) {
            throw ErpException.rejected(systemId,
                    "not a Business Central customer number: " + request.customerNumber());
        }
        String key = request.idempotencyKey();
        if (!fitsExternalDocumentNumber(key)) {
            throw ErpException.rejected(systemId, "the idempotency key must fit BC's External Document No. (1 to "
                    + MAX_EXTERNAL_DOCUMENT_NUMBER + " characters)");
        }
        Optional<String> existing = lookup("create-order", request);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode body = ErpJson.MAPPER.createObjectNode();
        body.put("customerNumber", request.customerNumber());
        body.put("externalDocumentNumber", key);
        if (request.requestedDeliveryDate() != null) {
            body.put("requestedDeliveryDate", request.requestedDeliveryDate().toString());
        }
        ArrayNode lines = body.putArray("salesOrderLines");
        Map<String, String> locationIds = new HashMap<>();
        for (SalesOrderRequest.Line line : request.lines()) {
            if (!BusinessCentralFilter.isCode(line.sku())) {
                throw ErpException.rejected(systemId, "not a Business Central item number: " + line.sku());
            }
            ObjectNode wire = lines.addObject();
            wire.put("lineType", "Item");
            wire.put("lineObjectNumber", line.sku());
            wire.put("quantity", line.quantity());
            if (line.warehouse() != null) {
                if (locationIds.isEmpty()) {
                    reads.allLocations().forEach((id, code) -> locationIds.put(code, id));
                }
                String locationId = locationIds.get(line.warehouse());
                if (locationId == null) {
                    throw ErpException.rejected(systemId, "no Business Central location " + line.warehouse());
                }
                wire.put("locationId", locationId);
            }
        }
        JsonNode created = client.post("create-order", client.api("salesOrders"),
                ErpJson.MAPPER.writeValueAsString(body));
        return BusinessCentralFields.requiredText(created, "number", systemId);
    }

    /**
     * The customer's order whose {@code externalDocumentNumber} is the idempotency key
     * the create wrote; a key or customer number BC could not have stored is not asked
     * for.
     */
    @Override
    public Optional<String> find(SalesOrderRequest request) {
        if (!BusinessCentralFilter.isCode(request.customerNumber())
                || !fitsExternalDocumentNumber(request.idempotencyKey())) {
            return Optional.empty();
        }
        return lookup("find-order", request);
    }

    private Optional<String> lookup(String resource, SalesOrderRequest request) {
        BusinessCentralClient client = reads.client();
        List<JsonNode> found = client.getAll(resource, client.api("salesOrders?$filter="
                + QueryStrings.encode(BusinessCentralFilter.eq("externalDocumentNumber", request.idempotencyKey())
                        + " and " + BusinessCentralFilter.eq("customerNumber", request.customerNumber()))
                + "&$select=number"));
        return found.stream()
            .findFirst()
            .map(row -> BusinessCentralFields.requiredText(row, "number", reads.systemId()));
    }

    private static boolean fitsExternalDocumentNumber(String key) {
        return !key.isBlank() && key.length() <= MAX_EXTERNAL_DOCUMENT_NUMBER
                && key.chars().noneMatch(Character::isISOControl);
    }

}
