package dev.erpgraph.erp.gateway;

import java.util.Objects;

/**
 * Stock of a sku in one ERP system: in one warehouse, or in all of them when
 * {@code warehouse} is null.
 */
public record StockRef(String erpSystemId, String sku, String warehouse) implements ErpKey {

    public StockRef {
        Objects.requireNonNull(erpSystemId, "erpSystemId");
        Objects.requireNonNull(sku, "sku");
    }
}
