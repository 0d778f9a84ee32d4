package dev.erpgraph.erp.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Calls the ERP for every key, every time: no cache, no breaker. Each call runs on the gateway's executor and
 * is bounded by the system's timeout, so a hanging ERP costs its timeout and no more.
 */
public final class DirectCallPolicy implements ErpCallPolicy {

    private final Executor executor;
    private final Function<String, Duration> timeouts;
    private final MeterRegistry meters;
    private final Clock clock;

    public DirectCallPolicy(Executor executor, Function<String, Duration> timeouts, MeterRegistry meters,
                            Clock clock) {
        this.executor = executor;
        this.timeouts = timeouts;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public <N, V> CompletableFuture<Map<N, ErpOutcome<V>>> read(String erpSystemId, ErpResource resource,
                                                                Object variant, Set<N> keys,
                                                                Function<Set<N>, ErpBatch<N, V>> call) {
        DistributionSummary.builder("erp.batch.size").description("keys per batched connector call")
                .tag("erp", erpSystemId).tag("resource", resource.tag()).register(meters).record(keys.size());
        Duration timeout = timeouts.apply(erpSystemId);
        return CompletableFuture.supplyAsync(() -> call.apply(keys), executor)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((batch, failure) -> failure == null ? answered(erpSystemId, keys, batch, clock.instant())
                        : failedAll(keys, asErpException(erpSystemId, failure, timeout)));
    }

    @Override
    public <T> T write(String erpSystemId, Supplier<T> call) {
        return call.get();
    }

    static <N, V> Map<N, ErpOutcome<V>> answered(String erpSystemId, Set<N> keys, ErpBatch<N, V> batch,
                                                  Instant fetchedAt) {
        Freshness freshness = new Freshness(erpSystemId, fetchedAt, false, false);
        Map<N, ErpOutcome<V>> outcomes = new HashMap<>();
        for (N key : keys) {
            V value = batch.values().get(key);
            ErpException failure = batch.failures().get(key);
            if (value != null) {
                outcomes.put(key, ErpOutcome.of(value, freshness));
            }
            else if (failure != null) {
                outcomes.put(key, ErpOutcome.failed(failure));
            }
            else {
                outcomes.put(key, ErpOutcome.failed(ErpException.notFound(erpSystemId, String.valueOf(key))));
            }
        }
        return outcomes;
    }

    static <N, V> Map<N, ErpOutcome<V>> failedAll(Set<N> keys, ErpException failure) {
        Map<N, ErpOutcome<V>> outcomes = new HashMap<>();
        keys.forEach(key -> outcomes.put(key, ErpOutcome.failed(failure)));
        return outcomes;
    }

    /** Whatever escaped a connector, as the typed failure a client may see. */
    static ErpException asErpException(String erpSystemId, Throwable failure, Duration timeout) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ErpException erp) {
            return erp;
        }
        if (cause instanceof TimeoutException) {
            return new ErpException(ErpException.Kind.TIMEOUT, erpSystemId,
                    "no answer within " + timeout.toMillis() + " ms", cause);
        }
        // A connector that throws anything else choked on what the ERP sent (or has a bug): never a 500.
        return ErpException.badResponse(erpSystemId, "connector failed: " + cause.getClass().getSimpleName(), cause);
    }
}
