package dev.erpgraph.erp.sap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentLine;
import dev.erpgraph.erp.ShipmentQuery;
import dev.erpgraph.erp.ShipmentStatus;
import tools.jackson.databind.JsonNode;

import static dev.erpgraph.erp.sap.SapReads.decimal;
import static dev.erpgraph.erp.sap.SapReads.optionalText;
import static dev.erpgraph.erp.sap.SapReads.strip;
import static dev.erpgraph.erp.sap.SapReads.text;

/**
 * Outbound deliveries with their items ({@code API_OUTBOUND_DELIVERY_SRV}): per customer,
 * one {@code A_OutbDeliveryHeader?$expand=to_DeliveryDocumentItem} with
 * {@code SoldToParty} chained per URL-length chunk; per sales order, one
 * {@code A_OutbDeliveryItem} by {@code ReferenceSDDocument} (the header carries no order:
 * a delivery may ship several), then that header read by {@code DeliveryDocument}. See
 * {@link SapConnector}.
 */
record SapShipments(SapReads reads) implements AssembledConnector.ShipmentReads {

    static final String DELIVERY_SERVICE = "API_OUTBOUND_DELIVERY_SRV";

    static final String HEADERS = DELIVERY_SERVICE + "/A_OutbDeliveryHeader";

    static final String ITEMS = DELIVERY_SERVICE + "/A_OutbDeliveryItem";

    private static final String EXPAND = "$expand=to_DeliveryDocumentItem";

    @Override
    public ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query) {
        Map<String, List<String>> requested = SapReads.canonicalKeys(customerNumbers);
        List<Shipment> shipments = read("SoldToParty", requested.keySet());
        Map<String, List<Shipment>> byCustomer = query.perCustomer(requested.keySet(), shipments);
        return ErpBatch.of(SapReads.asRequested(requested, byCustomer));
    }

    @Override
    public ErpBatch<String, List<Shipment>> byOrder(Set<String> orderNumbers) {
        Map<String, List<String>> requested = SapReads.canonicalKeys(orderNumbers);
        Set<String> deliveries = new LinkedHashSet<>();
        if (!requested.isEmpty()) {
            for (JsonNode item : reads.readChunked("shipments", ITEMS, "$select=DeliveryDocument,ReferenceSDDocument",
                    requested.keySet(), chunk -> SapODataFilter.anyOf("ReferenceSDDocument", chunk))) {
                deliveries.add(reads.parse(item, row -> text(row, "DeliveryDocument")));
            }
        }
        Map<String, List<Shipment>> byOrder = ShipmentQuery.perOrder(requested.keySet(),
                read("DeliveryDocument", deliveries));
        return ErpBatch.of(SapReads.asRequested(requested, byOrder));
    }

    private List<Shipment> read(String keyField, Set<String> keys) {
        List<Shipment> shipments = new ArrayList<>();
        if (keys.isEmpty()) {
            return shipments;
        }
        for (JsonNode row : reads.readChunked("shipments", HEADERS, EXPAND, keys,
                chunk -> SapODataFilter.anyOf(keyField, chunk))) {
            shipments.add(reads.parse(row, SapShipments::shipment));
        }
        return shipments;
    }

    /**
     * Goods issued ({@code OverallGoodsMovementStatus} {@code C}): shipped on
     * {@code ActualGoodsMovementDate}; else pending, planned for
     * {@code PlannedGoodsIssueDate}. The tracking number is {@code BillOfLading} [I]; the
     * carrier is a partner of the delivery that this read does not expand: null.
     */
    private static Shipment shipment(JsonNode row) {
        boolean issued = "C".equals(optionalText(row, "OverallGoodsMovementStatus"));
        String actual = optionalText(row, "ActualGoodsMovementDate");
        String date = issued && actual != null ? actual : text(row, "PlannedGoodsIssueDate");
        String billOfLading = optionalText(row, "BillOfLading");
        List<ShipmentLine> lines = new ArrayList<>();
        for (JsonNode item : row.path("to_DeliveryDocumentItem").path("results").values()) {
            String orderItem = optionalText(item, "ReferenceSDDocumentItem");
            String order = optionalText(item, "ReferenceSDDocument");
            lines.add(new ShipmentLine(Integer.parseInt(text(item, "DeliveryDocumentItem")), text(item, "Material"),
                    strip(decimal(item, "ActualDeliveryQuantity")), order == null || order.isEmpty() ? null : order,
                    orderItem == null || orderItem.isEmpty() ? null : Integer.valueOf(orderItem)));
        }
        String number = text(row, "DeliveryDocument");
        return new Shipment(number, number, text(row, "SoldToParty"), SapODataValues.parseDate(date),
                issued ? ShipmentStatus.SHIPPED : ShipmentStatus.PENDING, null,
                billOfLading == null || billOfLading.isBlank() ? null : billOfLading, lines);
    }

}
