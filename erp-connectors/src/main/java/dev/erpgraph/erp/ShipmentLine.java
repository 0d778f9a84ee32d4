package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a shipment: what left the warehouse for which order line.
 *
 * @param orderNumber the sales order the line ships, null where the ERP does not say
 * @param orderLineNumber the line on that order, null where the ERP does not say
 */
public record ShipmentLine(int lineNumber, String sku, BigDecimal quantity, String orderNumber,
        Integer orderLineNumber) {

    public ShipmentLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(quantity, "quantity");
    }
}
