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
import dev.erpgraph.erpsystems.AccountErpLinks;
import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Account.orders} for every account of a dispatch: one SQL statement for
 * their ERP links (read once per request, see {@link AccountErpLinks}), then one gateway
 * call per distinct argument set, which asks each ERP once for all its customers. Each
 * key answers one outcome per ERP link of the account, so one ERP down leaves the other
 * ERPs' orders in place.
 */
@Component
class AccountOrdersLoader {

    static final String NAME = "accountOrders";

    private final AccountErpLinks links;

    private final ErpGateway gateway;

    AccountOrdersLoader(BatchLoaderRegistry registry, ErpFieldProperties properties, AccountErpLinks links,
            ErpGateway gateway) {
        this.links = links;
        this.gateway = gateway;
        registry.<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>>forName(NAME)
            .withOptions(properties::applyTo)
            .registerMappedBatchLoader(
                    (keys, environment) -> Mono.fromFuture(() -> load(keys, environment.getContext())));
    }

    /**
     * @param request the request's GraphQL context, which holds the ERP links the request
     * has already read
     */
    CompletableFuture<Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>>> load(Set<AccountOrdersKey> keys,
            GraphQLContext request) {
        Map<Long, List<CustomerRef>> refsByAccount = links
            .of(keys.stream().map(AccountOrdersKey::accountId).distinct().toList(), request);
        Map<OrderQuery, List<AccountOrdersKey>> byQuery = new LinkedHashMap<>();
        keys.forEach(key -> byQuery.computeIfAbsent(key.query(), query -> new ArrayList<>()).add(key));

        List<CompletableFuture<Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>>>> answers = new ArrayList<>();
        byQuery.forEach((query, queryKeys) -> {
            Set<CustomerRef> refs = new HashSet<>();
            queryKeys.forEach(key -> refs.addAll(refsByAccount.get(key.accountId())));
            CompletableFuture<Map<CustomerRef, ErpOutcome<List<SalesOrder>>>> orders = refs.isEmpty()
                    ? CompletableFuture.completedFuture(Map.of()) : gateway.orders(refs, query);
            answers.add(orders.thenApply(outcomes -> {
                Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> answered = new HashMap<>();
                queryKeys.forEach(key -> answered.put(key,
                        refsByAccount.get(key.accountId()).stream().map(outcomes::get).toList()));
                return answered;
            }));
        });
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> all = new HashMap<>();
            answers.forEach(answer -> all.putAll(answer.join()));
            return all;
        });
    }

}
