package dev.erpgraph.orders;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpsystems.AccountErpLinks;
import dev.erpgraph.erpsystems.PerAccountReads;
import dev.erpgraph.inventory.RequestStockReads;
import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Account.orders} for every account of a dispatch, as
 * {@link PerAccountReads} reads every per-account ERP field: one SQL statement for their
 * ERP links, then one gateway call per distinct argument set, which asks each ERP once
 * for all its customers.
 */
@Component
class AccountOrdersLoader {

    /**
     * Also the name of the controller method's {@code DataLoader} parameter: Spring for
     * GraphQL finds the loader by it.
     */
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
        // Whether the lines' stock rides along is not an argument of its own: fields that
        // differ only in it are one read, with the stock if any of them asks for it.
        Set<OrderQuery> withStock = keys.stream()
            .map(AccountOrdersKey::query)
            .filter(OrderQuery::withLineStock)
            .map(OrderQuery::withoutEmbedding)
            .collect(Collectors.toSet());
        return PerAccountReads.load(keys, AccountOrdersKey::accountId,
                key -> key.query().withLineStock(withStock.contains(key.query().withoutEmbedding())), links, request,
                (refs, query) -> gateway.orders(refs, query, RequestStockReads.of(request)::add));
    }

}
