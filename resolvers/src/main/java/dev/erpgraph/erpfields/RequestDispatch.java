package dev.erpgraph.erpfields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.dataloader.instrumentation.DataLoaderInstrumentationContext;
import org.dataloader.instrumentation.DataLoaderInstrumentationHelper;

/**
 * One request's pipelining of ERP fields: when one ERP's part of a batch completes its
 * keys, the loads graphql-java then makes for them (the lines' stock of that ERP's
 * orders) are dispatched at once, instead of waiting for the slowest ERP of the batch. A
 * request's total is then the slowest ERP's own chain of round trips, not the sum of
 * every level's slowest ERP. graphql-java goes on with a list once all its items' fields
 * are in, so this pays per list: a page with one list per ERP (an account 360 under
 * aliases) asks each ERP for its lines' stock as soon as that ERP's list is in; one list
 * that mixes the customers of several ERPs still waits for the slowest.
 * <p>
 * Parts complete one at a time per request, so a dispatch never takes the keys another
 * part is still queueing: each ERP's stock is still one call for all its lines.
 */
final class RequestDispatch implements DataLoaderInstrumentation {

    /**
     * The ERP-field loaders loaded by the part this thread is completing; null when it
     * completes none.
     */
    private static final ThreadLocal<Set<DataLoader<?, ?>>> LOADED_BY_PART = new ThreadLocal<>();

    private final Object partLock = new Object();

    @Override
    public DataLoaderInstrumentationContext<Object> beginLoad(DataLoader<?, ?> dataLoader, Object key,
            Object loadContext) {
        Set<DataLoader<?, ?>> loaded = LOADED_BY_PART.get();
        if (loaded != null) {
            loaded.add(dataLoader);
        }
        return DataLoaderInstrumentationHelper.noOpCtx();
    }

    /**
     * Completes one part's keys and dispatches the ERP-field loads they made.
     * @return complete when the batches so dispatched have finished (whatever their
     * outcome)
     */
    CompletableFuture<Void> complete(Runnable completeKeys) {
        Set<DataLoader<?, ?>> loaded = Collections.newSetFromMap(new IdentityHashMap<>());
        List<CompletableFuture<?>> dispatched = new ArrayList<>();
        synchronized (partLock) {
            Set<DataLoader<?, ?>> enclosing = LOADED_BY_PART.get();
            LOADED_BY_PART.set(loaded);
            try {
                completeKeys.run();
            }
            finally {
                LOADED_BY_PART.set(enclosing);
            }
            loaded.forEach(loader -> dispatched.add(loader.dispatch()));
        }
        return CompletableFuture.allOf(dispatched.toArray(CompletableFuture[]::new)).handle((done, failure) -> null);
    }

}
