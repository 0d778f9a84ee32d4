package dev.erpgraph.ordersubmission;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the order outbox: what was asked for a won opportunity, and how far it got.
 *
 * @param reference the stable reference the order carries in the ERP's own field
 * @param attempts how many times a worker has taken the submission to the ERP
 * @param attemptLimit the attempt count at which it becomes {@code FAILED}
 * @param submittedAt when the ERP was found to hold the order; null until then
 * @param errorCode the contract's code of the last failure ({@code ERP_REJECTED},
 * {@code ERP_UNAVAILABLE}...), null after a success
 */
public record OrderSubmission(long id, long opportunityId, String erpSystemId, String customerNumber, String reference,
        String customerPurchaseOrder, LocalDate requestedDeliveryDate, OrderSubmissionState state, int attempts,
        int attemptLimit, String erpOrderNumber, Instant submittedAt, String lastError, String errorCode) {
}
