package dev.erpgraph.erp;

/**
 * Where a shipment stands, the same for every ERP: each connector maps its ERP's own
 * codes (SAP's goods movement status, NetSuite's fulfillment letters) onto these.
 */
public enum ShipmentStatus {

    /** Being picked or packed: the goods have not left the warehouse yet. */
    PENDING,
    /** Goods issued: on their way to the customer (or delivered). */
    SHIPPED

}
