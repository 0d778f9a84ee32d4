package dev.erpgraph.erp.sxe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.ConnectorThreads;
import dev.erpgraph.erp.http.RequestFanOut;

/**
 * Runs one SX.API call per key in parallel, never more than {@code maxConcurrency} at
 * once for the whole connector. SX.API reads most things one customer, one order or one
 * product per call, so a batch of keys becomes a fan-out; an unbounded one would hammer
 * the ERP (and ION's throttling) with a request per key at once. The bound is a
 * fixed-size pool per connector, shared by every batch running through it, so two
 * concurrent batches together still stay under it.
 *
 * <p>
 * Callers fan out in flat phases (all list calls, then all detail calls) and never from
 * inside a task, so a task never waits for another task of the same pool.
 *
 * <p>
 * Not a {@link RequestFanOut}, which the other connectors use for their length-limit
 * chunks: there one failing request fails the call and the bound is per call (the caller
 * sends too), while here every key keeps its own outcome and the bound holds for all
 * batches together, because a batch of SX.API calls is as many requests as keys, not a
 * few chunks.
 */
final class SxeFanOut {

    /** One key's outcome: its value, or the failure of its call. */
    record Outcome<V>(V value, ErpException failure) {
        boolean failed() {
            return failure != null;
        }
    }

    private final String erpSystemId;

    private final ExecutorService pool;

    SxeFanOut(String erpSystemId, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException(erpSystemId + ": maxConcurrency must be positive");
        }
        this.erpSystemId = erpSystemId;
        // Idle connectors hold no threads: the pool shrinks to zero between batches.
        this.pool = ConnectorThreads.pool("sxe-" + erpSystemId, maxConcurrency);
    }

    /**
     * Calls {@code call} for every key, at most the bound at once; answers each key's
     * outcome in key order.
     */
    <K, V> Map<K, Outcome<V>> each(Collection<K> keys, Function<K, V> call) {
        Map<K, Future<V>> futures = new LinkedHashMap<>();
        for (K key : keys) {
            futures.put(key, pool.submit(() -> call.apply(key)));
        }
        Map<K, Outcome<V>> outcomes = new LinkedHashMap<>();
        List<Future<V>> pending = new ArrayList<>(futures.values());
        try {
            for (Map.Entry<K, Future<V>> entry : futures.entrySet()) {
                outcomes.put(entry.getKey(), outcome(entry.getValue()));
                pending.remove(entry.getValue());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            pending.forEach(future -> future.cancel(true));
            throw new ErpException(ErpException.Kind.TIMEOUT, erpSystemId, "interrupted while waiting for SX.API", ex);
        }
        return outcomes;
    }

    /** Stops the pool's threads, interrupting calls still running. */
    void close() {
        pool.shutdownNow();
    }

    private <V> Outcome<V> outcome(Future<V> future) throws InterruptedException {
        try {
            return new Outcome<>(future.get(), null);
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof ErpException erp) {
                return new Outcome<>(null, erp);
            }
            // A field we could not read (a date, a number, a missing table) is SX.API
            // answering what we cannot use.
            return new Outcome<>(null,
                    ErpException.badResponse(erpSystemId, "unreadable SX.API answer: " + cause, cause));
        }
    }

    /** Each key's outcome as a value or a failure of that key. */
    static <K, V> ErpBatch<K, V> collect(Map<K, Outcome<V>> outcomes) {
        ErpBatch.Builder<K, V> batch = new ErpBatch.Builder<>();
        outcomes.forEach((key, outcome) -> {
            if (outcome.failed()) {
                batch.failure(key, outcome.failure());
            }
            else {
                batch.value(key, outcome.value());
            }
        });
        return batch.build();
    }

    /**
     * Throws when every key failed for a reason that is not about the key (the ERP down,
     * rate limiting, garbage answers): that is the whole call failing, and the gateway's
     * breaker should see it as such.
     */
    static <K, V> ErpBatch<K, V> failWhole(ErpBatch<K, V> batch) {
        if (!batch.values().isEmpty() || batch.failures().isEmpty()) {
            return batch;
        }
        Optional<ErpException> systemic = batch.failures()
            .values()
            .stream()
            .filter(failure -> failure.kind() != ErpException.Kind.NOT_FOUND
                    && failure.kind() != ErpException.Kind.REJECTED)
            .findFirst();
        if (systemic.isPresent()
                && batch.failures().values().stream().allMatch(failure -> failure.kind() == systemic.get().kind())) {
            throw systemic.get();
        }
        return batch;
    }

}
