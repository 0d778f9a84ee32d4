package dev.erpgraph.erp.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentQuery;
import dev.erpgraph.erp.StockLevel;

/**
 * The one door to the ERPs. A batch of keys is grouped by ERP system; each system's
 * connector is called once for its keys, all systems in parallel; every key comes back as
 * its own {@link ErpOutcome}, so one ERP down or one customer unknown never fails the
 * rest. A read answers once every system asked has answered: a DataLoader dispatch
 * resolves its keys together, and the next level (the lines' stock) goes out in one
 * dispatch for every ERP. Every read passes through the {@link ErpCallPolicy} (cache,
 * bulkhead, timeout, circuit breaker).
 */
public final class ErpGateway {

    /** The cache variant of stock read for every warehouse. */
    private static final String ALL_WAREHOUSES = "*";

    private final ErpSystems systems;

    private final ErpCallPolicy policy;

    private final ErpSelfCheck selfCheck;

    /**
     * A gateway whose self-check runs its probes on the caller's thread, one after
     * another.
     */
    public ErpGateway(ErpSystems systems, ErpCallPolicy policy) {
        this(systems, policy, new ErpSelfCheck(systems, policy, Runnable::run, Clock.systemUTC()));
    }

    public ErpGateway(ErpSystems systems, ErpCallPolicy policy, ErpSelfCheck selfCheck) {
        this.systems = Objects.requireNonNull(systems);
        this.policy = Objects.requireNonNull(policy);
        this.selfCheck = Objects.requireNonNull(selfCheck);
    }

    public ErpSystems systems() {
        return systems;
    }

    /**
     * Orders per customer, newest first, at most {@code query.limit()} each. With
     * {@link OrderQuery#withLineStock()}, a system whose connector can embed the lines'
     * stock reads it in the same request, and the stock goes into the stock cache (as the
     * all-warehouses read of {@link #stock} would store it) instead of onto the orders:
     * the lines' stock read that follows is a cache hit. The orders are cached without
     * it, under the query without embedding. A system that cannot embed it has its lines'
     * stock read started the moment its own orders are in, not after the slowest
     * system's, and handed to {@code lineStock} before its part of the answer completes:
     * the caller answers the lines' stock from it, whatever the cache's TTL (with none,
     * the stock is gone from the cache a moment later). One stock request per ERP either
     * way.
     */
    public CompletableFuture<Map<CustomerRef, ErpOutcome<List<SalesOrder>>>> orders(Set<CustomerRef> customers,
            OrderQuery query, Consumer<Map<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>>> lineStock) {
        List<CompletableFuture<Map<CustomerRef, ErpOutcome<List<SalesOrder>>>>> bySystem = new ArrayList<>();
        groupBySystem(customers).forEach((systemId, refs) -> {
            boolean embeds = query.withLineStock() && systems.find(systemId)
                .filter(system -> system.connector().capabilities().contains(ErpCapability.EMBEDDED_LINE_STOCK))
                .isPresent();
            CompletableFuture<Map<CustomerRef, ErpOutcome<List<SalesOrder>>>> part = fetchFrom(systemId,
                    ErpResource.ORDERS, query.withoutEmbedding(), refs, CustomerRef::customerNumber,
                    (connector, numbers) -> embeds ? keepEmbeddedStock(systemId, connector.orders(numbers, query))
                            : connector.orders(numbers, query.withLineStock(false)));
            bySystem.add(query.withLineStock() && !embeds
                    ? part.thenApply(orders -> startLineStock(systemId, orders, lineStock)) : part);
        });
        return all(bySystem);
    }

    /**
     * Starts the read of the lines' stock in every warehouse as soon as this system's
     * orders are in, for a system that cannot embed it, instead of after every other
     * system's orders and the completion of all their lines; the caller gets it through
     * {@code lineStock}, and any other read of it joins it while it is on its way.
     */
    private Map<CustomerRef, ErpOutcome<List<SalesOrder>>> startLineStock(String systemId,
            Map<CustomerRef, ErpOutcome<List<SalesOrder>>> orders,
            Consumer<Map<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>>> lineStock) {
        Set<StockRef> skus = new LinkedHashSet<>();
        orders.values()
            .stream()
            .filter(ErpOutcome::isSuccess)
            .forEach(outcome -> outcome.value()
                .forEach(order -> order.lines().forEach(line -> skus.add(new StockRef(systemId, line.sku(), null)))));
        if (!skus.isEmpty()) {
            lineStock.accept(stockAsAnswered(skus));
        }
        return orders;
    }

