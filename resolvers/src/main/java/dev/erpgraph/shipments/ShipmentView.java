package dev.erpgraph.shipments;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentLine;
import dev.erpgraph.erp.ShipmentStatus;
import dev.erpgraph.erp.gateway.Freshness;

/**
 * The schema's {@code Shipment}: a normalized ERP shipment with the ERP system it lives
 * in and its freshness.
 */
public record ShipmentView(String id, String number, String erpSystemId, LocalDate shipDate, ShipmentStatus status,
        String carrier, String trackingNumber, List<ShipmentLine> lines, Freshness freshness) {

    /** Newest first across ERPs; the number breaks ties so that the order is stable. */
    static final Comparator<ShipmentView> NEWEST_FIRST = Comparator.comparing(ShipmentView::shipDate)
        .thenComparing(ShipmentView::number)
        .reversed();

    static ShipmentView of(Shipment shipment, Freshness freshness) {
        return new ShipmentView(shipment.id(), shipment.number(), freshness.erpSystemId(), shipment.shipDate(),
                shipment.status(), shipment.carrier(), shipment.trackingNumber(), shipment.lines(), freshness);
    }
}
