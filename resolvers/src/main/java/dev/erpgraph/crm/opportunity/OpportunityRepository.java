package dev.erpgraph.crm.opportunity;

import java.util.Collection;
import java.util.List;
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

    @Query("select o.* from opportunities o join accounts a on a.id = o.account_id"
            + " where o.id in (:ids) and a.partner_id = :partnerId")
    List<Opportunity> findAllByIdOfPartner(Collection<Long> ids, String partnerId);

    /** Those of {@code ids} that are in the scope, in one statement (in no order). */
    default List<Opportunity> findAllById(Collection<Long> ids, AccountScope scope) {
        return scope.isAll() ? findAllById(ids) : findAllByIdOfPartner(ids, scope.partnerId());
    }

}
