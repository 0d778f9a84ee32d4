package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a customer's price depends on. The quantity is normalized ({@code 10} and {@code 10.00} are one key)
 * so that batching and caching never ask an ERP twice for the same price.
 */
public record PriceKey(String customerNumber, String sku, BigDecimal quantity) {

    public PriceKey {
        Objects.requireNonNull(customerNumber, "customerNumber");
        Objects.requireNonNull(sku, "sku");
        quantity = normalize(quantity == null ? BigDecimal.ONE : quantity);
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity.toPlainString());
        }
    }

    private static BigDecimal normalize(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
