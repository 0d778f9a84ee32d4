package dev.erpgraph.erp.businesscentral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentLine;
import dev.erpgraph.erp.ShipmentQuery;
import dev.erpgraph.erp.ShipmentStatus;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;

/**
 * Posted sales shipments: {@code GET salesShipments?$filter=(customerNumber eq ...)
 * [and postingDate ge ...]&$expand=salesShipmentLines(...)}, or by {@code orderNumber}
 * for an order's shipments; one request per URL-length group. A BC shipment exists only
 * once posted, so every one is {@link ShipmentStatus#SHIPPED} on its {@code postingDate};
 * a posted line keeps its order line's {@code Line No.}, so {@code sequence} is the order
 * line it ships [I: BC copies the line number when it posts]. API v2.0's
 * {@code salesShipment} carries no shipping agent or package tracking number: both are
 * null. Comment lines (no {@code lineObjectNumber}) are skipped. See
 * {@link BusinessCentralConnector}.
 */
record BusinessCentralShipments(BusinessCentralReads reads) implements AssembledConnector.ShipmentReads {

    private static final String SELECT = "id,number,customerNumber,orderNumber,postingDate";

    private static final String EXPAND = "salesShipmentLines($select=sequence,lineType,lineObjectNumber,quantity)";

    @Override
    public ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query) {
        Set<String> asked = BusinessCentralReads.codes(customerNumbers);
        String since = query.since() == null ? "" : " and postingDate ge " + query.since();
        return ErpBatch.of(query.perCustomer(asked, read("customerNumber", asked, since)));
    }

    @Override
    public ErpBatch<String, List<Shipment>> byOrder(Set<String> orderNumbers) {
        Set<String> asked = BusinessCentralReads.codes(orderNumbers);
        return ErpBatch.of(ShipmentQuery.perOrder(asked, read("orderNumber", asked, "")));
    }

    private List<Shipment> read(String keyField, Set<String> keys, String condition) {
        List<Shipment> shipments = new ArrayList<>();
        if (keys.isEmpty()) {
            return shipments;
        }
        Function<String, String> path = filter -> reads.client()
            .api("salesShipments?$filter=" + QueryStrings.encode(filter + condition) + "&$select="
                    + QueryStrings.encode(SELECT) + "&$expand=" + QueryStrings.encode(EXPAND));
        for (JsonNode row : reads.getAll("shipments", reads.paths(keyField, keys, path))) {
            shipments.add(shipment(row, reads.systemId()));
        }
        return shipments;
    }

    static Shipment shipment(JsonNode row, String erpSystemId) {
        String order = BusinessCentralFields.text(row, "orderNumber");
        String orderNumber = order == null || order.isEmpty() ? null : order;
        List<ShipmentLine> lines = new ArrayList<>();
        for (JsonNode line : row.path("salesShipmentLines")) {
            String sku = BusinessCentralFields.text(line, "lineObjectNumber");
            if (sku == null || sku.isEmpty() || "Comment".equals(BusinessCentralFields.text(line, "lineType"))) {
                continue;
            }
            int sequence = line.path("sequence").asInt();
            lines.add(new ShipmentLine(sequence, sku,
                    BusinessCentralFields.requiredDecimal(line, "quantity", erpSystemId), orderNumber,
                    orderNumber == null ? null : sequence));
        }
        LocalDate posted = BusinessCentralFields.date(row, "postingDate", erpSystemId);
        if (posted == null) {
            throw ErpException.badResponse(erpSystemId, "sales shipment without postingDate", null);
        }
        return new Shipment(BusinessCentralFields.requiredText(row, "id", erpSystemId),
                BusinessCentralFields.requiredText(row, "number", erpSystemId),
                BusinessCentralFields.requiredText(row, "customerNumber", erpSystemId), posted, ShipmentStatus.SHIPPED,
                null, null, lines);
    }

}
