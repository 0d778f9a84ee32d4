package dev.erpgraph.erp.gateway;

/**
 * What the connector self-check found for one endpoint ({@code ErpResourceStatus} in the
 * API).
 */
public enum ErpResourceStatus {

    /** The endpoint answered its probe. */
    USABLE,
    /**
     * The ERP says the endpoint does not exist (a 404 on the resource, an unknown table):
     * the option that names it, or the ERP's setup, must be fixed.
     */
    MISSING,
    /** The ERP refused our credentials or their rights for it. */
    UNAUTHORIZED,
    /**
     * No usable answer: the ERP is down, slow, answered garbage or refused the probe
     * itself.
     */
    UNREACHABLE

}
