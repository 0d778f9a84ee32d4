package dev.erpgraph.pricing;

import java.math.BigDecimal;

import dev.erpgraph.erp.PriceKey;

/**
 * One price field: whose price (an account's, or the account of an opportunity whose line
 * is priced), the sku and the quantity (normalized, so 10 and 10.00 are one key).
 */
record PriceFieldKey(Owner owner, long ownerId, String sku, BigDecimal quantity) {

    /** What the owner id is the id of. */
    enum Owner {

        ACCOUNT, OPPORTUNITY

    }

    PriceFieldKey {
        quantity = PriceKey.normalizeQuantity(quantity);
    }
}
