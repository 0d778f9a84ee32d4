package dev.erpgraph.erp.gateway;

import java.util.Objects;

/** A customer in one ERP system: what a CRM account's ERP link points at. */
public record CustomerRef(String erpSystemId, String customerNumber) implements ErpKey {

    public CustomerRef {
        Objects.requireNonNull(erpSystemId, "erpSystemId");
        Objects.requireNonNull(customerNumber, "customerNumber");
    }
}
