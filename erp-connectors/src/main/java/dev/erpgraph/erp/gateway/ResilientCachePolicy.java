package dev.erpgraph.erp.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's call policy: the cache first, then only the misses, in one call, through
 * the system's {@link ErpGuard}; a miss that another read is already fetching (another
 * request's page of the same customers or items) joins that read instead of asking the
 * ERP again. When that call fails (ERP down, timeout, open circuit, garbage), each missed
 * key that still has a value younger than TTL + max-stale gets it back flagged
 * {@code stale} and no error: for a page showing stock or credit, the last-known value
 * beats a blank, and the flag says how old it is. A key with nothing last-known gets the
 * typed failure. The same holds for a key that failed on its own inside a good batch,
 * unless the ERP said NOT_FOUND, REJECTED or MISCONFIGURED (those are answers, not
 * outages: a resource that does not exist is not served from the past, and its failure is
 * never cached).
 */
public final class ResilientCachePolicy implements ErpCallPolicy {

    private static final Logger logger = LoggerFactory.getLogger(ResilientCachePolicy.class);

    private final ErpCache cache;

    private final Map<String, ErpGuard> guards = new ConcurrentHashMap<>();

    /**
     * The keys being read from an ERP right now, each with the outcome it will get: a
     * read of a key that is already on its way joins it instead of asking again.
     */
    private final Map<Pending, CompletableFuture<ErpOutcome<?>>> inFlight = new ConcurrentHashMap<>();

    /** The configuration problems already logged: each is logged once, not per call. */
    private final Set<String> loggedMisconfigurations = ConcurrentHashMap.newKeySet();

    private final Function<String, ErpCallSettings> settings;

    private final CircuitBreakerRegistry breakers;

    private final BulkheadRegistry bulkheads;

    private final RateLimiterRegistry rateLimiters;

    private final Executor executor;

    private final MeterRegistry meters;

    private final Clock clock;

    private final ErpGuard.Pause pause;

    private final ObservationRegistry observations;

    /**
     * @param settings each system's settings by id (an unknown id gets the defaults)
     * @param pause how a retry waits (a test passes one that moves its clock)
     * @param observations what each system's part of a read is observed by (a timer and a
     * span)
     */
    ResilientCachePolicy(Function<String, ErpCallSettings> settings, CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads, RateLimiterRegistry rateLimiters, Executor executor, MeterRegistry meters,
            Clock clock, ErpGuard.Pause pause, ObservationRegistry observations) {
        this.settings = settings;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.rateLimiters = rateLimiters;
        this.executor = executor;
        this.meters = meters;
        this.clock = clock;
        this.pause = pause;
        this.observations = observations;
        this.cache = new ErpCache(settings, clock, meters);
    }

    /**
     * One system's part of a DataLoader dispatch, observed as {@code erp.gateway.reads}:
     * a span (system, resource, keys, cache hits and misses, and the ERP requests under
     * it) that is current on the thread the connector runs on, so the ERP requests' spans
     * are its children.
     */
    @Override
    public <N, V> CompletableFuture<Map<N, ErpOutcome<V>>> read(String erpSystemId, ErpResource resource,
            Object variant, Set<N> keys, Function<Set<N>, ErpBatch<N, V>> call) {
        Observation observation = Observation.createNotStarted("erp.gateway.reads", observations)
            .contextualName("erp " + erpSystemId + " " + resource.tag())
            .lowCardinalityKeyValue("erp", erpSystemId)
            .lowCardinalityKeyValue("resource", resource.tag())
            .highCardinalityKeyValue("erp.keys", String.valueOf(keys.size()))
            .start();
        CompletableFuture<Map<N, ErpOutcome<V>>> read;
        try (Observation.Scope scope = observation.openScope()) {
            read = readObserved(observation, erpSystemId, resource, variant, keys, call);
        }
        return read.whenComplete((outcomes, failure) -> {
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        });
    }

