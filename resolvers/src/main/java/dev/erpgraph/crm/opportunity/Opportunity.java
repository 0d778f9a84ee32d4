package dev.erpgraph.crm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A possible sale to an account. Its lines are deliberately not a
 * {@code @MappedCollection}: Spring Data JDBC would load them with one query per
 * opportunity; {@link OpportunityLineRepository} reads them for a whole page in one.
 */
@Table("opportunities")
public record Opportunity(@Id Long id, Long accountId, String name, OpportunityStage stage, BigDecimal amount,
        String currency, LocalDate closeDate, Integer probability, String ownerId, String erpSystemId,
        String erpOrderNumber, Instant createdAt, Instant updatedAt, @Version Integer version) {
}
