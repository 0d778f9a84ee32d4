package dev.erpgraph.crm.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The opportunity mutations' inputs and payloads, as named in {@code crm.graphqls}. */
final class OpportunityInputs {

    private OpportunityInputs() {
    }

    /**
     * Kept apart from {@code Money}, whose constructor refuses bad codes before we could
     * name the field.
     */
    record MoneyInput(BigDecimal amount, String currency) {
    }

    record OpportunityLineInput(String sku, BigDecimal quantity) {
    }

    record CreateOpportunityInput(String accountId, String name, OpportunityStage stage, MoneyInput amount,
            LocalDate closeDate, Integer probability, String ownerId, List<OpportunityLineInput> lines,
            String clientMutationId) {
    }

    record CreateOpportunityPayload(Opportunity opportunity, String clientMutationId) {
    }

    record UpdateOpportunityInput(String id, Integer expectedVersion, String name, OpportunityStage stage,
            MoneyInput amount, LocalDate closeDate, Integer probability, String ownerId,
            List<OpportunityLineInput> lines, String clientMutationId) {
    }

    record UpdateOpportunityPayload(Opportunity opportunity, String clientMutationId) {
    }

}
