package dev.erpgraph.changes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.erpgraph.erp.gateway.ErpEviction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The change feed subscriptions watch: every eviction an ERP's change event applied to
 * this replica's gateway cache, whether the event reached this replica ({@code POST
 * /erp-events/{id}}) or another one (its eviction arrives by the cluster channel). What
 * an ERP says changed is what the cache drops, so one feed serves both, and a
 * subscriber's new value is read exactly as a query would read it after the event.
 * <p>
 * Listeners run on the thread that applied the eviction (a webhook's request, the cluster
 * listener): they must hand real work off, as the watches do with their asynchronous
 * reads. A listener that fails is logged and the others still hear the change.
 */
@Component
public class ErpChanges {

    private static final Logger logger = LoggerFactory.getLogger(ErpChanges.class);

    private final List<Consumer<ErpEviction>> listeners = new CopyOnWriteArrayList<>();

    /** Tells every listener that these evictions were applied here. */
    public void applied(List<ErpEviction> evictions) {
        for (ErpEviction eviction : evictions) {
            for (Consumer<ErpEviction> listener : listeners) {
                try {
                    listener.accept(eviction);
                }
                catch (RuntimeException ex) {
                    logger.warn("a subscription watch failed on {}: {}", eviction, ex.getMessage(), ex);
                }
            }
        }
    }

    /** Registers a watch for the application's lifetime. */
    public void listen(Consumer<ErpEviction> listener) {
        listeners.add(listener);
    }

}
