package dev.erpgraph.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpfields.LoaderRegistration;
import dev.erpgraph.erpsystems.AccountErpLinks;
import graphql.GraphQLContext;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Account.orders} for every account of a dispatch: one SQL statement for their ERP links, then one
 * gateway call per distinct argument set, which asks each ERP once for all its customers. Each key answers one
 * outcome per ERP link of the account, so one ERP down leaves the other ERPs' orders in place.
 */
@Component
class AccountOrdersLoader {

    static final String NAME = "accountOrders";

    private final AccountErpLinks links;
    private final ErpGateway gateway;

    AccountOrdersLoader(BatchLoaderRegistry registry, AccountErpLinks links, ErpGateway gateway,
                        ErpFieldProperties properties) {
        this.links = links;
        this.gateway = gateway;
        LoaderRegistration.register(registry, NAME, properties, this::load);
    }

    CompletableFuture<Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>>> load(Set<AccountOrdersKey> keys,
                                                                               GraphQLContext request) {
        Map<Long, List<CustomerRef>> refsByAccount =
                links.of(keys.stream().map(AccountOrdersKey::accountId).distinct().toList(), request);
        Map<OrderQuery, List<AccountOrdersKey>> byQuery = new LinkedHashMap<>();
        keys.forEach(key -> byQuery.computeIfAbsent(key.query(), query -> new ArrayList<>()).add(key));

        List<CompletableFuture<Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>>>> parts = new ArrayList<>();
        byQuery.forEach((query, queryKeys) -> {
            Set<CustomerRef> refs = new HashSet<>();
            queryKeys.forEach(key -> refs.addAll(refsByAccount.get(key.accountId())));
            CompletableFuture<Map<CustomerRef, ErpOutcome<List<SalesOrder>>>> fetched = refs.isEmpty()
                    ? CompletableFuture.completedFuture(Map.of()) : gateway.orders(refs, query);
            parts.add(fetched.thenApply(outcomes -> {
                Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> result = new HashMap<>();
                for (AccountOrdersKey key : queryKeys) {
                    result.put(key, refsByAccount.get(key.accountId()).stream().map(outcomes::get).toList());
                }
                return result;
            }));
        });
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> all = new HashMap<>();
            parts.forEach(part -> all.putAll(part.join()));
            return all;
        });
    }
}
