package dev.erpgraph.erpsystems;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.erpgraph.crm.erplink.ErpCustomerLink;
import dev.erpgraph.crm.erplink.ErpCustomerLinkRepository;
import dev.erpgraph.erp.gateway.CustomerRef;
import graphql.GraphQLContext;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which ERP customers a batch of accounts are, in one SQL statement: the first step of
 * every account-keyed ERP loader, so a page of 100 accounts costs one query here, not
 * 100. Within one GraphQL request the answer is read once: orders, credit and price are
 * dispatched together for the same accounts, and the second and third loader would
 * otherwise repeat the first one's statement while the ERP requests wait behind it.
 */
@Component
public class AccountErpLinks {

    private static final String READ_IN_REQUEST = AccountErpLinks.class.getName() + ".readInRequest";

    private final ErpCustomerLinkRepository links;

    private final NamedParameterJdbcTemplate jdbc;

    AccountErpLinks(ErpCustomerLinkRepository links, NamedParameterJdbcTemplate jdbc) {
        this.links = links;
        this.jdbc = jdbc;
    }

    /**
     * {@link #of(Collection)}, read at most once per account in one request:
     * {@code request} is the request's GraphQL context, which holds what was read until
     * the request ends or {@link #forget} drops it.
     */
    public Map<Long, List<CustomerRef>> of(Collection<Long> accountIds, GraphQLContext request) {
        Map<Long, List<CustomerRef>> read = request.computeIfAbsent(READ_IN_REQUEST,
                key -> new ConcurrentHashMap<Long, List<CustomerRef>>());
        List<Long> unread = accountIds.stream().filter(id -> !read.containsKey(id)).distinct().toList();
        if (!unread.isEmpty()) {
            read.putAll(of(unread));
        }
        Map<Long, List<CustomerRef>> byAccount = new LinkedHashMap<>();
        accountIds.forEach(id -> byAccount.put(id, read.get(id)));
        return byAccount;
    }

    /**
     * Drops what this request has read: a mutation that changed links calls it before its
     * payload resolves.
     */
    public void forget(GraphQLContext request) {
        request.delete(READ_IN_REQUEST);
    }

    /**
     * Each account's ERP customers, oldest link first; accounts without a link map to an
     * empty list.
     */
    public Map<Long, List<CustomerRef>> of(Collection<Long> accountIds) {
        Map<Long, List<CustomerRef>> byAccount = new LinkedHashMap<>();
        accountIds.forEach(id -> byAccount.put(id, new ArrayList<>()));
        for (ErpCustomerLink link : links.findByAccountIdIn(accountIds)) {
            byAccount.get(link.accountId()).add(new CustomerRef(link.erpSystemId(), link.customerNumber()));
        }
        byAccount.replaceAll((id, refs) -> List.copyOf(refs));
        return byAccount;
    }

    /**
     * The ERP customers of each opportunity's account, oldest link first, in one
     * statement.
     */
    public Map<Long, List<CustomerRef>> ofOpportunities(Collection<Long> opportunityIds) {
        Map<Long, List<CustomerRef>> byOpportunity = new LinkedHashMap<>();
        opportunityIds.forEach(id -> byOpportunity.put(id, new ArrayList<>()));
        jdbc.query("select o.id, l.erp_system_id, l.customer_number from opportunities o"
                + " join erp_customer_links l on l.account_id = o.account_id" + " where o.id in (:ids) order by l.id",
                Map.of("ids", opportunityIds), (RowCallbackHandler) row -> byOpportunity.get(row.getLong("id"))
                    .add(new CustomerRef(row.getString("erp_system_id"), row.getString("customer_number"))));
        return byOpportunity;
    }

}
