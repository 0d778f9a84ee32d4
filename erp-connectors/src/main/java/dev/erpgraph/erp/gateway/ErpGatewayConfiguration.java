package dev.erpgraph.erp.gateway;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.erpgraph.erp.config.ErpProperties;
import dev.erpgraph.erp.http.ConnectorThreads;
import dev.erpgraph.erp.http.ErpObservations;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway, the policy it calls ERPs with (cache and resilience), and the resilience4j
 * registries.
 */
@Configuration(proxyBeanMethods = false)
class ErpGatewayConfiguration {

    /**
     * ERP calls block on HTTP; they get their own threads so that a slow ERP never
     * starves request threads. A call runs with its caller's thread-local context (the
     * request's MDC, security context, ...), as it would on the caller's own thread.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService erpCallExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "erp-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return ConnectorThreads.propagating(Executors.newCachedThreadPool(threads));
    }

    /**
     * Programmatic, from {@code erp.resilience}: the resilience4j starter would need AOP,
     * which we do not use.
     */
    @Bean
    CircuitBreakerRegistry erpCircuitBreakers(ObjectProvider<MeterRegistry> meters) {
        return measured(CircuitBreakerRegistry.ofDefaults(), meters,
                TaggedCircuitBreakerMetrics::ofCircuitBreakerRegistry);
    }

    @Bean
    BulkheadRegistry erpBulkheads(ObjectProvider<MeterRegistry> meters) {
        return measured(BulkheadRegistry.ofDefaults(), meters, TaggedBulkheadMetrics::ofBulkheadRegistry);
    }

    @Bean
    RateLimiterRegistry erpRateLimiters(ObjectProvider<MeterRegistry> meters) {
        return measured(RateLimiterRegistry.ofDefaults(), meters, TaggedRateLimiterMetrics::ofRateLimiterRegistry);
    }

    /**
     * {@code registry}, its metrics bound to the application's meters if there are any.
     */
    private static <R> R measured(R registry, ObjectProvider<MeterRegistry> meters, Function<R, MeterBinder> metrics) {
        meters.ifAvailable(metrics.apply(registry)::bindTo);
        return registry;
    }

    @Bean
    ErpCallPolicy erpCallPolicy(ExecutorService erpCallExecutor, ErpSystems systems, ErpProperties properties,
            CircuitBreakerRegistry erpCircuitBreakers, BulkheadRegistry erpBulkheads,
            RateLimiterRegistry erpRateLimiters, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations) {
        Map<String, ErpCallSettings> settings = new ConcurrentHashMap<>();
        systems.all().forEach(system -> settings.put(system.id(), ErpCallSettings.of(properties, system)));
        ErpCallSettings defaults = ErpCallSettings.of(properties, null);
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        return new ResilientCachePolicy(id -> settings.getOrDefault(id, defaults), erpCircuitBreakers, erpBulkheads,
                erpRateLimiters, erpCallExecutor, registry, Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()),
                observations.getIfAvailable(() -> ErpObservations.measuredBy(registry)));
    }

    @Bean
    ErpSelfCheck erpSelfCheck(ErpSystems systems, ErpCallPolicy policy, ExecutorService erpCallExecutor) {
        return new ErpSelfCheck(systems, policy, erpCallExecutor, Clock.systemUTC());
    }

    @Bean
    ErpGateway erpGateway(ErpSystems systems, ErpCallPolicy policy, ErpSelfCheck erpSelfCheck) {
        return new ErpGateway(systems, policy, erpSelfCheck);
    }

    /**
     * The self-check of every system once the application has started (the demo's
     * sandboxes answer only once this server listens), in the background: start-up never
     * waits on an ERP, and a misconfigured one never stops it. Started, not ready: the
     * probes then run beside the application runners (the demo's warm-up), not beside the
     * first clients' pages, where they cost the first page seconds on two cores.
     * {@code erp.self-check.on-startup} (default true) turns it off, e.g. for tests that
     * count every ERP request.
     */
    @Bean
    @ConditionalOnProperty(name = "erp.self-check.on-startup", havingValue = "true", matchIfMissing = true)
    ApplicationListener<ApplicationStartedEvent> erpSelfCheckOnStartup(ErpSelfCheck erpSelfCheck) {
        return event -> erpSelfCheck.checkAll();
    }

}
