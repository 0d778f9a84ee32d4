package dev.erpgraph.erp;

/** The ERP products the gateway speaks to; one connector implementation each. */
public enum ErpKind {

    SAP_S4HANA, NETSUITE, BUSINESS_CENTRAL, INFOR_SXE, EPICOR_P21

}
