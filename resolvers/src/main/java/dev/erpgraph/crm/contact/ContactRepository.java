package dev.erpgraph.crm.contact;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Contacts by id, and their writes. Per-account pages are read by
 * {@link ContactPagesLoader}.
 */
public interface ContactRepository extends ListCrudRepository<Contact, Long> {

}
