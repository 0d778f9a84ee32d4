package dev.erpgraph.crm.opportunity;

import java.time.LocalDate;
import java.util.List;

/** The {@code OpportunityFilter} input: every given criterion must match. */
public record OpportunityFilter(List<OpportunityStage> stage, String accountId, LocalDate closeDateFrom,
        LocalDate closeDateTo) {
}
