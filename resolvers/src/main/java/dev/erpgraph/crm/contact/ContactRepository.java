package dev.erpgraph.crm.contact;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.erpgraph.access.AccountScope;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Contacts by id, and their writes. Per-account pages are read by
 * {@link ContactPagesLoader}. Reads for a caller take its {@link AccountScope}: a contact
 * of another partner's account is not found.
 */
public interface ContactRepository extends ListCrudRepository<Contact, Long> {

    @Query("select c.* from contacts c join accounts a on a.id = c.account_id"
            + " where c.id = :id and a.partner_id = :partnerId")
    Optional<Contact> findByIdOfPartner(long id, String partnerId);

    default Optional<Contact> findById(long id, AccountScope scope) {
        return scope.isAll() ? findById(id) : findByIdOfPartner(id, scope.partnerId());
    }

    @Query("select c.* from contacts c join accounts a on a.id = c.account_id"
            + " where c.id in (:ids) and a.partner_id = :partnerId")
    List<Contact> findAllByIdOfPartner(Collection<Long> ids, String partnerId);

    /** Those of {@code ids} that are in the scope, in one statement (in no order). */
    default List<Contact> findAllById(Collection<Long> ids, AccountScope scope) {
        return scope.isAll() ? findAllById(ids) : findAllByIdOfPartner(ids, scope.partnerId());
    }

}
