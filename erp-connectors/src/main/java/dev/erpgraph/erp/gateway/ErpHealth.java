package dev.erpgraph.erp.gateway;

/**
 * How an ERP system is doing, as its circuit breaker sees it ({@code ErpSystem.health} in
 * the API): DOWN while the breaker is open (calls are refused without a request),
 * DEGRADED while it is half-open, while failures or slow calls are at half the rate that
 * would open it, or while this server's use of the ERP's API quota is at
 * {@code erp.quota.degraded-at} (70 %) of it, UP otherwise.
 */
public enum ErpHealth {

    UP, DEGRADED, DOWN

}
