package dev.erpgraph.ordersubmission;

/** How far a won opportunity's sales order got, as {@code OrderSubmissionState}. */
public enum OrderSubmissionState {

    /** Waiting to be sent, or to be sent again after a transient failure. */
    PENDING,
    /** The ERP holds the order; its number is known. */
    SUBMITTED,
    /** The ERP refused the order; never retried. */
    REJECTED,
    /**
     * Every attempt failed transiently; {@code retryOpportunityOrder} makes it pending.
     */
    FAILED

}
