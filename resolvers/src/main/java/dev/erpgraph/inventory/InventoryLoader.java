package dev.erpgraph.inventory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.StockRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads stock for {@code OrderLine.inventory} and {@code Query.inventory}: every sku of a
 * dispatch in one gateway call, which asks each ERP once (all warehouses at once when the
 * keys name different ones).
 */
@Component
class InventoryLoader {

    static final String NAME = "inventory";

    private final ErpGateway gateway;

    InventoryLoader(BatchLoaderRegistry registry, ErpFieldProperties properties, ErpGateway gateway) {
        this.gateway = gateway;
        registry.<StockRef, ErpOutcome<List<StockLevel>>>forName(NAME)
            .withOptions(properties::applyTo)
            .registerMappedBatchLoader((keys, environment) -> Mono.fromFuture(() -> load(keys)));
    }

    CompletableFuture<Map<StockRef, ErpOutcome<List<StockLevel>>>> load(Set<StockRef> keys) {
        return gateway.stock(keys);
    }

}
