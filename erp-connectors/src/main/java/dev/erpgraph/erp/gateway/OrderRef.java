package dev.erpgraph.erp.gateway;

import java.util.Objects;

/** A sales order by its document number in one ERP system. */
public record OrderRef(String erpSystemId, String orderNumber) implements ErpKey {

    public OrderRef {
        Objects.requireNonNull(erpSystemId, "erpSystemId");
        Objects.requireNonNull(orderNumber, "orderNumber");
    }
}
