package dev.erpgraph.erp.gateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentLine;
import dev.erpgraph.erp.ShipmentQuery;
import dev.erpgraph.erp.ShipmentStatus;
import dev.erpgraph.erp.config.ErpProperties;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The policy's mechanics with a hand-written connector call and a clock the test moves:
 * no server, no sleeps.
 */
class ResilientCachePolicyTests {

    private static final String SYSTEM = "erp1";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-02T10:00:00Z"));

    private final List<Duration> pauses = new ArrayList<>();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    /** Every call the "ERP" received, with the keys it was asked for. */
    private final List<Set<String>> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void asksTheErpOnlyForTheMissesAndFlagsCachedValues() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        read(policy, ErpResource.CREDIT, "", Set.of("C1", "C2", "C3"), this::answerAll);
        clock.advance(Duration.ofSeconds(10));

        Map<String, ErpOutcome<String>> outcomes = read(policy, ErpResource.CREDIT, "",
                Set.of("C1", "C2", "C3", "C4", "C5"), this::answerAll);

        assertThat(calls).containsExactly(Set.of("C1", "C2", "C3"), Set.of("C4", "C5"));
        assertThat(outcomes).hasSize(5);
        for (String cached : List.of("C1", "C2", "C3")) {
            assertThat(outcomes.get(cached).freshness().fromCache()).isTrue();
            assertThat(outcomes.get(cached).freshness().stale()).isFalse();
            assertThat(outcomes.get(cached).freshness().fetchedAt()).isEqualTo(clock.instant().minusSeconds(10));
        }
        assertThat(outcomes.get("C4").freshness().fromCache()).isFalse();
        assertThat(outcomes.get("C4").value()).isEqualTo("value of C4");
        assertThat(meters.get("erp.cache.gets").tag("cache", "erp1.credit").tag("result", "hit").counter().count())
            .isEqualTo(3);
        assertThat(meters.get("erp.cache.gets").tag("cache", "erp1.credit").tag("result", "miss").counter().count())
            .isEqualTo(5);
        assertThat(meters.get("erp.batch.size").tag("erp", SYSTEM).summary().totalAmount()).isEqualTo(5);
    }

    @Test
    void readsAgainOnceTheResourcesTtlHasPassed() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        read(policy, ErpResource.INVENTORY, "CLE", Set.of("SKU-1"), this::answerAll);
        clock.advance(Duration.ofSeconds(29));
        read(policy, ErpResource.INVENTORY, "CLE", Set.of("SKU-1"), this::answerAll);
        clock.advance(Duration.ofSeconds(1));

        Map<String, ErpOutcome<String>> outcomes = read(policy, ErpResource.INVENTORY, "CLE", Set.of("SKU-1"),
                this::answerAll);

        assertThat(calls).hasSize(2);
        assertThat(outcomes.get("SKU-1").freshness().fromCache()).isFalse();
    }

    @Test
    void cachesEachVariantApart() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        read(policy, ErpResource.INVENTORY, "CLE", Set.of("SKU-1"), this::answerAll);
        read(policy, ErpResource.INVENTORY, "DET", Set.of("SKU-1"), this::answerAll);

        assertThat(calls).hasSize(2);
    }

    @Test
    void servesTheLastKnownValueAsStaleWhileTheErpIsDownWithinMaxStale() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        read(policy, ErpResource.CREDIT, "", Set.of("C1"), this::answerAll);
        Instant fetched = clock.instant();
        clock.advance(Duration.ofMinutes(2).plus(Duration.ofMinutes(14)));

        Map<String, ErpOutcome<String>> outcomes = read(policy, ErpResource.CREDIT, "", Set.of("C1", "C2"), this::down);

        ErpOutcome<String> stale = outcomes.get("C1");
        assertThat(stale.isSuccess()).isTrue();
        assertThat(stale.value()).isEqualTo("value of C1");
        assertThat(stale.freshness()).isEqualTo(new Freshness(SYSTEM, fetched, true, true));
        assertThat(outcomes.get("C2").failure().kind()).isEqualTo(ErpException.Kind.UNAVAILABLE);
        assertThat(calls).containsExactly(Set.of("C1"), Set.of("C1", "C2"));
        assertThat(meters.get("erp.cache.gets").tag("result", "stale").counter().count()).isEqualTo(1);
    }

    @Test
    void answersTheTypedFailureOncePastMaxStale() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        read(policy, ErpResource.CREDIT, "", Set.of("C1"), this::answerAll);
        clock.advance(Duration.ofMinutes(2).plus(Duration.ofMinutes(15)));

        Map<String, ErpOutcome<String>> outcomes = read(policy, ErpResource.CREDIT, "", Set.of("C1"), this::down);

        assertThat(outcomes.get("C1").isSuccess()).isFalse();
        assertThat(outcomes.get("C1").failure().kind()).isEqualTo(ErpException.Kind.UNAVAILABLE);
        assertThat(outcomes.get("C1").failure().erpSystemId()).isEqualTo(SYSTEM);
    }

    @Test
    void servesStaleForGarbageAnswersButNotForNotFound() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        read(policy, ErpResource.CREDIT, "", Set.of("C1", "C2"), this::answerAll);
        clock.advance(Duration.ofMinutes(3));

        Map<String, ErpOutcome<String>> outcomes = read(policy, ErpResource.CREDIT, "", Set.of("C1", "C2"),
                keys -> new ErpBatch<>(Map.of(), Map.of("C1", ErpException.badResponse(SYSTEM, "garbage", null), "C2",
                        ErpException.notFound(SYSTEM, "C2"))));

        assertThat(outcomes.get("C1").freshness().stale()).isTrue();
        assertThat(outcomes.get("C2").failure().kind()).isEqualTo(ErpException.Kind.NOT_FOUND);
    }

    @Test
    void opensTheCircuitAfterFailuresStopsCallingThenHalfOpensAndRecovers() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        for (int i = 0; i < 4; i++) {
            read(policy, ErpResource.ORDERS, OrderQuery.latest(5), Set.of("C" + i), this::down);
        }
        assertThat(breakers.circuitBreaker(SYSTEM).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(policy.health(SYSTEM)).isEqualTo(ErpHealth.DOWN);

        Map<String, ErpOutcome<String>> refused = read(policy, ErpResource.ORDERS, OrderQuery.latest(5), Set.of("C9"),
                this::answerAll);
        assertThat(calls).hasSize(4);
        assertThat(refused.get("C9").failure().kind()).isEqualTo(ErpException.Kind.UNAVAILABLE);
        assertThat(refused.get("C9").failure().getMessage()).contains("circuit open");

        clock.advance(Duration.ofSeconds(31));
        Map<String, ErpOutcome<String>> trial = read(policy, ErpResource.ORDERS, OrderQuery.latest(5), Set.of("C9"),
                this::answerAll);
        assertThat(trial.get("C9").value()).isEqualTo("value of C9");
        assertThat(policy.health(SYSTEM)).isEqualTo(ErpHealth.DEGRADED);
        read(policy, ErpResource.ORDERS, OrderQuery.latest(5), Set.of("C10"), this::answerAll);

        assertThat(breakers.circuitBreaker(SYSTEM).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(policy.health(SYSTEM)).isEqualTo(ErpHealth.UP);
        assertThat(calls).hasSize(6);
    }

    @Test
    void neverCountsRejectedOrNotFoundAgainstTheErp() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        for (int i = 0; i < 6; i++) {
            read(policy, ErpResource.CREDIT, "", Set.of("C" + i), keys -> {
                throw ErpException.rejected(SYSTEM, "no");
            });
        }
        assertThat(breakers.circuitBreaker(SYSTEM).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void answersTimeoutWhenTheErpHangsEvenIfItsThreadIsStillBlocked() {
        CountDownLatch release = new CountDownLatch(1);
        ResilientCachePolicy policy = policy(settings(Duration.ofMillis(200), 1, 4, 0), threads);

        CompletableFuture<Map<String, ErpOutcome<String>>> answer = policy.read(SYSTEM, ErpResource.CREDIT, "",
                Set.of("C1"), keys -> {
                    waitFor(release);
                    return answerAll(keys);
                });

        await().atMost(Duration.ofMillis(200 + 400)).until(answer::isDone);
        assertThat(answer.join().get("C1").failure().kind()).isEqualTo(ErpException.Kind.TIMEOUT);
        release.countDown();
    }

    @Test
    void retriesAReadAfterTheErpsRetryAfter() {
        ResilientCachePolicy policy = policy(retrying(), Runnable::run);
        AtomicInteger attempts = new AtomicInteger();

        Map<String, ErpOutcome<String>> outcomes = read(policy, ErpResource.PRICES, "", Set.of("C1"), keys -> {
            if (attempts.incrementAndGet() == 1) {
                throw rateLimited(Duration.ofSeconds(1));
            }
            return answerAll(keys);
        });

        assertThat(attempts).hasValue(2);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));
        assertThat(outcomes.get("C1").value()).isEqualTo("value of C1");
    }

    @Test
    void retriesWithBackoffWhenTheErpSaysNothing() {
        ResilientCachePolicy policy = policy(retrying(), Runnable::run);

        read(policy, ErpResource.PRICES, "", Set.of("C1"), this::down);

        assertThat(calls).hasSize(2);
        assertThat(pauses).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void doesNotRetryWhenRetryAfterOutlastsTheTimeout() {
        ResilientCachePolicy policy = policy(retrying(), Runnable::run);
        AtomicInteger attempts = new AtomicInteger();

        Map<String, ErpOutcome<String>> outcomes = read(policy, ErpResource.PRICES, "", Set.of("C1"), keys -> {
            attempts.incrementAndGet();
            throw rateLimited(Duration.ofSeconds(2));
        });

        assertThat(attempts).hasValue(1);
        assertThat(pauses).isEmpty();
        assertThat(outcomes.get("C1").failure().retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void neverRetriesRejectedNotFoundOrWrites() {
        ResilientCachePolicy policy = policy(retrying(), Runnable::run);
        AtomicInteger attempts = new AtomicInteger();

        read(policy, ErpResource.CREDIT, "", Set.of("C1"), keys -> {
            attempts.incrementAndGet();
            throw ErpException.rejected(SYSTEM, "blocked");
        });
        read(policy, ErpResource.CREDIT, "", Set.of("C2"), keys -> {
            attempts.incrementAndGet();
            throw ErpException.notFound(SYSTEM, "C2");
        });
        try {
            policy.write(SYSTEM, () -> {
                attempts.incrementAndGet();
                throw new ErpException(ErpException.Kind.UNAVAILABLE, SYSTEM, "down");
            });
        }
        catch (ErpException expected) {
            assertThat(expected.kind()).isEqualTo(ErpException.Kind.UNAVAILABLE);
        }

        assertThat(attempts).hasValue(3);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aLiveReadAsksTheErpEveryTimeAndIsRetriedAsReadsAre() {
        ResilientCachePolicy policy = policy(retrying(), Runnable::run);
        AtomicInteger attempts = new AtomicInteger();

        String first = policy.readLive(SYSTEM, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ErpException(ErpException.Kind.UNAVAILABLE, SYSTEM, "connection reset");
            }
            return "SO-" + attempts.get();
        });
        String second = policy.readLive(SYSTEM, () -> "SO-" + attempts.incrementAndGet());

        assertThat(first).isEqualTo("SO-2");
        assertThat(second).isEqualTo("SO-3");
        assertThat(pauses).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void aLiveReadsFailureReachesTheCallerAsTheErpsOwn() {
        ResilientCachePolicy policy = policy(retrying(), Runnable::run);
        ErpException refused = ErpException.rejected(SYSTEM, "not allowed");

        Throwable thrown = catchThrowable(() -> policy.readLive(SYSTEM, () -> {
            throw refused;
        }));

        assertThat(thrown).isSameAs(refused);
        assertThat(pauses).isEmpty();
    }

    @Test
    void refusesCallsBeyondTheBulkheadWithoutSendingThem() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ResilientCachePolicy policy = policy(settings(Duration.ofMillis(400), 1, 1, 0), threads);
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<Map<String, ErpOutcome<String>>> first = policy.read(SYSTEM, ErpResource.CREDIT, "",
                Set.of("C1"), keys -> {
                    sent.incrementAndGet();
                    inside.countDown();
                    waitFor(release);
                    return answerAll(keys);
                });
        assertThat(inside.await(2, TimeUnit.SECONDS)).isTrue();

        Map<String, ErpOutcome<String>> second = policy
            .<String, String>read(SYSTEM, ErpResource.CREDIT, "", Set.of("C2"), keys -> {
                sent.incrementAndGet();
                return answerAll(keys);
            })
            .get(2, TimeUnit.SECONDS);

        assertThat(second.get("C2").failure().kind()).isEqualTo(ErpException.Kind.UNAVAILABLE);
        assertThat(second.get("C2").failure().getMessage()).contains("bulkhead");
        assertThat(sent).hasValue(1);
        release.countDown();
        first.get(2, TimeUnit.SECONDS);
    }

    @Test
    void aReadOfKeysAlreadyOnTheirWayJoinsThemAndAsksTheErpOnlyForTheRest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ResilientCachePolicy policy = policy(settings(), threads);
        CompletableFuture<Map<String, ErpOutcome<String>>> first = heldStockRead(policy, List.of("SKU-1", "SKU-2"),
                release, this::answerAll);

        CompletableFuture<Map<String, ErpOutcome<String>>> second = policy.read(SYSTEM, ErpResource.INVENTORY, "*",
                new LinkedHashSet<>(List.of("SKU-2", "SKU-3")), this::answerAll);
        // SKU-2's answer is the first read's: the second cannot be done before it.
        assertThat(second).isNotDone();
        release.countDown();

        Map<String, ErpOutcome<String>> joined = second.get(2, TimeUnit.SECONDS);
        assertThat(joined.get("SKU-2")).isSameAs(first.get(2, TimeUnit.SECONDS).get("SKU-2"));
        assertThat(joined.get("SKU-2").value()).isEqualTo("value of SKU-2");
        assertThat(joined.get("SKU-3").value()).isEqualTo("value of SKU-3");
        assertThat(calls).containsExactlyInAnyOrder(Set.of("SKU-3"), Set.of("SKU-1", "SKU-2"));
        assertThat(
                meters.get("erp.cache.gets").tag("cache", "erp1.inventory").tag("result", "joined").counter().count())
            .isEqualTo(1);
    }

    @Test
    void aJoinedReadGetsTheFailureOfTheReadItJoinedAndNothingStaysOnItsWay() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ResilientCachePolicy policy = policy(settings(), threads);
        CompletableFuture<Map<String, ErpOutcome<String>>> first = heldStockRead(policy, List.of("SKU-1"), release,
                this::down);
        CompletableFuture<Map<String, ErpOutcome<String>>> joined = policy.read(SYSTEM, ErpResource.INVENTORY, "*",
                Set.of("SKU-1"), this::answerAll);
        assertThat(joined).isNotDone();

        release.countDown();

        assertThat(joined.get(2, TimeUnit.SECONDS).get("SKU-1").failure().kind())
            .isEqualTo(ErpException.Kind.UNAVAILABLE);
        assertThat(first.join().get("SKU-1")).isSameAs(joined.join().get("SKU-1"));
        Map<String, ErpOutcome<String>> after = policy
            .<String, String>read(SYSTEM, ErpResource.INVENTORY, "*", Set.of("SKU-1"), this::answerAll)
            .get(2, TimeUnit.SECONDS);
        assertThat(after.get("SKU-1").value()).isEqualTo("value of SKU-1");
        assertThat(calls).containsExactly(Set.of("SKU-1"), Set.of("SKU-1"));
    }

    @Test
    void refusesCallsOverTheRateLimit() {
        ResilientCachePolicy policy = policy(settings(Duration.ofMillis(200), 1, 4, 1), Runnable::run);

        read(policy, ErpResource.CREDIT, "", Set.of("C1"), this::answerAll);
        Map<String, ErpOutcome<String>> limited = read(policy, ErpResource.CREDIT, "", Set.of("C2"), this::answerAll);

        assertThat(calls).hasSize(1);
        assertThat(limited.get("C2").failure().getMessage()).contains("rate limit");
        assertThat(breakers.circuitBreaker(SYSTEM).getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void evictsEveryQueryVariantOfACustomersOrders() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        read(policy, ErpResource.ORDERS, OrderQuery.latest(5), Set.of("C1", "C2"), this::answerAll);
        read(policy, ErpResource.ORDERS, OrderQuery.latest(20), Set.of("C1"), this::answerAll);
        calls.clear();

        policy.evict(ErpEviction.customers(SYSTEM, ErpResource.ORDERS, Set.of("C1")));
        read(policy, ErpResource.ORDERS, OrderQuery.latest(5), Set.of("C1", "C2"), this::answerAll);
        read(policy, ErpResource.ORDERS, OrderQuery.latest(20), Set.of("C1"), this::answerAll);

        assertThat(calls).containsExactly(Set.of("C1"), Set.of("C1"));
    }

    @Test
    void evictsASkuInEveryWarehouseVariant() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        read(policy, ErpResource.INVENTORY, "CLE", Set.of("S1", "S2"), this::answerAll);
        read(policy, ErpResource.INVENTORY, "*", Set.of("S1"), this::answerAll);
        calls.clear();

        policy.evict(ErpEviction.skus(SYSTEM, ErpResource.INVENTORY, Set.of("S1")));
        read(policy, ErpResource.INVENTORY, "CLE", Set.of("S1", "S2"), this::answerAll);
        read(policy, ErpResource.INVENTORY, "*", Set.of("S1"), this::answerAll);

        assertThat(calls).containsExactly(Set.of("S1"), Set.of("S1"));
    }

    @Test
    void evictsAnItemsPricesForEveryCustomerAndQuantity() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        PriceKey a = new PriceKey("C1", "S1", BigDecimal.ONE);
        PriceKey b = new PriceKey("C2", "S1", BigDecimal.TEN);
        PriceKey other = new PriceKey("C1", "S2", BigDecimal.ONE);
        List<Set<PriceKey>> priceCalls = new ArrayList<>();
        Function<Set<PriceKey>, ErpBatch<PriceKey, String>> erp = keys -> {
            priceCalls.add(keys);
            Map<PriceKey, String> values = new HashMap<>();
            keys.forEach(key -> values.put(key, "price"));
            return ErpBatch.of(values);
        };
        policy.read(SYSTEM, ErpResource.PRICES, "", Set.of(a, b, other), erp).join();

        policy.evict(ErpEviction.skus(SYSTEM, ErpResource.PRICES, Set.of("S1")));
        policy.read(SYSTEM, ErpResource.PRICES, "", Set.of(a, b, other), erp).join();

        assertThat(priceCalls).containsExactly(Set.of(a, b, other), Set.of(a, b));
    }

    @Test
    void evictsAnOrderByNumberAndEveryListHoldingIt() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        var order = new SalesOrder("id-1", "SO-1", "C1", OrderStatus.OPEN, LocalDate.of(2026, 10, 1), null,
                new Money(BigDecimal.TEN, "USD"), List.of());
        policy
            .read(SYSTEM, ErpResource.ORDERS, OrderQuery.latest(5), Set.of("C1"),
                    keys -> ErpBatch.of(Map.of("C1", List.of(order))))
            .join();
        policy
            .read(SYSTEM, ErpResource.ORDERS, ErpCache.BY_NUMBER, Set.of("SO-1"),
                    keys -> ErpBatch.of(Map.of("SO-1", order)))
            .join();
        AtomicInteger reads = new AtomicInteger();

        policy.evict(ErpEviction.orderNumbers(SYSTEM, Set.of("SO-1")));
        policy.read(SYSTEM, ErpResource.ORDERS, OrderQuery.latest(5), Set.of("C1"), keys -> {
            reads.incrementAndGet();
            return ErpBatch.of(Map.of("C1", List.of(order)));
        }).join();
        policy.read(SYSTEM, ErpResource.ORDERS, ErpCache.BY_NUMBER, Set.of("SO-1"), keys -> {
            reads.incrementAndGet();
            return ErpBatch.of(Map.of("SO-1", order));
        }).join();

        assertThat(reads).hasValue(2);
    }

    @Test
    void evictsAnOrdersShipmentsAndACustomersInvoicesWhereverTheyAreCached() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        var shipment = new Shipment("D-1", "D-1", "C1", LocalDate.of(2026, 10, 2), ShipmentStatus.SHIPPED, null, null,
                List.of(new ShipmentLine(10, "SKU-1", BigDecimal.ONE, "SO-1", 10)));
        var invoice = new Invoice("I-1", "I-1", "C1", "SO-1", LocalDate.of(2026, 10, 3), LocalDate.of(2026, 11, 2),
                new Money(BigDecimal.TEN, "USD"), new Money(BigDecimal.TEN, "USD"));
        ShipmentQuery shipments = new ShipmentQuery(null, 5);
        InvoiceQuery invoices = new InvoiceQuery(Set.of(), null, 5, LocalDate.of(2026, 11, 1));
        AtomicInteger reads = new AtomicInteger();
        Runnable readAll = () -> {
            policy.read(SYSTEM, ErpResource.SHIPMENTS, shipments, Set.of("C1"), keys -> {
                reads.incrementAndGet();
                return ErpBatch.of(Map.of("C1", List.of(shipment)));
            }).join();
            policy.read(SYSTEM, ErpResource.SHIPMENTS, ErpCache.BY_ORDER, Set.of("SO-1"), keys -> {
                reads.incrementAndGet();
                return ErpBatch.of(Map.of("SO-1", List.of(shipment)));
            }).join();
            policy.read(SYSTEM, ErpResource.INVOICES, invoices, Set.of("C1"), keys -> {
                reads.incrementAndGet();
                return ErpBatch.of(Map.of("C1", List.of(invoice)));
            }).join();
            policy.read(SYSTEM, ErpResource.INVOICES, ErpCache.BY_ORDER, Set.of("SO-1"), keys -> {
                reads.incrementAndGet();
                return ErpBatch.of(Map.of("SO-1", List.of(invoice)));
            }).join();
        };
        readAll.run();
        reads.set(0);

        policy.evict(ErpEviction.orderNumbers(SYSTEM, ErpResource.SHIPMENTS, Set.of("SO-1")));
        policy.evict(ErpEviction.customers(SYSTEM, ErpResource.INVOICES, Set.of("C1")));
        readAll.run();

        // Both shipment entries hold SO-1, both invoice entries are C1's: all four read
        // again; the orders' other resources are untouched.
        assertThat(reads).hasValue(4);
        reads.set(0);
        policy.evict(ErpEviction.orderNumbers(SYSTEM, ErpResource.SHIPMENTS, Set.of("SO-2")));
        policy.evict(ErpEviction.customers(SYSTEM, ErpResource.INVOICES, Set.of("C2")));
        readAll.run();
        assertThat(reads).hasValue(0);
    }

    @Test
    void evictsAllOfAResourceForOneSystemOnly() {
        ResilientCachePolicy policy = policy(settings(), Runnable::run);
        read(policy, ErpResource.CREDIT, "", Set.of("C1"), this::answerAll);
        policy.read("erp2", ErpResource.CREDIT, "", Set.of("C1"), this::answerAll).join();
        calls.clear();

        policy.evict(ErpEviction.all(SYSTEM, ErpResource.CREDIT));
        read(policy, ErpResource.CREDIT, "", Set.of("C1"), this::answerAll);
        policy.read("erp2", ErpResource.CREDIT, "", Set.of("C1"), this::answerAll).join();

        assertThat(calls).containsExactly(Set.of("C1"));
    }

    // --- fixtures

    private ResilientCachePolicy policy(ErpCallSettings settings, Executor executor) {
        return new ResilientCachePolicy(id -> settings, breakers, BulkheadRegistry.ofDefaults(),
                RateLimiterRegistry.ofDefaults(), executor, meters, clock, duration -> {
                    pauses.add(duration);
                    clock.advance(duration);
                }, ObservationRegistry.NOOP);
    }

    /**
     * Defaults as configured, but one attempt and a breaker that judges 4 calls, 2 trials
     * when half-open.
     */
    private static ErpCallSettings settings() {
        return settings(Duration.ofSeconds(2), 1, 8, 0);
    }

    private static ErpCallSettings retrying() {
        return settings(Duration.ofSeconds(2), 2, 8, 0);
    }

    private static ErpCallSettings settings(Duration timeout, int maxAttempts, int maxConcurrentCalls,
            int limitForPeriod) {
        ErpProperties.Resilience resilience = new ErpProperties.Resilience(50, 80, Duration.ofMillis(1500), 4, 4,
                Duration.ofSeconds(30), 2, maxAttempts, Duration.ofMillis(100), null, null, Duration.ofHours(1));
        return new ErpCallSettings(timeout,
                Map.of(ErpResource.ORDERS, Duration.ofSeconds(60), ErpResource.INVENTORY, Duration.ofSeconds(30),
                        ErpResource.PRICES, Duration.ofMinutes(5), ErpResource.CREDIT, Duration.ofMinutes(2),
                        ErpResource.SHIPMENTS, Duration.ofMinutes(2), ErpResource.INVOICES, Duration.ofMinutes(2)),
                Duration.ofMinutes(15), 1000, resilience, maxConcurrentCalls, limitForPeriod);
    }

    /**
     * A stock read whose ERP call has begun and answers with {@code erp} only once
     * {@code release} is open.
     */
    private CompletableFuture<Map<String, ErpOutcome<String>>> heldStockRead(ResilientCachePolicy policy,
            List<String> keys, CountDownLatch release, Function<Set<String>, ErpBatch<String, String>> erp)
            throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<Map<String, ErpOutcome<String>>> read = policy.read(SYSTEM, ErpResource.INVENTORY, "*",
                new LinkedHashSet<>(keys), misses -> {
                    inside.countDown();
                    waitFor(release);
                    return erp.apply(misses);
                });
        assertThat(inside.await(2, TimeUnit.SECONDS)).isTrue();
        return read;
    }

    private Map<String, ErpOutcome<String>> read(ResilientCachePolicy policy, ErpResource resource, Object variant,
            Set<String> keys, Function<Set<String>, ErpBatch<String, String>> erp) {
        return policy.read(SYSTEM, resource, variant, new LinkedHashSet<>(keys), erp).join();
    }

    private ErpBatch<String, String> answerAll(Set<String> keys) {
        calls.add(Set.copyOf(keys));
        Map<String, String> values = new HashMap<>();
        keys.forEach(key -> values.put(key, "value of " + key));
        return ErpBatch.of(values);
    }

    private ErpBatch<String, String> down(Set<String> keys) {
        calls.add(Set.copyOf(keys));
        throw new ErpException(ErpException.Kind.UNAVAILABLE, SYSTEM, "503 from the ERP");
    }

    private static ErpException rateLimited(Duration retryAfter) {
        return new ErpException(ErpException.Kind.UNAVAILABLE, SYSTEM, "429", null, retryAfter, null);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock that only moves when the test says so. */
    static final class ManualClock extends Clock {

        private volatile Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

    }

}
