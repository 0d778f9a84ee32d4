package dev.erpgraph.erp;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A sales order as every connector normalizes it.
 *
 * @param id the ERP's own key of the order (may differ from the number a person reads,
 * e.g. NetSuite's internal id)
 * @param number the document number people quote ({@code 4000123}, {@code SO10492},
 * {@code 1234567-00})
 * @param customerNumber the ERP customer the order was sold to
 * @param requestedDeliveryDate may be null where the ERP has none
 */
public record SalesOrder(String id, String number, String customerNumber, OrderStatus status, LocalDate orderDate,
        LocalDate requestedDeliveryDate, Money total, List<SalesOrderLine> lines) {

    public SalesOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(total, "total");
        lines = List.copyOf(lines);
    }
}
