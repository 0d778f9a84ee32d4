package dev.erpgraph.inventory;

import java.math.BigDecimal;

import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.gateway.Freshness;

/** The schema's {@code InventoryLevel}. */
public record InventoryLevelView(String sku, String warehouse, BigDecimal onHand, BigDecimal available,
        Freshness freshness) {

    static InventoryLevelView of(StockLevel level, Freshness freshness) {
        return new InventoryLevelView(level.sku(), level.warehouse(), level.onHand(), level.available(), freshness);
    }
}
