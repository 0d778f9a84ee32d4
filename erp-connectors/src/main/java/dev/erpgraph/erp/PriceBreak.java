package dev.erpgraph.erp;

import java.math.BigDecimal;

/**
 * A quantity break: from {@code minimumQuantity} on, the customer pays {@code unitPrice}.
 */
public record PriceBreak(BigDecimal minimumQuantity, Money unitPrice) {
}
