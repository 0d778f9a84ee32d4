package dev.erpgraph.orders;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.OrderRef;
import dev.erpgraph.erpfields.ErpFieldLoaders;
import graphql.GraphQLContext;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Opportunity.order}: every order number of a dispatch in one gateway call,
 * each ERP once.
 */
@Component
class OrderByNumberLoader {

    static final String NAME = "orderByNumber";

    private final ErpGateway gateway;

    OrderByNumberLoader(ErpFieldLoaders loaders, ErpGateway gateway) {
        this.gateway = gateway;
        loaders.register(NAME, (Set<OrderRef> keys, GraphQLContext request) -> load(keys));
    }

    List<CompletableFuture<Map<OrderRef, ErpOutcome<SalesOrder>>>> load(Set<OrderRef> keys) {
        return gateway.ordersByNumber(keys).parts();
    }

}
