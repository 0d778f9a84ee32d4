package dev.erpgraph.erp.gateway;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.erpgraph.erp.ErpBatch;

/**
 * How the gateway calls one ERP system: the place for the cache, bulkhead, rate limiter,
 * timeout and circuit breaker, so that the gateway's routing stays free of them.
 */
public interface ErpCallPolicy {

    /**
     * Answers every key of one system's batch. {@code call} is invoked at most once, with
     * the keys that must really be read from the ERP (all of them, or the cache's
     * misses), off the caller's thread.
     * @param variant what besides the key the answer depends on (part of a cache key)
     */
    <N, V> CompletableFuture<Map<N, ErpOutcome<V>>> read(String erpSystemId, ErpResource resource, Object variant,
            Set<N> keys, Function<Set<N>, ErpBatch<N, V>> call);

    /**
     * Keeps values of one resource that came embedded in another resource's answer (see
     * {@code ErpConnector} on embedding) as if they had just been read on their own: the
     * same cache, key, variant, TTL and freshness. A policy without a cache keeps
     * nothing.
     */
    default void store(String erpSystemId, ErpResource resource, Object variant, Map<?, ?> values) {
    }

    /**
     * Runs a write (never cached, never retried); its {@code ErpException} reaches the
     * caller.
     */
    <T> T write(String erpSystemId, Supplier<T> call);

    /**
     * Runs a live read of one system on the caller's thread: never cached, guarded and
     * retried as reads are; its {@code ErpException} reaches the caller.
     */
    <T> T readLive(String erpSystemId, Supplier<T> call);

    /** Drops the cached values an ERP change made wrong (on this replica). */
    void evict(ErpEviction eviction);

    /** The system's health as its circuit breaker sees it. */
    ErpHealth health(String erpSystemId);

}
