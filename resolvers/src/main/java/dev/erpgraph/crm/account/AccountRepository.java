package dev.erpgraph.crm.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.erpgraph.access.AccountScope;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Accounts by id, and their writes (with optimistic locking on
 * {@link Account#version()}). Filtered pages are read by {@link AccountPages}, whose
 * criteria derived queries cannot express. Reads for a caller take its
 * {@link AccountScope}: another partner's account is not found.
 */
public interface AccountRepository extends ListCrudRepository<Account, Long> {

    Optional<Account> findByIdAndPartnerId(long id, String partnerId);

    List<Account> findByIdInAndPartnerId(Collection<Long> ids, String partnerId);

    boolean existsByIdAndPartnerId(long id, String partnerId);

    default Optional<Account> findById(long id, AccountScope scope) {
        return scope.isAll() ? findById(id) : findByIdAndPartnerId(id, scope.partnerId());
    }

    default List<Account> findAllById(Collection<Long> ids, AccountScope scope) {
        return scope.isAll() ? findAllById(ids) : findByIdInAndPartnerId(ids, scope.partnerId());
    }

    default boolean existsById(long id, AccountScope scope) {
        return scope.isAll() ? existsById(id) : existsByIdAndPartnerId(id, scope.partnerId());
    }

}
