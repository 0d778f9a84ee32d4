package dev.erpgraph.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import dev.erpgraph.changes.ErpChanges;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.gateway.ErpEviction;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erp.gateway.StockRef;
import io.micrometer.context.ContextSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.stereotype.Component;

/**
 * What {@code Subscription.inventoryChanged} streams: the subscribers of each stock key
 * (system, sku, warehouse), and on every change the ERP reports for some of them one read
 * of all the keys it touched, through the inventory loader's gateway call, whose levels
 * (with their freshness) go to every subscriber of each key. However many subscribers
 * watch a sku, its change costs its ERP one request, not one each.
 * <p>
 * The shared read runs in the context (principal, trace) of one subscriber of the keys it
 * reads, as every connector call runs for some principal; each subscriber was checked for
 * {@code erp:inventory} when it subscribed. A read that fails is logged and sends
 * nothing: the next change sends the next value.
 */
@Component
class InventoryWatch {

    private static final Logger logger = LoggerFactory.getLogger(InventoryWatch.class);

    /** One subscription: where its levels go, and the context its reads run in. */
    private record Watcher(FluxSink<InventoryLevelView> sink, ContextSnapshot context) {
    }

    private final Map<StockRef, Set<Watcher>> watchers = new ConcurrentHashMap<>();

    private final InventoryLoader loader;

    InventoryWatch(InventoryLoader loader, ErpChanges changes) {
        this.loader = loader;
        changes.listen(this::changed);
    }

    /**
     * A level of one of these keys each time its ERP reports a change of its sku; watched
     * from subscription until cancellation.
     */
    Flux<InventoryLevelView> watch(Set<StockRef> refs, ContextSnapshot context) {
        return Flux.create(sink -> {
            Watcher watcher = new Watcher(sink, context);
            refs.forEach(ref -> watchers.compute(ref, (key, present) -> {
                Set<Watcher> set = (present != null) ? present : new CopyOnWriteArraySet<>();
                set.add(watcher);
                return set;
            }));
            sink.onDispose(() -> refs.forEach(ref -> watchers.computeIfPresent(ref, (key, set) -> {
                set.remove(watcher);
                return set.isEmpty() ? null : set;
            })));
        });
    }

    private void changed(ErpEviction eviction) {
        if (eviction.resource() != ErpResource.INVENTORY) {
            return;
        }
        Map<StockRef, Set<Watcher>> touched = new LinkedHashMap<>();
        watchers.forEach((ref, set) -> {
            if (ref.erpSystemId().equals(eviction.erpSystemId())
                    && (eviction.scope() == ErpEviction.Scope.ALL || eviction.keys().contains(ref.sku()))) {
                touched.put(ref, Set.copyOf(set));
            }
        });
        touched.values().removeIf(Set::isEmpty);
        if (touched.isEmpty()) {
            return;
        }
        Watcher reader = touched.values().iterator().next().iterator().next();
        CompletableFuture<Map<StockRef, ErpOutcome<List<StockLevel>>>> read;
        try (ContextSnapshot.Scope scope = reader.context().setThreadLocals()) {
            read = loader.load(touched.keySet());
        }
        read.whenComplete((outcomes, failure) -> {
            if (failure != null) {
                logger.warn("stock of {} not read after a change: {}", touched.keySet(), failure.getMessage());
                return;
            }
            touched.forEach((ref, subscribers) -> send(ref, outcomes.get(ref), subscribers));
        });
    }

    private static void send(StockRef ref, ErpOutcome<List<StockLevel>> outcome, Set<Watcher> subscribers) {
        if (outcome == null || !outcome.isSuccess()) {
            logger.info("stock of {} not read after a change: {}", ref,
                    (outcome != null) ? outcome.failure().getMessage() : "no answer");
            return;
        }
        for (StockLevel level : outcome.value()) {
            InventoryLevelView view = InventoryLevelView.of(level, outcome.freshness());
            subscribers.forEach(subscriber -> subscriber.sink().next(view));
        }
    }

}
