package dev.erpgraph.sandbox;

/**
 * The life cycle of a sales order in the data set, before each sandbox renders it in its
 * own ERP's codes (SAP's delivery and billing statuses, NetSuite's letters, SX.e's
 * stages, P21's flags). The admin API's order changes name these.
 */
public enum OrderStatus {

    OPEN, PARTIALLY_SHIPPED, SHIPPED, INVOICED, CANCELLED, ON_HOLD

}
