package dev.erpgraph.sandbox;

/**
 * The ERP products the sandboxes imitate, one sandbox each. The sandbox's own notion of
 * the kind, not the gateway's: this module reads and writes wire formats with its own
 * code and knows nothing of the connectors. The order is part of the data: each sandbox's
 * data set is seeded with its kind's ordinal.
 */
public enum SandboxKind {

    SAP_S4HANA, NETSUITE, BUSINESS_CENTRAL, INFOR_SXE, EPICOR_P21

}
