package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a customer's price depends on. The quantity is normalized ({@code 10} and
 * {@code 10.00} are one key) so that batching and caching never ask an ERP twice for the
 * same price.
 */
public record PriceKey(String customerNumber, String sku, BigDecimal quantity) {

    public PriceKey {
        Objects.requireNonNull(customerNumber, "customerNumber");
        Objects.requireNonNull(sku, "sku");
        quantity = normalizeQuantity(quantity);
    }

    /**
     * One form per quantity: null is 1, {@code 10.00} is {@code 10}; zero or less is
     * refused.
     */
    public static BigDecimal normalizeQuantity(BigDecimal quantity) {
        if (quantity == null) {
            return BigDecimal.ONE;
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity.toPlainString());
        }
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
