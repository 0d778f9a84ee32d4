package dev.erpgraph.erp;

/**
 * The normalized life cycle of a sales order. Every connector documents how its ERP's own
 * codes map onto these; nothing outside a connector sees an ERP's native status.
 */
public enum OrderStatus {

    OPEN, PARTIALLY_SHIPPED, SHIPPED, INVOICED, CANCELLED, ON_HOLD

}
