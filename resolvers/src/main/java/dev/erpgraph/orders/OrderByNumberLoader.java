package dev.erpgraph.orders;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.OrderRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Opportunity.order}: every order number of a dispatch in one gateway call,
 * each ERP once.
 */
@Component
class OrderByNumberLoader {

    static final String NAME = "orderByNumber";

    private final ErpGateway gateway;

    OrderByNumberLoader(BatchLoaderRegistry registry, ErpFieldProperties properties, ErpGateway gateway) {
        this.gateway = gateway;
        registry.<OrderRef, ErpOutcome<SalesOrder>>forName(NAME)
            .withOptions(properties::applyTo)
            .registerMappedBatchLoader((keys, environment) -> Mono.fromFuture(() -> load(keys)));
    }

    CompletableFuture<Map<OrderRef, ErpOutcome<SalesOrder>>> load(Set<OrderRef> keys) {
        return gateway.ordersByNumber(keys);
    }

}
