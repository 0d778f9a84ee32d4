package dev.erpgraph.erp.gateway;

/** How an ERP system is doing, as its circuit breaker sees it. */
public enum ErpHealth {
    /** Answering normally. */
    UP,
    /** Answering slowly, or being probed again after an outage (half-open). */
    DEGRADED,
    /** Not answering: its circuit is open and calls are not sent. */
    DOWN
}