    /**
     * Stores the stock the orders carry as the all-warehouses stock of each sku, and
     * answers the orders without it.
     */
    private ErpBatch<String, List<SalesOrder>> keepEmbeddedStock(String systemId,
            ErpBatch<String, List<SalesOrder>> batch) {
        Map<String, List<StockLevel>> stock = new HashMap<>();
        Map<String, List<SalesOrder>> orders = new HashMap<>();
        batch.values().forEach((customer, ofCustomer) -> orders.put(customer, ofCustomer.stream().map(order -> {
            order.lines()
                .stream()
                .filter(line -> line.stock() != null)
                .forEach(line -> stock.put(line.sku(), line.stock()));
            return new SalesOrder(order.id(), order.number(), order.customerNumber(), order.status(), order.orderDate(),
                    order.requestedDeliveryDate(), order.total(),
                    order.lines().stream().map(SalesOrderLine::withoutStock).toList());
        }).toList()));
        policy.store(systemId, ErpResource.INVENTORY, ALL_WAREHOUSES, stock);
        return new ErpBatch<>(orders, batch.failures());
    }

    /** Orders by document number. */
    public CompletableFuture<Map<OrderRef, ErpOutcome<SalesOrder>>> ordersByNumber(Set<OrderRef> orders) {
        return fetch(ErpResource.ORDERS, ErpCache.BY_NUMBER, orders, OrderRef::orderNumber,
                ErpConnector::ordersByNumber);
    }

    /**
     * Stock levels per sku. Keys of one system that name different warehouses are read in
     * one call for all warehouses and filtered here: one request per ERP, not one per
     * warehouse.
     */
    public CompletableFuture<Map<StockRef, ErpOutcome<List<StockLevel>>>> stock(Set<StockRef> skus) {
        return all(List.copyOf(stockBySystem(skus).values()));
    }

    /**
     * Stock levels per sku as {@link #stock} reads them, each key answered as soon as its
     * own system has answered rather than once every system has: a caller that has work
     * to do per key (completing a page's stock levels) does one system's share while the
     * others are still on their way.
     */
    public Map<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> stockAsAnswered(Set<StockRef> skus) {
        Map<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> byKey = new HashMap<>();
        stockBySystem(skus).forEach(
                (refs, part) -> refs.forEach(ref -> byKey.put(ref, part.thenApply(answered -> answered.get(ref)))));
        return byKey;
    }

    private Map<Set<StockRef>, CompletableFuture<Map<StockRef, ErpOutcome<List<StockLevel>>>>> stockBySystem(
            Set<StockRef> skus) {
        Map<Set<StockRef>, CompletableFuture<Map<StockRef, ErpOutcome<List<StockLevel>>>>> bySystem = new LinkedHashMap<>();
        groupBySystem(skus).forEach((systemId, refs) -> {
            Set<String> warehouses = refs.stream().map(StockRef::warehouse).collect(Collectors.toSet());
            String warehouse = warehouses.size() == 1 ? warehouses.iterator().next() : null;
            Map<StockRef, StockRef> asRequested = new HashMap<>();
            refs.forEach(ref -> asRequested.put(new StockRef(systemId, ref.sku(), warehouse), ref));
            bySystem.put(refs,
                    fetchFrom(systemId, ErpResource.INVENTORY, warehouse == null ? ALL_WAREHOUSES : warehouse,
                            asRequested.keySet(), StockRef::sku,
                            (connector, nativeSkus) -> connector.stock(nativeSkus, warehouse))
                        .thenApply(fetched -> {
                            Map<StockRef, ErpOutcome<List<StockLevel>>> result = new HashMap<>();
                            for (StockRef requested : refs) {
                                ErpOutcome<List<StockLevel>> outcome = fetched
                                    .get(new StockRef(systemId, requested.sku(), warehouse));
                                result.put(requested, onlyWarehouse(outcome, requested.warehouse()));
                            }
                            return result;
                        }));
        });
        return bySystem;
    }

    /** The customer's price per key. */
    public CompletableFuture<Map<PriceRef, ErpOutcome<ItemPrice>>> prices(Set<PriceRef> prices) {
        return fetch(ErpResource.PRICES, "", prices, PriceRef::key, ErpConnector::prices);
    }

    /** Credit status per customer. */
    public CompletableFuture<Map<CustomerRef, ErpOutcome<CreditStatus>>> credit(Set<CustomerRef> customers) {
        return fetch(ErpResource.CREDIT, "", customers, CustomerRef::customerNumber, ErpConnector::credit);
    }

