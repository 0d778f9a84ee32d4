package dev.erpgraph.erp;

/**
 * Optional features a connector declares, so callers and docs can tell what an ERP really
 * offers.
 */
public enum ErpCapability {

    /** Prices come with quantity breaks. */
    PRICE_BREAKS,
    /** Stock is known per warehouse, not only as a company total. */
    PER_WAREHOUSE_STOCK,
    /** Many customers are read in one request (filters, IN lists), not one call each. */
    MULTI_CUSTOMER_READS,
    /** The ERP pushes change notifications itself (webhooks, business events). */
    CHANGE_EVENTS,
    /** Sales orders can be created. */
    SALES_ORDER_CREATE

}
