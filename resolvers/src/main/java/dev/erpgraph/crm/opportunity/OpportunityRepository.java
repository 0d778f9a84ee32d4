package dev.erpgraph.crm.opportunity;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Opportunities by id, and their writes. Filtered pages are read by
 * {@link OpportunityPages}.
 */
public interface OpportunityRepository extends ListCrudRepository<Opportunity, Long> {

}