    private <N, V> CompletableFuture<Map<N, ErpOutcome<V>>> readObserved(Observation observation, String erpSystemId,
            ErpResource resource, Object variant, Set<N> keys, Function<Set<N>, ErpBatch<N, V>> call) {
        Map<N, ErpOutcome<V>> outcomes = new HashMap<>();
        Map<N, ErpCache.Entry> lastKnown = new HashMap<>();
        Map<N, CompletableFuture<ErpOutcome<?>>> joined = new HashMap<>();
        Map<N, CompletableFuture<ErpOutcome<?>>> misses = new LinkedHashMap<>();
        for (N key : keys) {
            ErpCache.Entry entry = cache.lookup(erpSystemId, resource, variant, key);
            if (entry != null && cache.isFresh(erpSystemId, resource, entry)) {
                outcomes.put(key, cached(erpSystemId, entry, false));
                continue;
            }
            CompletableFuture<ErpOutcome<?>> mine = new CompletableFuture<>();
            CompletableFuture<ErpOutcome<?>> theirs = inFlight
                .putIfAbsent(new Pending(erpSystemId, resource, variant, key), mine);
            if (theirs != null) {
                joined.put(key, theirs);
                continue;
            }
            misses.put(key, mine);
            if (entry != null) {
                lastKnown.put(key, entry);
            }
        }
        cache.count(erpSystemId, resource, ErpCache.Result.HIT, outcomes.size());
        cache.count(erpSystemId, resource, ErpCache.Result.JOINED, joined.size());
        observation.highCardinalityKeyValue("erp.cache.hits", String.valueOf(outcomes.size()))
            .highCardinalityKeyValue("erp.cache.joined", String.valueOf(joined.size()))
            .highCardinalityKeyValue("erp.cache.misses", String.valueOf(misses.size()));
        CompletableFuture<Map<N, ErpOutcome<V>>> read = misses.isEmpty() ? CompletableFuture.completedFuture(outcomes)
                : readMisses(observation, erpSystemId, resource, variant, misses, lastKnown, call, outcomes);
        return joined.isEmpty() ? read : read.thenCombine(
                CompletableFuture.allOf(joined.values().toArray(CompletableFuture[]::new)), (answered, done) -> {
                    joined.forEach((key, outcome) -> answered.put(key, joinedOutcome(outcome)));
                    return answered;
                });
    }

    @SuppressWarnings("unchecked")
    private static <V> ErpOutcome<V> joinedOutcome(CompletableFuture<ErpOutcome<?>> outcome) {
        return (ErpOutcome<V>) outcome.join();
    }

    /**
     * Reads the keys no one else is reading in one call, and answers each of them to
     * whoever joined it meanwhile.
     */
    private <N, V> CompletableFuture<Map<N, ErpOutcome<V>>> readMisses(Observation observation, String erpSystemId,
            ErpResource resource, Object variant, Map<N, CompletableFuture<ErpOutcome<?>>> pending,
            Map<N, ErpCache.Entry> lastKnown, Function<Set<N>, ErpBatch<N, V>> call, Map<N, ErpOutcome<V>> outcomes) {
        Set<N> misses = pending.keySet();
        DistributionSummary.builder("erp.batch.size")
            .description("keys per batched connector call")
            .tag("erp", erpSystemId)
            .tag("resource", resource.tag())
            .register(meters)
            .record(misses.size());
        return guard(erpSystemId).read(() -> call.apply(misses)).handle((batch, failure) -> {
            if (failure != null) {
                logFailure(erpSystemId, resource, misses.size(), failure);
                observation.error(ErpGuard.asErpException(erpSystemId, failure, settings.apply(erpSystemId).timeout()));
            }
            int stale = 0;
            for (N key : misses) {
                ErpOutcome<V> outcome = failure == null ? answered(erpSystemId, resource, variant, key, batch)
                        : ErpOutcome.failed(
                                ErpGuard.asErpException(erpSystemId, failure, settings.apply(erpSystemId).timeout()));
                ErpCache.Entry entry = lastKnown.get(key);
                if (!outcome.isSuccess() && isOutage(outcome.failure()) && entry != null
                        && cache.isServableStale(erpSystemId, resource, entry)) {
                    outcome = cached(erpSystemId, entry, true);
                    stale++;
                }
                outcomes.put(key, outcome);
                inFlight.remove(new Pending(erpSystemId, resource, variant, key), pending.get(key));
                pending.get(key).complete(outcome);
            }
            cache.count(erpSystemId, resource, ErpCache.Result.STALE, stale);
            cache.count(erpSystemId, resource, ErpCache.Result.MISS, misses.size() - stale);
            observation.highCardinalityKeyValue("erp.cache.stale", String.valueOf(stale));
            return outcomes;
        }).whenComplete((answered, failure) -> {
            // Never leave a key in flight: whoever joined it would wait for ever.
            if (failure != null) {
                ErpOutcome<?> failed = ErpOutcome
                    .failed(ErpGuard.asErpException(erpSystemId, failure, settings.apply(erpSystemId).timeout()));
                pending.forEach((key, outcome) -> {
                    inFlight.remove(new Pending(erpSystemId, resource, variant, key), outcome);
                    outcome.complete(failed);
                });
            }
        });
    }

