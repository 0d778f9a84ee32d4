package dev.erpgraph.erp;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A shipment (SAP outbound delivery, NetSuite item fulfillment, Business Central posted
 * sales shipment, P21 pick ticket, SX.e shipped order) as every connector normalizes it.
 *
 * @param id the ERP's own key of the document
 * @param number the document number people quote
 * @param shipDate when the goods left (or are planned to leave, while pending)
 * @param carrier null where the ERP has none
 * @param trackingNumber null where the ERP has none
 */
public record Shipment(String id, String number, String customerNumber, LocalDate shipDate, ShipmentStatus status,
        String carrier, String trackingNumber, List<ShipmentLine> lines) {

    public Shipment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(shipDate, "shipDate");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    /** Whether a line of this shipment ships one of these orders. */
    public boolean ships(String orderNumber) {
        return lines.stream().anyMatch(line -> orderNumber.equals(line.orderNumber()));
    }
}
