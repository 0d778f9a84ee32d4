package dev.erpgraph.ordersubmission;

/**
 * A submission became pending (a submit or a retry); published inside its transaction so
 * that the worker looks for it once that transaction committed.
 */
record OrderSubmissionRequested(long opportunityId) {
}
