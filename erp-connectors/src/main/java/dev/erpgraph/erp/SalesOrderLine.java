package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a sales order. Quantities are positive whatever the ERP stores (NetSuite
 * keeps sales lines negative); {@code shippedQuantity} and {@code warehouse} are null
 * where the ERP does not say.
 */
public record SalesOrderLine(int lineNumber, String sku, String description, BigDecimal quantity,
        BigDecimal shippedQuantity, Money unitPrice, Money amount, String warehouse) {

    public SalesOrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
    }
}
