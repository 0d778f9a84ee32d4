package dev.erpgraph.crm.erplink;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.erpgraph.access.AccountScope;

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

    @Query("select * from erp_customer_links where customer_number in (:customerNumbers)")
    List<ErpCustomerLink> findByCustomerNumberIn(Collection<String> customerNumbers);

    @Query("select l.* from erp_customer_links l join accounts a on a.id = l.account_id"
            + " where l.customer_number in (:customerNumbers) and a.partner_id = :partnerId")
    List<ErpCustomerLink> findByCustomerNumberInOfPartner(Collection<String> customerNumbers, String partnerId);

    /**
     * The links of these customer numbers (in any ERP: the caller picks its ERP's) to
     * accounts in the scope, in one statement: which account a batch of ERP records
     * belongs to, and whether the caller may see it.
     */
    default List<ErpCustomerLink> findByCustomerNumberIn(Collection<String> customerNumbers, AccountScope scope) {
        return scope.isAll() ? findByCustomerNumberIn(customerNumbers)
                : findByCustomerNumberInOfPartner(customerNumbers, scope.partnerId());
    }

}
