package dev.erpgraph.erp;

import java.util.Objects;

/**
 * A customer's credit position. {@code onHold} is the ERP's own hold flag where it has
 * one, otherwise derived (each connector says how); {@code paymentTerms} is the terms
 * code or name, null where unknown.
 */
public record CreditStatus(Money creditLimit, Money balance, Money available, boolean onHold, String paymentTerms) {

    public CreditStatus {
        Objects.requireNonNull(creditLimit, "creditLimit");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(available, "available");
    }
}
