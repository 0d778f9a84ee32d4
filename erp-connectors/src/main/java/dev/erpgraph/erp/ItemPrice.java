package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A customer's price for an item at a quantity, with the list price where the ERP exposes
 * one and the quantity breaks that led to it (empty where the ERP has none).
 */
public record ItemPrice(String sku, BigDecimal quantity, Money unitPrice, Money listPrice, List<PriceBreak> breaks) {

    public ItemPrice {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }
}
