package dev.erpgraph.erp.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.Shipment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's cache: one bounded Caffeine cache per ERP system and resource, named
 * {@code <system>.<resource>}, of values keyed by (variant, native key) with the instant
 * the ERP answered. An entry is fresh for its TTL and is kept physically for TTL +
 * max-stale, so that it can stand in for an ERP that fails; past that it is gone.
 * Evictions name what an ERP event names (customers, skus, order numbers) and scan the
 * one small cache they concern, which at a few thousand entries per system and resource
 * costs microseconds and needs no index to keep consistent.
 */
final class ErpCache {

    /**
     * The variant of reads by order number (their key is the order number, not a
     * customer's).
     */
    static final String BY_NUMBER = "by-number";

    /**
     * The variant of shipments and invoices read per sales order (their key is the order
     * number).
     */
    static final String BY_ORDER = "by-order";

    record Key(Object variant, Object key) {
    }

    record Entry(Object value, Instant fetchedAt) {
    }

    /**
     * How a key was answered, as {@code erp.cache.gets{result}} counts it: from the
     * cache, by the ERP, last-known while the ERP failed, or by a read of it already on
     * its way.
     */
    enum Result {

        HIT, MISS, STALE, JOINED

    }

    private final Map<String, Cache<Key, Entry>> caches = new ConcurrentHashMap<>();

    private final Function<String, ErpCallSettings> settings;

    private final Clock clock;

    private final Ticker ticker;

    private final MeterRegistry meters;

    ErpCache(Function<String, ErpCallSettings> settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        // One time source for fresh/stale decisions and for Caffeine's expiry: a test
        // moves both with one clock.
        this.ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.meters = meters;
    }

    Entry lookup(String systemId, ErpResource resource, Object variant, Object key) {
        return cache(systemId, resource).getIfPresent(new Key(variant, key));
    }

    void store(String systemId, ErpResource resource, Object variant, Object key, Object value, Instant fetchedAt) {
        cache(systemId, resource).put(new Key(variant, key), new Entry(value, fetchedAt));
    }

    boolean isFresh(String systemId, ErpResource resource, Entry entry) {
        return age(entry).compareTo(settings.apply(systemId).ttl().get(resource)) < 0;
    }

    /** Whether an entry past its TTL may still be served while the ERP fails. */
    boolean isServableStale(String systemId, ErpResource resource, Entry entry) {
        ErpCallSettings system = settings.apply(systemId);
        return age(entry).compareTo(system.ttl().get(resource).plus(system.maxStale())) < 0;
    }

    void count(String systemId, ErpResource resource, Result result, int times) {
        if (times > 0) {
            Counter.builder("erp.cache.gets")
                .description("gateway cache lookups")
                .tag("cache", name(systemId, resource))
                .tag("result", result.name().toLowerCase())
                .register(meters)
                .increment(times);
        }
    }

    /** Drops the entries the eviction names; answers how many. */
    int evict(ErpEviction eviction) {
        Cache<Key, Entry> cache = caches.get(name(eviction.erpSystemId(), eviction.resource()));
        if (cache == null) {
            return 0;
        }
        int[] evicted = { 0 };
        cache.asMap().entrySet().removeIf(entry -> {
            boolean matches = matches(eviction, entry.getKey(), entry.getValue().value());
            evicted[0] += matches ? 1 : 0;
            return matches;
        });
        return evicted[0];
    }

    private static boolean matches(ErpEviction eviction, Key key, Object value) {
        Set<String> keys = eviction.keys();
        return switch (eviction.scope()) {
            case ALL -> true;
            case CUSTOMERS -> switch (eviction.resource()) {
                case ORDERS -> key.variant() instanceof OrderQuery && keys.contains(key.key())
                        || value instanceof SalesOrder order && keys.contains(order.customerNumber());
                case CREDIT -> keys.contains(key.key());
                case PRICES -> key.key() instanceof PriceKey price && keys.contains(price.customerNumber());
                case SHIPMENTS, INVOICES -> !BY_ORDER.equals(key.variant()) && keys.contains(key.key())
                        || documents(value).anyMatch(document -> keys.contains(customerOf(document)));
                case INVENTORY -> false;
            };
            case SKUS -> switch (eviction.resource()) {
                case INVENTORY -> keys.contains(key.key());
                case PRICES -> key.key() instanceof PriceKey price && keys.contains(price.sku());
                case ORDERS, CREDIT, SHIPMENTS, INVOICES -> false;
            };
            case ORDER_NUMBERS -> switch (eviction.resource()) {
                case ORDERS -> BY_NUMBER.equals(key.variant()) && keys.contains(key.key()) || holdsOrder(value, keys);
                case SHIPMENTS, INVOICES ->
                    BY_ORDER.equals(key.variant()) && keys.contains(key.key()) || documents(value)
                        .anyMatch(document -> keys.stream().anyMatch(order -> ofOrder(document, order)));
                case INVENTORY, PRICES, CREDIT -> false;
            };
        };
    }

    /** The shipments or invoices a cached value lists. */
    private static Stream<?> documents(Object value) {
        return value instanceof List<?> list ? list.stream() : Stream.empty();
    }

    private static String customerOf(Object document) {
        if (document instanceof Shipment shipment) {
            return shipment.customerNumber();
        }
        return document instanceof Invoice invoice ? invoice.customerNumber() : null;
    }

    private static boolean ofOrder(Object document, String orderNumber) {
        if (document instanceof Shipment shipment) {
            return shipment.ships(orderNumber);
        }
        return document instanceof Invoice invoice && orderNumber.equals(invoice.orderNumber());
    }

    private static boolean holdsOrder(Object value, Set<String> orderNumbers) {
        if (value instanceof SalesOrder order) {
            return orderNumbers.contains(order.number());
        }
        return value instanceof List<?> orders && orders.stream()
            .anyMatch(order -> order instanceof SalesOrder o && orderNumbers.contains(o.number()));
    }

    private Cache<Key, Entry> cache(String systemId, ErpResource resource) {
        return caches.computeIfAbsent(name(systemId, resource), name -> {
            ErpCallSettings system = settings.apply(systemId);
            return Caffeine.newBuilder()
                .maximumSize(system.maximumSize())
                .expireAfterWrite(system.ttl().get(resource).plus(system.maxStale()))
                .ticker(ticker)
                .build();
        });
    }

    private Duration age(Entry entry) {
        return Duration.between(entry.fetchedAt(), clock.instant());
    }

    static String name(String systemId, ErpResource resource) {
        return systemId + "." + resource.tag();
    }

}