    @Override
    public void store(String erpSystemId, ErpResource resource, Object variant, Map<?, ?> values) {
        Instant fetchedAt = clock.instant();
        values.forEach((key, value) -> cache.store(erpSystemId, resource, variant, key, value, fetchedAt));
    }

    @Override
    public <T> T write(String erpSystemId, Supplier<T> call) {
        return guard(erpSystemId).write(call);
    }

    @Override
    public <T> T readLive(String erpSystemId, Supplier<T> call) {
        try {
            return guard(erpSystemId).read(call).join();
        }
        catch (CompletionException ex) {
            // The guard fails its future with an ErpException: the caller gets it as a
            // write's caller would.
            if (ex.getCause() instanceof ErpException erp) {
                throw erp;
            }
            throw ex;
        }
    }

    @Override
    public void evict(ErpEviction eviction) {
        cache.evict(eviction);
    }

    @Override
    public ErpHealth health(String erpSystemId) {
        return guard(erpSystemId).health();
    }

    private <N, V> ErpOutcome<V> answered(String erpSystemId, ErpResource resource, Object variant, N key,
            ErpBatch<N, V> batch) {
        V value = batch.values().get(key);
        if (value != null) {
            Instant fetchedAt = clock.instant();
            cache.store(erpSystemId, resource, variant, key, value, fetchedAt);
            return ErpOutcome.of(value, new Freshness(erpSystemId, fetchedAt, false, false));
        }
        ErpException failure = batch.failures().get(key);
        return ErpOutcome.failed(failure != null ? failure : ErpException.notFound(erpSystemId, String.valueOf(key)));
    }

    @SuppressWarnings("unchecked")
    private static <V> ErpOutcome<V> cached(String erpSystemId, ErpCache.Entry entry, boolean stale) {
        return ErpOutcome.of((V) entry.value(), new Freshness(erpSystemId, entry.fetchedAt(), true, stale));
    }

    /**
     * One line per failed ERP call (not per key), so that every ERP_* error a client sees
     * has its cause in the server log; the stack trace only where the connector could not
     * read the answer, which is the case to debug. A configuration problem (a resource
     * the ERP does not have) is logged once per system and ERP message: it fails every
     * call until someone fixes the configuration, and saying so on every page would bury
     * everything else.
     */
    private void logFailure(String erpSystemId, ErpResource resource, int keys, Throwable failure) {
        ErpException erp = ErpGuard.asErpException(erpSystemId, failure, settings.apply(erpSystemId).timeout());
        if (erp.kind() == ErpException.Kind.MISCONFIGURED) {
            if (loggedMisconfigurations.add(erpSystemId + " " + erp.erpMessage())) {
                logger.warn("ERP {} is misconfigured: its {} read fails until the configuration is fixed: {}",
                        erpSystemId, resource.tag(), erp.erpMessage());
            }
            else {
                logger.debug("ERP {} {} read of {} key(s) failed: {}", erpSystemId, resource.tag(), keys,
                        erp.getMessage());
            }
        }
        else if (erp.kind() == ErpException.Kind.BAD_RESPONSE) {
            logger.warn("ERP {} {} read of {} key(s) failed: {} {}", erpSystemId, resource.tag(), keys, erp.kind(),
                    erp.getMessage(), erp.getCause() != null ? erp.getCause() : erp);
        }
        else {
            logger.warn("ERP {} {} read of {} key(s) failed: {} {}", erpSystemId, resource.tag(), keys, erp.kind(),
                    erp.getMessage());
        }
    }

    /** A key of one system's resource and variant, while its read is on its way. */
    private record Pending(String erpSystemId, ErpResource resource, Object variant, Object key) {
    }

    private static boolean isOutage(ErpException failure) {
        return failure.kind() != ErpException.Kind.NOT_FOUND && failure.kind() != ErpException.Kind.REJECTED
                && failure.kind() != ErpException.Kind.MISCONFIGURED;
    }

    private ErpGuard guard(String erpSystemId) {
        return guards.computeIfAbsent(erpSystemId,
                id -> new ErpGuard(id, settings.apply(id), breakers, bulkheads, rateLimiters, executor, clock, pause));
    }

}
