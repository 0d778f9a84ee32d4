package dev.erpgraph.ordersubmission;

import java.time.LocalDate;

import dev.erpgraph.crm.opportunity.Opportunity;

/**
 * The order submission mutations' inputs and payloads, as named in
 * {@code order-submissions.graphqls}.
 */
final class OrderSubmissionInputs {

    private OrderSubmissionInputs() {
    }

    record SubmitOpportunityOrderInput(String opportunityId, Integer expectedVersion, String erpSystemId,
            String customerPurchaseOrder, LocalDate requestedDeliveryDate, String clientMutationId) {
    }

    record SubmitOpportunityOrderPayload(Opportunity opportunity, String clientMutationId) {
    }

    record RetryOpportunityOrderInput(String opportunityId, String clientMutationId) {
    }

    record RetryOpportunityOrderPayload(Opportunity opportunity, String clientMutationId) {
    }

}
