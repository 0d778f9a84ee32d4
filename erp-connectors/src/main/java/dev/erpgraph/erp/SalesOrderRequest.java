package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The one write into an ERP: a sales order for a won opportunity. {@code idempotencyKey}
 * is sent where the ERP can store it (external document number, customer PO) so that a
 * retried create can be recognised.
 */
public record SalesOrderRequest(String idempotencyKey, String customerNumber, String customerReference,
        LocalDate requestedDeliveryDate, List<Line> lines) {

    public SalesOrderRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(customerNumber, "customerNumber");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a sales order needs at least one line");
        }
    }

    /** One requested line; {@code warehouse} may be null to let the ERP choose. */
    public record Line(String sku, BigDecimal quantity, String warehouse) {
        public Line {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(quantity, "quantity");
        }
    }
}