    /** Shipments per customer, newest first, at most {@code query.limit()} each. */
    public CompletableFuture<Map<CustomerRef, ErpOutcome<List<Shipment>>>> shipments(Set<CustomerRef> customers,
            ShipmentQuery query) {
        return fetch(ErpResource.SHIPMENTS, query, customers, CustomerRef::customerNumber,
                (connector, numbers) -> connector.shipments(numbers, query));
    }

    /** The shipments of each sales order. */
    public CompletableFuture<Map<OrderRef, ErpOutcome<List<Shipment>>>> shipmentsByOrder(Set<OrderRef> orders) {
        return fetch(ErpResource.SHIPMENTS, ErpCache.BY_ORDER, orders, OrderRef::orderNumber,
                ErpConnector::shipmentsByOrder);
    }

    /** Invoices per customer, newest first, at most {@code query.limit()} each. */
    public CompletableFuture<Map<CustomerRef, ErpOutcome<List<Invoice>>>> invoices(Set<CustomerRef> customers,
            InvoiceQuery query) {
        return fetch(ErpResource.INVOICES, query, customers, CustomerRef::customerNumber,
                (connector, numbers) -> connector.invoices(numbers, query));
    }

    /** The invoices of each sales order. */
    public CompletableFuture<Map<OrderRef, ErpOutcome<List<Invoice>>>> invoicesByOrder(Set<OrderRef> orders) {
        return fetch(ErpResource.INVOICES, ErpCache.BY_ORDER, orders, OrderRef::orderNumber,
                ErpConnector::invoicesByOrder);
    }

    /**
     * The one write: creates a sales order in the customer's ERP and answers its document
     * number. Never cached and never retried here: exactly-once is the caller's outbox's
     * job.
     */
    public String createSalesOrder(String erpSystemId, SalesOrderRequest request) {
        ErpConnector connector = connector(erpSystemId);
        return policy.write(erpSystemId, () -> connector.createSalesOrder(request));
    }

    /**
     * The order an earlier create of this request committed in the customer's ERP, if any
     * (see {@link ErpConnector#findSalesOrder}): asked before a create is retried. Read
     * live, never from the cache (an order committed a moment ago must be seen), through
     * the same guard as every read, retries included.
     */
    public Optional<String> findSalesOrder(String erpSystemId, SalesOrderRequest request) {
        ErpConnector connector = connector(erpSystemId);
        return policy.readLive(erpSystemId, () -> connector.findSalesOrder(request));
    }

    /**
     * Drops the cached values an ERP change made wrong, on this replica (the events
     * endpoint tells the others). The next read of them asks the ERP.
     */
    public void evict(ErpEviction eviction) {
        policy.evict(eviction);
    }

    /**
     * Drops one system's cached values of one resource for one key: a customer number for
     * orders, credit, shipments and invoices (all query variants), a sku for inventory
     * (all warehouses) and prices (all customers and quantities).
     */
    public void evict(String erpSystemId, ErpResource resource, String nativeKey) {
        policy.evict(switch (resource) {
            case ORDERS, CREDIT, SHIPMENTS, INVOICES -> ErpEviction.customers(erpSystemId, resource, Set.of(nativeKey));
            case INVENTORY, PRICES -> ErpEviction.skus(erpSystemId, resource, Set.of(nativeKey));
        });
    }

    /** Drops all of one system's cached values of one resource. */
    public void evictAll(String erpSystemId, ErpResource resource) {
        policy.evict(ErpEviction.all(erpSystemId, resource));
    }

    /** Drops every cached value of every system, on this replica. */
    public void evictAll() {
        for (ErpSystems.ErpSystem system : systems.all()) {
            for (ErpResource resource : ErpResource.values()) {
                evictAll(system.id(), resource);
            }
        }
    }

    /**
     * UP, DEGRADED or DOWN ({@code ErpSystem.health}): DOWN while the system's circuit
     * breaker is open; DEGRADED while the breaker says so, while the last self-check
     * found an endpoint that is not usable, or while its use of the ERP's API quota is
     * near the limit; UP otherwise.
     */
    public ErpHealth health(String erpSystemId) {
        ErpHealth breaker = policy.health(erpSystemId);
        if (breaker == ErpHealth.DOWN) {
            return breaker;
        }
        boolean nearQuota = systems.find(erpSystemId).map(system -> system.quota().isNearLimit()).orElse(false);
        return selfCheck.hasUnusable(erpSystemId) || nearQuota ? ErpHealth.DEGRADED : breaker;
    }

