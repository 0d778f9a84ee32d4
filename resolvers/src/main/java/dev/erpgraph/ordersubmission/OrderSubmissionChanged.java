package dev.erpgraph.ordersubmission;

/**
 * A submission's state or attempts changed on this replica: a worker took it, settled an
 * attempt, or a submit or retry put it in the outbox. What
 * {@code Subscription.orderSubmissionChanged} watches; the cluster channel carries it to
 * the other replicas.
 */
public record OrderSubmissionChanged(long opportunityId) {
}
