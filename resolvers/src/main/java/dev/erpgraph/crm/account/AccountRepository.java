package dev.erpgraph.crm.account;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Accounts by id, and their writes (with optimistic locking on
 * {@link Account#version()}). Filtered pages are read by {@link AccountPages}, whose
 * criteria derived queries cannot express.
 */
public interface AccountRepository extends ListCrudRepository<Account, Long> {

}
