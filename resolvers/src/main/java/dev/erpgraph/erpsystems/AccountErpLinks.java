package dev.erpgraph.erpsystems;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.erpgraph.crm.erplink.ErpCustomerLink;
import dev.erpgraph.crm.erplink.ErpCustomerLinkRepository;
import dev.erpgraph.erp.gateway.CustomerRef;
import org.springframework.stereotype.Component;

/**
 * Which ERP customers a batch of accounts are, in one SQL statement: the first step of every account-keyed ERP
 * loader, so a page of 100 accounts costs one query here, not 100.
 */
@Component
public class AccountErpLinks {

    private final ErpCustomerLinkRepository links;

    AccountErpLinks(ErpCustomerLinkRepository links) {
        this.links = links;
    }

    /** Each account's ERP customers, oldest link first; accounts without a link map to an empty list. */
    public Map<Long, List<CustomerRef>> of(Collection<Long> accountIds) {
        Map<Long, List<CustomerRef>> byAccount = new LinkedHashMap<>();
        accountIds.forEach(id -> byAccount.put(id, new java.util.ArrayList<>()));
        for (ErpCustomerLink link : links.findByAccountIdIn(accountIds)) {
            byAccount.get(link.accountId()).add(new CustomerRef(link.erpSystemId(), link.customerNumber()));
        }
        return byAccount;
    }
}
