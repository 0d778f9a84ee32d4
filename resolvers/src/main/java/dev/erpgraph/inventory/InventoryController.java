package dev.erpgraph.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.changes.ActiveSubscriptions;
import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erp.gateway.StockRef;
import dev.erpgraph.erpfields.ErpFieldError;
import dev.erpgraph.orders.OrderLineView;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.context.ContextSnapshotFactory;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * Live stock: {@code Query.inventory} while quoting, {@code OrderLine.inventory} on an
 * order, and {@code Subscription.inventoryChanged} for a quote left open.
 */
@Controller
class InventoryController {

    static final int MAX_SKUS = 100;

    private static final int MAX_TEXT = 100;

    static final String CHANGED = "inventoryChanged";

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final ErpSystems systems;

    private final InventoryWatch watch;

    private final ActiveSubscriptions subscriptions;

    InventoryController(ErpGateway gateway, InventoryWatch watch, ActiveSubscriptions subscriptions) {
        this.systems = gateway.systems();
        this.watch = watch;
        this.subscriptions = subscriptions;
    }

    @QueryMapping
    CompletableFuture<DataFetcherResult<List<InventoryLevelView>>> inventory(@Argument List<String> skus,
            @Argument String erpSystemId, @Argument String warehouse, DataFetchingEnvironment environment) {
        return InventoryLoader.loadMany(environment, refs(skus, erpSystemId, warehouse))
            .thenApply(outcomes -> levels(outcomes, environment));
    }

    /**
     * The same keys as {@code inventory}, and the same limit: a subscription holds its
     * keys for as long as it is open, and each key's change is a read.
     */
    @SubscriptionMapping
    Flux<InventoryLevelView> inventoryChanged(@Argument List<String> skus, @Argument String erpSystemId,
            @Argument String warehouse) {
        Set<StockRef> refs = Set.copyOf(refs(skus, erpSystemId, warehouse));
        return subscriptions.counted(CHANGED, watch.watch(refs, SNAPSHOTS.captureAll()));
    }

    private List<StockRef> refs(List<String> skus, String erpSystemId, String warehouse) {
        if (skus.isEmpty() || skus.size() > MAX_SKUS) {
            throw new InvalidInputException("skus", "Give 1 to " + MAX_SKUS + " SKUs.");
        }
        for (int i = 0; i < skus.size(); i++) {
            requireText(skus.get(i), "skus[" + i + "]");
        }
        if (warehouse != null) {
            requireText(warehouse, "warehouse");
        }
        List<String> systemIds;
        if (erpSystemId == null) {
            systemIds = systems.all().stream().map(ErpSystems.ErpSystem::id).toList();
        }
        else if (systems.find(erpSystemId).isPresent()) {
            systemIds = List.of(erpSystemId);
        }
        else {
            throw new InvalidInputException("erpSystemId", "No ERP system '" + erpSystemId + "' is configured.");
        }
        List<StockRef> refs = new ArrayList<>();
        systemIds
            .forEach(system -> skus.stream().distinct().forEach(sku -> refs.add(new StockRef(system, sku, warehouse))));
        return refs;
    }

    @SchemaMapping(typeName = "OrderLine")
    CompletableFuture<DataFetcherResult<List<InventoryLevelView>>> inventory(OrderLineView line,
            @Argument String warehouse, DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> inventory,
            DataFetchingEnvironment environment) {
        return InventoryLoader.load(inventory, new StockRef(line.erpSystemId(), line.sku(), warehouse))
            .thenApply(outcome -> levels(List.of(outcome), environment));
    }

    /**
     * Every level that came back; one error per ERP system that failed, not one per sku.
     */
    private static DataFetcherResult<List<InventoryLevelView>> levels(List<ErpOutcome<List<StockLevel>>> outcomes,
            DataFetchingEnvironment environment) {
        List<InventoryLevelView> levels = new ArrayList<>();
        Map<String, ErpException> failures = new LinkedHashMap<>();
        for (ErpOutcome<List<StockLevel>> outcome : outcomes) {
            if (outcome.isSuccess()) {
                outcome.value().forEach(level -> levels.add(InventoryLevelView.of(level, outcome.freshness())));
            }
            else if (outcome.failure().kind() != ErpException.Kind.NOT_FOUND) {
                // An item an ERP does not carry is simply not in stock there; anything
                // else is worth telling.
                failures.putIfAbsent(outcome.failure().erpSystemId(), outcome.failure());
            }
        }
        List<GraphQLError> errors = failures.values()
            .stream()
            .map(failure -> ErpFieldError.of(failure, environment))
            .toList();
        return DataFetcherResult.<List<InventoryLevelView>>newResult().data(levels).errors(errors).build();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "Must be 1 to " + MAX_TEXT + " characters.");
        }
    }

}
