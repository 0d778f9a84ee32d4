package dev.erpgraph.erp.gateway;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ErpProbe;
import dev.erpgraph.erp.config.ErpProperties;
import dev.erpgraph.erp.config.ErpSystemProperties;
import dev.erpgraph.erp.events.SignedChangeEvents;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The connector self-check over connectors whose probes answer as told, through the
 * gateway's own call policy: what each failure is reported as, the system's health while
 * one endpoint is unusable, and a check of every system that never holds up its caller
 * (start-up) while an ERP is slow.
 */
class ErpSelfCheckTests {

    private static final String SYSTEM = "erp-1";

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private ErpSelfCheck selfCheck;

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void eachEndpointIsReportedAsItsProbeAnswered() {
        ErpGateway gateway = gateway(List.of(new ErpProbe("Orders", null, () -> {
        }), new ErpProbe("Credit", "credit.path", () -> {
            throw ErpException.misconfigured(SYSTEM, "Resource not found for segment 'Credit'", "Credit", "credit.path",
                    null);
        }), new ErpProbe("Stock", null, () -> {
            throw new ErpException(ErpException.Kind.UNAUTHORIZED, SYSTEM, "HTTP 403: no rights");
        }), new ErpProbe("Prices", null, () -> {
            throw new ErpException(ErpException.Kind.TIMEOUT, SYSTEM, "no answer within 1000 ms");
        })));
        assertThat(gateway.checks(SYSTEM)).isEmpty();
        assertThat(gateway.health(SYSTEM)).isEqualTo(ErpHealth.UP);

        List<ErpResourceCheck> checks = gateway.check(SYSTEM).join();

        assertThat(checks).extracting(ErpResourceCheck::resource, ErpResourceCheck::status)
            .containsExactly(tuple("Orders", ErpResourceStatus.USABLE), tuple("Credit", ErpResourceStatus.MISSING),
                    tuple("Stock", ErpResourceStatus.UNAUTHORIZED), tuple("Prices", ErpResourceStatus.UNREACHABLE));
        assertThat(checks.get(0).message()).isNull();
        assertThat(checks.get(1).option()).isEqualTo("erp.systems.erp-1.options.credit.path");
        assertThat(checks.get(1).message()).startsWith("Resource not found for segment 'Credit'")
            .contains("erp.systems.erp-1.options.credit.path");
        assertThat(checks.get(2).message()).contains("no rights");
        assertThat(checks.get(3).message()).contains("TIMEOUT");
        assertThat(gateway.checks(SYSTEM)).isEqualTo(checks);
        assertThat(gateway.health(SYSTEM)).isEqualTo(ErpHealth.DEGRADED);
    }

    @Test
    void aSystemWhoseEndpointsAllAnswerStaysUp() {
        ErpGateway gateway = gateway(List.of(new ErpProbe("Orders", null, () -> {
        })));

        gateway.check(SYSTEM).join();

        assertThat(gateway.checks(SYSTEM)).singleElement().satisfies(check -> assertThat(check.usable()).isTrue());
        assertThat(gateway.health(SYSTEM)).isEqualTo(ErpHealth.UP);
    }

    @Test
    void checkingEverySystemNeverWaitsForASlowErp() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        ErpGateway gateway = gateway(List.of(new ErpProbe("Orders", null, () -> {
            try {
                slow.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        })));

        CompletableFuture<Void> all = selfCheck.checkAll();

        assertThat(all).isNotDone();
        assertThat(gateway.checks(SYSTEM)).isEmpty();
        slow.countDown();
        all.get(10, TimeUnit.SECONDS);
        assertThat(gateway.checks(SYSTEM)).singleElement()
            .satisfies(check -> assertThat(check.status()).isEqualTo(ErpResourceStatus.USABLE));
    }

    @Test
    void anUnknownSystemCannotBeChecked() {
        ErpGateway gateway = gateway(List.of());

        assertThatThrownBy(() -> gateway.check("nope")).isInstanceOfSatisfying(ErpException.class,
                ex -> assertThat(ex.kind()).isEqualTo(ErpException.Kind.NOT_FOUND));
    }

    private ErpGateway gateway(List<ErpProbe> probes) {
        ErpConnector connector = (ErpConnector) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ErpConnector.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "probes" -> probes;
                    case "systemId" -> SYSTEM;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ErpConnectorFactory factory = new ErpConnectorFactory(ErpKind.SAP_S4HANA, ErpCallLimits.UNPUBLISHED,
                SignedChangeEvents::parse, (settings, http) -> connector) {
        };
        ErpSystems systems = new ErpSystems(
                Map.of(SYSTEM,
                        new ErpSystemProperties(ErpKind.SAP_S4HANA, null, "http://erp.invalid", null, null, null,
                                null)),
                List.of(factory), Duration.ofSeconds(1), UnaryOperator.identity(), new SimpleMeterRegistry());
        ErpCallPolicy policy = policy();
        selfCheck = new ErpSelfCheck(systems, policy, threads, Clock.systemUTC());
        return new ErpGateway(systems, policy, selfCheck);
    }

    /**
     * The gateway's own call policy: one attempt per probe, a breaker that needs more
     * calls than these tests make.
     */
    private ResilientCachePolicy policy() {
        ErpProperties.Resilience resilience = new ErpProperties.Resilience(50, 80, Duration.ofMillis(1500), 20, 10,
                Duration.ofSeconds(30), 2, 1, Duration.ofMillis(100), null, null, Duration.ofHours(1));
        ErpCallSettings settings = new ErpCallSettings(Duration.ofSeconds(15),
                Map.of(ErpResource.ORDERS, Duration.ofSeconds(60), ErpResource.INVENTORY, Duration.ofSeconds(30),
                        ErpResource.PRICES, Duration.ofMinutes(5), ErpResource.CREDIT, Duration.ofMinutes(2),
                        ErpResource.SHIPMENTS, Duration.ofMinutes(2), ErpResource.INVOICES, Duration.ofMinutes(2)),
                Duration.ofMinutes(15), 1000, resilience, 8, 0);
        return new ResilientCachePolicy(id -> settings, CircuitBreakerRegistry.ofDefaults(),
                BulkheadRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults(), threads, new SimpleMeterRegistry(),
                Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()), ObservationRegistry.NOOP);
    }

}
