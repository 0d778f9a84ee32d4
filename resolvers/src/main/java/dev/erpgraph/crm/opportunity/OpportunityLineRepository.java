package dev.erpgraph.crm.opportunity;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** Opportunity lines, read for many opportunities at once. */
public interface OpportunityLineRepository extends ListCrudRepository<OpportunityLine, Long> {

    /** The lines of all given opportunities in one statement, in line order. */
    List<OpportunityLine> findByOpportunityIdInOrderByOpportunityIdAscLineNumberAsc(Collection<Long> opportunityIds);

    /** Drops an opportunity's lines before new ones replace them. */
    @Modifying
    @Query("delete from opportunity_lines where opportunity_id = :opportunityId")
    void deleteByOpportunityId(@Param("opportunityId") long opportunityId);

}
