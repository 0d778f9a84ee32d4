package dev.erpgraph.erp.gateway;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.config.ErpProperties;
import dev.erpgraph.erp.config.ErpSystemProperties;

/**
 * How one ERP system is called and cached: {@code erp.cache}, {@code erp.resilience} and
 * {@code erp.timeout} with the system's own overrides applied and its ERP's documented
 * limits ({@link ErpCallLimits}, from its factory) filled in.
 *
 * @param timeout the whole call, retries included
 * @param maxConcurrentCalls the bulkhead
 * @param limitForPeriod the rate limiter's calls per
 * {@code resilience.limitRefreshPeriod()}; 0: no limit
 */
public record ErpCallSettings(Duration timeout, Map<ErpResource, Duration> ttl, Duration maxStale, long maximumSize,
        ErpProperties.Resilience resilience, int maxConcurrentCalls, int limitForPeriod) {

    public ErpCallSettings {
        ttl = Map.copyOf(ttl);
        for (ErpResource resource : ErpResource.values()) {
            if (!ttl.containsKey(resource)) {
                throw new IllegalArgumentException("no cache TTL for " + resource.tag());
            }
        }
    }

    /**
     * The settings of a configured system (or, with {@code configured} null, of an
     * unknown one: the defaults, with {@link ErpCallLimits#UNPUBLISHED} limits).
     */
    public static ErpCallSettings of(ErpProperties properties, ErpSystems.ErpSystem configured) {
        ErpSystemProperties system = configured == null ? null : configured.properties();
        ErpCallLimits limits = configured == null ? ErpCallLimits.UNPUBLISHED : configured.factory().defaultLimits();
        ErpSystemProperties.CacheOverrides cache = system == null ? null : system.cache();
        Map<ErpResource, Duration> ttl = new EnumMap<>(ErpResource.class);
        for (ErpResource resource : ErpResource.values()) {
            Duration override = cache == null ? null : cache.ttl().get(resource.tag());
            ttl.put(resource, override != null ? override : properties.cache().ttl(resource.tag()));
        }
        if (cache != null) {
            for (String name : cache.ttl().keySet()) {
                if (Arrays.stream(ErpResource.values()).noneMatch(r -> r.tag().equals(name))) {
                    throw new IllegalArgumentException("erp.systems.*.cache.ttl." + name
                            + ": no such resource (orders, inventory, prices, credit, shipments, invoices)");
                }
            }
        }
        Duration maxStale = cache == null || cache.maxStale() == null ? properties.cache().maxStale()
                : cache.maxStale();
        long maximumSize = cache == null || cache.maximumSize() == null ? properties.cache().maximumSize()
                : cache.maximumSize();
        ErpProperties.Resilience resilience = properties.resilience().with(system == null ? null : system.resilience());
        Duration timeout = system == null || system.timeout() == null ? properties.timeout() : system.timeout();
        int concurrency = resilience.maxConcurrentCalls() != null ? resilience.maxConcurrentCalls()
                : limits.maxConcurrentCalls();
        int limit = resilience.limitForPeriod() != null ? resilience.limitForPeriod() : limits.limitForPeriod();
        return new ErpCallSettings(timeout, ttl, maxStale, maximumSize, resilience, concurrency, limit);
    }
}
