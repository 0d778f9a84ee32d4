package dev.erpgraph.orders;

import java.math.BigDecimal;

import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.SalesOrderLine;

/**
 * The schema's {@code OrderLine}; it remembers its ERP system so that {@code inventory}
 * asks the right one.
 */
public record OrderLineView(String erpSystemId, int lineNumber, String sku, String description, BigDecimal quantity,
        BigDecimal shippedQuantity, Money unitPrice, Money amount, String warehouse) {

    static OrderLineView of(String erpSystemId, SalesOrderLine line) {
        return new OrderLineView(erpSystemId, line.lineNumber(), line.sku(), line.description(), line.quantity(),
                line.shippedQuantity(), line.unitPrice(), line.amount(), line.warehouse());
    }
}
