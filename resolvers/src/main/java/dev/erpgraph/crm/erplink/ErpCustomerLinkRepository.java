package dev.erpgraph.crm.erplink;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** ERP customer links; {@code save} writes one. */
public interface ErpCustomerLinkRepository extends ListCrudRepository<ErpCustomerLink, Long> {

    /** The links of many accounts in one statement, for a batch of {@code Account.erpLinks}. */
    List<ErpCustomerLink> findByAccountIdIn(Collection<Long> accountIds);

    /** The account an ERP customer belongs to, if any (e.g. for an ERP event about that customer). */
    Optional<ErpCustomerLink> findByErpSystemIdAndCustomerNumber(String erpSystemId, String customerNumber);
}
