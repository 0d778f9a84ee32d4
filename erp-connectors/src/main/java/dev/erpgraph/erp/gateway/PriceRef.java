package dev.erpgraph.erp.gateway;

import java.util.Objects;

import dev.erpgraph.erp.PriceKey;

/** A customer's price in one ERP system. */
public record PriceRef(String erpSystemId, PriceKey key) implements ErpKey {

    public PriceRef {
        Objects.requireNonNull(erpSystemId, "erpSystemId");
        Objects.requireNonNull(key, "key");
    }
}
