package dev.erpgraph.crm.opportunity;

import java.util.Optional;

import dev.erpgraph.access.AccountScope;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Opportunities by id, and their writes. Filtered pages are read by
 * {@link OpportunityPages}. Reads for a caller take its {@link AccountScope}: an
 * opportunity of another partner's account is not found.
 */
public interface OpportunityRepository extends ListCrudRepository<Opportunity, Long> {

    @Query("select o.* from opportunities o join accounts a on a.id = o.account_id"
            + " where o.id = :id and a.partner_id = :partnerId")
    Optional<Opportunity> findByIdOfPartner(long id, String partnerId);

    default Optional<Opportunity> findById(long id, AccountScope scope) {
        return scope.isAll() ? findById(id) : findByIdOfPartner(id, scope.partnerId());
    }

}
