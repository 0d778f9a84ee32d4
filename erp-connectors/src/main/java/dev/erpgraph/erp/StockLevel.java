package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Stock of one item in one warehouse. {@code available} is what can still be promised (on
 * hand less what is allocated or committed), as close as the ERP lets us compute it; each
 * connector documents its formula.
 */
public record StockLevel(String sku, String warehouse, BigDecimal onHand, BigDecimal available) {

    public StockLevel {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(onHand, "onHand");
        Objects.requireNonNull(available, "available");
    }
}
