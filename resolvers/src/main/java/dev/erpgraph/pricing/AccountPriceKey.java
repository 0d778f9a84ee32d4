package dev.erpgraph.pricing;

import java.math.BigDecimal;

import dev.erpgraph.erp.PriceKey;

/** One {@code price} field: the account, the sku and the quantity (normalized, so 10 and 10.00 are one key). */
record AccountPriceKey(long accountId, String sku, BigDecimal quantity) {

    AccountPriceKey {
        quantity = PriceKey.normalizeQuantity(quantity);
    }
}
