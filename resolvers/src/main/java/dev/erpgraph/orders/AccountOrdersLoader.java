package dev.erpgraph.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.ErpReplies;
import dev.erpgraph.erpfields.ErpFieldLoaders;
import dev.erpgraph.erpsystems.AccountErpLinks;
import graphql.GraphQLContext;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Account.orders} for every account of a dispatch: one SQL statement for
 * their ERP links, then one gateway call per distinct argument set, which asks each ERP
 * once for all its customers. Each key answers one outcome per ERP link of the account,
 * so one ERP down leaves the other ERPs' orders in place; and each key resolves as soon
 * as the ERPs of its own links have answered, so the accounts of a fast ERP can go on to
 * their lines' stock while a slow ERP is still reading its orders.
 */
@Component
class AccountOrdersLoader {

    static final String NAME = "accountOrders";

    private final AccountErpLinks links;

    private final ErpGateway gateway;

    AccountOrdersLoader(ErpFieldLoaders loaders, AccountErpLinks links, ErpGateway gateway) {
        this.links = links;
        this.gateway = gateway;
        loaders.register(NAME, this::load);
    }

    List<CompletableFuture<Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>>>> load(Set<AccountOrdersKey> keys,
            GraphQLContext request) {
        Map<Long, List<CustomerRef>> refsByAccount = links
            .of(keys.stream().map(AccountOrdersKey::accountId).distinct().toList(), request);
        Map<OrderQuery, List<AccountOrdersKey>> byQuery = new LinkedHashMap<>();
        keys.forEach(key -> byQuery.computeIfAbsent(key.query(), query -> new ArrayList<>()).add(key));

        List<CompletableFuture<Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>>>> parts = new ArrayList<>();
        byQuery.forEach((query, queryKeys) -> {
            Set<CustomerRef> refs = new HashSet<>();
            queryKeys.forEach(key -> refs.addAll(refsByAccount.get(key.accountId())));
            ErpReplies<CustomerRef, List<SalesOrder>> replies = refs.isEmpty() ? new ErpReplies<>(Map.of())
                    : gateway.orders(refs, query);
            // An account linked to two ERPs waits for both; every other account waits for
            // its own ERP only.
            Map<Set<String>, List<AccountOrdersKey>> bySystems = new HashMap<>();
            queryKeys.forEach(
                    key -> bySystems
                        .computeIfAbsent(refsByAccount.get(key.accountId())
                            .stream()
                            .map(CustomerRef::erpSystemId)
                            .collect(Collectors.toSet()), systems -> new ArrayList<>())
                        .add(key));
            bySystems.forEach((systems,
                    systemsKeys) -> parts.add(CompletableFuture
                        .allOf(systems.stream().map(replies::part).toArray(CompletableFuture[]::new))
                        .thenApply(done -> {
                            Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> answered = new HashMap<>();
                            for (AccountOrdersKey key : systemsKeys) {
                                answered.put(key,
                                        refsByAccount.get(key.accountId())
                                            .stream()
                                            .map(ref -> replies.part(ref.erpSystemId()).join().get(ref))
                                            .toList());
                            }
                            return answered;
                        })));
        });
        return parts;
    }

}
