package dev.erpgraph.crm.erplink;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** ERP customer links; {@code save} writes one. */
public interface ErpCustomerLinkRepository extends ListCrudRepository<ErpCustomerLink, Long> {

    /**
     * The links of many accounts in one statement, oldest first, for a batch of
     * {@code Account.erpLinks} and the first step of every ERP read. A fixed statement: a
     * derived query rebuilds its SQL on every call, which cost more than the statement
     * itself on the path to the first ERP request.
     */
    @Query("select * from erp_customer_links where account_id in (:accountIds) order by id")
    List<ErpCustomerLink> findByAccountIdIn(Collection<Long> accountIds);

    /**
     * The account an ERP customer belongs to, if any (e.g. for an ERP event about that
     * customer).
     */
    Optional<ErpCustomerLink> findByErpSystemIdAndCustomerNumber(String erpSystemId, String customerNumber);

}
