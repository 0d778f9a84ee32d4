package dev.erpgraph.erp.businesscentral;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 */
record BusinessCentralOrderCreation(BusinessCentralReads reads) {

    private static final int MAX_EXTERNAL_DOCUMENT_NUMBER = 35;

    String create(SalesOrderRequest request) {
        String systemId = reads.systemId();
        BusinessCentralClient client = reads.client();
        if (!BusinessCentralFilter.isCode(request.customerNumber())) {
            throw ErpException.rejected(systemId,
                    "not a Business Central customer number: " + request.customerNumber());
        }
        String key = request.idempotencyKey();
        if (key.isBlank() || key.length() > MAX_EXTERNAL_DOCUMENT_NUMBER
                || key.chars().anyMatch(Character::isISOControl)) {
            throw ErpException.rejected(systemId, "the idempotency key must fit BC's External Document No. (1 to "
                    + MAX_EXTERNAL_DOCUMENT_NUMBER + " characters)");
        }
        List<JsonNode> existing = client.getAll("create-order",
                client.api("salesOrders?$filter="
                        + QueryStrings.encode(BusinessCentralFilter.eq("externalDocumentNumber", key) + " and "
                                + BusinessCentralFilter.eq("customerNumber", request.customerNumber()))
                        + "&$select=number"));
        if (!existing.isEmpty()) {
            return BusinessCentralFields.requiredText(existing.get(0), "number", systemId);
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

}
