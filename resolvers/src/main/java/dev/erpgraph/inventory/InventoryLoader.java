package dev.erpgraph.inventory;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.StockRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads stock for {@code OrderLine.inventory} and {@code Query.inventory}: every sku of a
 * dispatch in one gateway call, which asks each ERP once (all warehouses at once when the
 * keys name different ones), except what the request's orders already started reading
 * ({@link RequestStockReads}).
 * <p>
 * Its values are futures, each completing when its own ERP has answered: a DataLoader
 * completes a batch's keys together, which made a page complete every ERP's stock levels
 * after the slowest ERP's answer, one after the other on one thread. Answered per ERP,
 * the stock levels of an ERP that answered first are completed while the others are on
 * their way, or beside them on another core. Measured with {@code ReadPlanPages} (timing
 * probes, one run each): the three-ERP page's work after its last ERP answer went from
 * 19-23 ms to 15 ms; with the stock read started per ERP in {@code ErpGateway.orders},
 * the page's median went from 291-302 ms to 274-282 ms (three interleaved runs each).
 */
@Component
class InventoryLoader {

    /**
     * Also the name of the controller method's {@code DataLoader} parameter: Spring for
     * GraphQL finds the loader by it.
     */
    static final String NAME = "inventory";

    private final ErpGateway gateway;

    InventoryLoader(BatchLoaderRegistry registry, ErpFieldProperties properties, ErpGateway gateway) {
        this.gateway = gateway;
        registry.<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>>forName(NAME)
            .withOptions(properties::applyTo)
            .registerMappedBatchLoader(
                    (keys, environment) -> Mono.fromSupplier(() -> load(keys, environment.getContext())));
    }

    /**
     * Each key's stock: from the read its request already started (see
     * {@link RequestStockReads}), or else one gateway call for all the others.
     */
    Map<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> load(Set<StockRef> keys, GraphQLContext request) {
        Map<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> answers = new HashMap<>();
        Set<StockRef> unread = new LinkedHashSet<>();
        RequestStockReads started = RequestStockReads.of(request);
        for (StockRef key : keys) {
            CompletableFuture<ErpOutcome<List<StockLevel>>> read = started.find(key);
            if (read != null) {
                answers.put(key, read);
            }
            else {
                unread.add(key);
            }
        }
        if (!unread.isEmpty()) {
            answers.putAll(gateway.stockAsAnswered(unread));
        }
        return answers;
    }

    /** Every key's stock, once every ERP has answered (outside a request). */
    CompletableFuture<Map<StockRef, ErpOutcome<List<StockLevel>>>> load(Set<StockRef> keys) {
        return gateway.stock(keys);
    }

    /** The stock of one key, once its ERP has answered. */
    static CompletableFuture<ErpOutcome<List<StockLevel>>> load(
            DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader, StockRef key) {
        return loader.load(key).thenCompose(Function.identity());
    }

    /** The stock of each key, once every key's ERP has answered. */
    static CompletableFuture<List<ErpOutcome<List<StockLevel>>>> loadMany(DataFetchingEnvironment environment,
            List<StockRef> keys) {
        DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader = environment.getDataLoader(NAME);
        return loader.loadMany(keys)
            .thenCompose(answers -> CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> answers.stream().map(CompletableFuture::join).toList()));
    }

}
