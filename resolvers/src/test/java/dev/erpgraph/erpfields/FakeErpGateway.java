package dev.erpgraph.erpfields;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.config.ErpSystemProperties;
import dev.erpgraph.erp.gateway.ErpCallPolicy;
import dev.erpgraph.erp.gateway.ErpEviction;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpHealth;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erp.gateway.Freshness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The real gateway over {@link FakeErp}s, with a call policy that only passes calls
 * through (no cache, no guard), on the caller's thread unless told otherwise: what a
 * loader asks is exactly what the fake ERPs see.
 */
public final class FakeErpGateway {

    private FakeErpGateway() {
    }

    public static ErpGateway over(FakeErp... erps) {
        return over(Runnable::run, erps);
    }

    /**
     * The gateway over the fakes with each ERP read run on {@code reads}, off the
     * caller's thread as the real policy runs them.
     */
    public static ErpGateway over(Executor reads, FakeErp... erps) {
        Map<String, ErpSystemProperties> configured = new LinkedHashMap<>();
        Map<String, FakeErp> byId = new HashMap<>();
        for (FakeErp erp : erps) {
            configured.put(erp.systemId(),
                    new ErpSystemProperties(erp.kind(), null, "http://erp.invalid", null, null, null, null));
            byId.put(erp.systemId(), erp);
        }
        List<ErpConnectorFactory> factories = byId.values()
            .stream()
            .map(FakeErp::kind)
            .distinct()
            .map(kind -> (ErpConnectorFactory) new FakeFactory(kind, byId))
            .toList();
        ErpSystems systems = new ErpSystems(configured, factories, Duration.ofSeconds(1), UnaryOperator.identity(),
                new SimpleMeterRegistry());
        return new ErpGateway(systems, new PassingThrough(reads));
    }

    /** Hands each system its fake ERP, whatever its kind. */
    private static final class FakeFactory extends ErpConnectorFactory {

        FakeFactory(ErpKind kind, Map<String, FakeErp> byId) {
            super(kind, ErpCallLimits.UNPUBLISHED, (erpSystemId, body, headers, secret) -> List.of(),
                    (settings, http) -> byId.get(settings.systemId()));
        }

    }

    private static final class PassingThrough implements ErpCallPolicy {

        private final Executor reads;

        PassingThrough(Executor reads) {
            this.reads = reads;
        }

        @Override
        public <N, V> CompletableFuture<Map<N, ErpOutcome<V>>> read(String erpSystemId, ErpResource resource,
                Object variant, Set<N> keys, Function<Set<N>, ErpBatch<N, V>> call) {
            return CompletableFuture.supplyAsync(() -> {
                ErpBatch<N, V> batch = call.apply(keys);
                Map<N, ErpOutcome<V>> outcomes = new HashMap<>();
                Freshness now = new Freshness(erpSystemId, Instant.now(), false, false);
                batch.values().forEach((key, value) -> outcomes.put(key, ErpOutcome.of(value, now)));
                batch.failures().forEach((key, failure) -> outcomes.put(key, ErpOutcome.failed(failure)));
                return outcomes;
            }, reads);
        }

        @Override
        public <T> T write(String erpSystemId, Supplier<T> call) {
            return call.get();
        }

        @Override
        public <T> T readLive(String erpSystemId, Supplier<T> call) {
            return call.get();
        }

        @Override
        public void evict(ErpEviction eviction) {
        }

        @Override
        public ErpHealth health(String erpSystemId) {
            return ErpHealth.UP;
        }

    }

}
