package dev.erpgraph.crm.opportunity;

import java.math.BigDecimal;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An item and quantity quoted on an opportunity. */
@Table("opportunity_lines")
public record OpportunityLine(@Id Long id, Long opportunityId, int lineNumber, String sku, BigDecimal quantity) {
}