    /**
     * The findings of the system's last self-check ({@code ErpSystem.checks}); empty
     * until its first check is done.
     */
    public List<ErpResourceCheck> checks(String erpSystemId) {
        return selfCheck.latest(erpSystemId);
    }

    /**
     * Runs the system's self-check now; completes once every endpoint has answered its
     * probe or failed within the ERP's timeout.
     * @throws ErpException NOT_FOUND for a system that is not configured
     */
    public CompletableFuture<List<ErpResourceCheck>> check(String erpSystemId) {
        connector(erpSystemId);
        return selfCheck.check(erpSystemId);
    }

    private ErpConnector connector(String erpSystemId) {
        return systems.find(erpSystemId)
            .map(ErpSystems.ErpSystem::connector)
            .orElseThrow(() -> ErpException.notFound(erpSystemId, "ERP system '" + erpSystemId + "'"));
    }

    /**
     * The heart of it: group by system, ask the policy (cache first) per system, call
     * each system's connector once with its misses, all systems concurrently, and answer
     * every key.
     * @param variant what besides the key the answer depends on (the order query, the
     * warehouse), for the cache
     */
    private <R extends ErpKey, N, V> CompletableFuture<Map<R, ErpOutcome<V>>> fetch(ErpResource resource,
            Object variant, Set<R> refs, Function<R, N> nativeKey,
            BiFunction<ErpConnector, Set<N>, ErpBatch<N, V>> call) {
        List<CompletableFuture<Map<R, ErpOutcome<V>>>> bySystem = new ArrayList<>();
        groupBySystem(refs).forEach((systemId, systemRefs) -> bySystem
            .add(fetchFrom(systemId, resource, variant, systemRefs, nativeKey, call)));
        return all(bySystem);
    }

    /**
     * Every system's keys in one map, once every system has answered. A system's part
     * never completes exceptionally (a failure is an outcome of its keys), so neither
     * does the whole.
     */
    private static <R extends ErpKey, V> CompletableFuture<Map<R, ErpOutcome<V>>> all(
            List<CompletableFuture<Map<R, ErpOutcome<V>>>> bySystem) {
        return CompletableFuture.allOf(bySystem.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<R, ErpOutcome<V>> all = new HashMap<>();
            bySystem.forEach(part -> all.putAll(part.join()));
            return all;
        });
    }

    /**
     * One system's part of a call: its keys answered from the cache or by one connector
     * call.
     */
    private <R extends ErpKey, N, V> CompletableFuture<Map<R, ErpOutcome<V>>> fetchFrom(String systemId,
            ErpResource resource, Object variant, Set<R> systemRefs, Function<R, N> nativeKey,
            BiFunction<ErpConnector, Set<N>, ErpBatch<N, V>> call) {
        ErpSystems.ErpSystem system = systems.find(systemId).orElse(null);
        if (system == null) {
            ErpException unknown = ErpException.notFound(systemId, "ERP system '" + systemId + "'");
            Map<R, ErpOutcome<V>> failed = new HashMap<>();
            systemRefs.forEach(ref -> failed.put(ref, ErpOutcome.failed(unknown)));
            return CompletableFuture.completedFuture(failed);
        }
        Map<N, R> byNative = new LinkedHashMap<>();
        systemRefs.forEach(ref -> byNative.put(nativeKey.apply(ref), ref));
        return policy
            .read(systemId, resource, variant, byNative.keySet(), misses -> call.apply(system.connector(), misses))
            .thenApply(outcomes -> {
                Map<R, ErpOutcome<V>> result = new HashMap<>();
                byNative.forEach((key, ref) -> result.put(ref, outcomes.get(key)));
                return result;
            });
    }

    private static <R extends ErpKey> Map<String, Set<R>> groupBySystem(Set<R> refs) {
        Map<String, Set<R>> bySystem = new LinkedHashMap<>();
        refs.forEach(ref -> bySystem.computeIfAbsent(ref.erpSystemId(), id -> new LinkedHashSet<>()).add(ref));
        return bySystem;
    }

    private static ErpOutcome<List<StockLevel>> onlyWarehouse(ErpOutcome<List<StockLevel>> outcome, String warehouse) {
        if (outcome == null || !outcome.isSuccess() || warehouse == null) {
            return outcome;
        }
        return ErpOutcome.of(outcome.value().stream().filter(level -> level.warehouse().equals(warehouse)).toList(),
                outcome.freshness());
    }

}
