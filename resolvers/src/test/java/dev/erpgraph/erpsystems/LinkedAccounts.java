package dev.erpgraph.erpsystems;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.erpgraph.crm.erplink.ErpCustomerLink;
import dev.erpgraph.crm.erplink.ErpCustomerLinkRepository;
import dev.erpgraph.erp.gateway.CustomerRef;

/**
 * Accounts and their ERP customers in memory, read through the real
 * {@link AccountErpLinks} (only account-keyed reads: opportunity-keyed ones need SQL),
 * for the loaders' unit tests.
 */
public final class LinkedAccounts {

    private final Map<Long, List<CustomerRef>> links = new LinkedHashMap<>();

    private final AtomicLong statements = new AtomicLong();

    /** Links the account to these ERP customers, in this order. */
    public LinkedAccounts link(long accountId, CustomerRef... customers) {
        links.computeIfAbsent(accountId, id -> new ArrayList<>()).addAll(List.of(customers));
        return this;
    }

    /** How many link statements the accounts' reads have cost. */
    public long statements() {
        return statements.get();
    }

    public AccountErpLinks links() {
        ErpCustomerLinkRepository repository = (ErpCustomerLinkRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { ErpCustomerLinkRepository.class },
                (proxy, method, args) -> {
                    if (!method.getName().equals("findByAccountIdIn")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    statements.incrementAndGet();
                    List<ErpCustomerLink> found = new ArrayList<>();
                    for (Object accountId : (Collection<?>) args[0]) {
                        links.getOrDefault((Long) accountId, List.of())
                            .forEach(ref -> found.add(new ErpCustomerLink(null, (Long) accountId, ref.erpSystemId(),
                                    ref.customerNumber())));
                    }
                    return found;
                });
        return new AccountErpLinks(repository, null);
    }

}
