package dev.erpgraph.erp.gateway;

/**
 * What the gateway reads, each with its own cache TTL and metrics tag. The names are the
 * {@code resource} tag values and the keys of {@code erp.cache.ttl}.
 */
public enum ErpResource {

    ORDERS("orders"), INVENTORY("inventory"), PRICES("prices"), CREDIT("credit"), SHIPMENTS("shipments"),
    INVOICES("invoices");

    private final String tag;

    ErpResource(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /**
     * Whether the resource's values are documents of customers, listed by sales order.
     */
    public boolean isOrderDocuments() {
        return this == ORDERS || this == SHIPMENTS || this == INVOICES;
    }

}
