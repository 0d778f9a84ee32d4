package dev.erpgraph.erp;

/**
 * Optional features a connector declares ({@link ErpConnector#capabilities()}), so that
 * callers, docs and the shared connector contract test can tell what an ERP really
 * offers: a scenario an ERP cannot support is gated on its capability. Each connector's
 * set must be true to what it does.
 */
public enum ErpCapability {

    /** Prices come with quantity breaks. */
    PRICE_BREAKS,
    /** Stock is known per warehouse, not only as a company total. */
    PER_WAREHOUSE_STOCK,
    /** Many customers are read in one request (filters, IN lists), not one call each. */
    MULTI_CUSTOMER_READS,
    /**
     * The ERP pushes change notifications itself (BC webhooks, SAP business events), in a
     * format its factory's event parser reads; without it, a deployment's script posts
     * signed events.
     */
    CHANGE_EVENTS,
    /** Sales orders can be created. */
    SALES_ORDER_CREATE,
    /** Shipments are read, per customer and per sales order. */
    SHIPMENTS,
    /** Invoices are read, per customer and per sales order, with what is still owed. */
    INVOICES,
    /** Shipments carry the carrier and its tracking number. */
    SHIPMENT_TRACKING,
    /**
     * Orders read with {@link OrderQuery#withLineStock()} carry their lines' stock in
     * every warehouse, read in the orders' own request (Business Central's
     * {@code $expand} of the lines' {@code item}) and equal to what
     * {@link ErpConnector#stock} answers for all warehouses.
     */
    EMBEDDED_LINE_STOCK

}
