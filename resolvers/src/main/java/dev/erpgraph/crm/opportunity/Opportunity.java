package dev.erpgraph.crm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A possible sale to an account. Its lines are deliberately not a
 * {@code @MappedCollection}: Spring Data JDBC would load them with one query per
 * opportunity; {@link OpportunityLineRepository} reads them for a whole page in one.
 * {@code erpSystemId} and {@code erpOrderNumber} are written only by the order
 * submission, in its own statement: a save of the opportunity (an edit based on a read
 * from before the order arrived) must not put them back to what it read.
 */
@Table("opportunities")
public record Opportunity(@Id Long id, Long accountId, String name, OpportunityStage stage, BigDecimal amount,
        String currency, LocalDate closeDate, Integer probability, String ownerId, @ReadOnlyProperty String erpSystemId,
        @ReadOnlyProperty String erpOrderNumber, Instant createdAt, Instant updatedAt, @Version Integer version) {
}
