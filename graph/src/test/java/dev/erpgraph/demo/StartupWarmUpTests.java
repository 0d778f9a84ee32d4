package dev.erpgraph.demo;

import java.util.Map;
import java.util.TreeMap;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start of the embedded default serves itself account-360 pages before it is ready,
 * through every ERP connector, and leaves nothing behind: the gateway cache is empty and
 * every circuit breaker closed, so the first client's page is a cold read of every ERP
 * like any other. Its own context, the one with the warm-up on (the others turn it off),
 * and with breakers that open on a system's first call (every call counts as slow), so
 * that the warm-up opens them all and the start must close them again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "graph.warm-up.enabled=true", "graph.warm-up.pages=4", "graph.warm-up.accounts-per-page=10",
                "graph.warm-up.concurrency=2", "graph.warm-up.time-limit=2m", "graph.warm-up.start-budget=10m",
                "sandbox.latency-ms=0", "sandbox.latency-jitter-ms=0", "erp.timeout=10s",
                "erp.resilience.slow-call-duration=1ms", "erp.resilience.slow-call-rate-threshold=1",
                "erp.resilience.minimum-number-of-calls=1" })
@AutoConfigureHttpGraphQlTester
@ExtendWith(OutputCaptureExtension.class)
class StartupWarmUpTests {

    private static final String ONE_ACCOUNTS_ORDERS = """
            query($erp: ID!) { accounts(first: 1, filter: { erpSystemId: $erp }) { nodes { orders(first: 5) { number } } } }""";

    @Autowired
    private SandboxRegistry sandboxes;

    @Autowired
    private CircuitBreakerRegistry breakers;

    private HttpGraphQlTester graphQl;

    @Autowired
    void setGraphQl(HttpGraphQlTester graphQl, @Value("${local.server.port}") int port) {
        this.graphQl = DemoTokens.signedIn(graphQl, port, DemoTokens.MANAGER);
    }

    @Test
    void theWarmUpPagesReadEveryErpThroughItsConnectorBeforeTheServerIsReady(CapturedOutput output) {
        assertThat(output).contains("Start-up warm-up: 4 account-360 pages");
        Map<String, Long> reads = new TreeMap<>();
        sandboxes.all().forEach(sandbox -> {
            Map<String, Long> byResource = new TreeMap<>(sandbox.stats().snapshot().byResource());
            byResource.remove("token");
            reads.put(sandbox.id(), byResource.values().stream().mapToLong(Long::longValue).sum());
        });
        // Pages of 10 accounts take the five systems in turn: each is asked for its
        // customers' data (until its breaker opens).
        assertThat(reads).containsOnlyKeys("business-central", "netsuite", "p21", "sap", "sxe");
        assertThat(reads.values()).allSatisfy(count -> assertThat(count).isPositive());
    }

    @Test
    void theFirstClientsPageIsAColdReadWithEveryBreakerTheWarmUpOpenedClosedAgain() {
        assertThat(breakers.getAllCircuitBreakers()).allSatisfy(
                breaker -> assertThat(breaker.getState()).as(breaker.getName()).isEqualTo(CircuitBreaker.State.CLOSED));
        Sandbox sap = sandboxes.find("sap").orElseThrow();
        long before = sap.stats().snapshot().byResource().getOrDefault("orders", 0L);
        graphQl.document(ONE_ACCOUNTS_ORDERS).variable("erp", "sap").execute().errors().verify();
        // The warm-up read this account's orders; they were not left in the cache.
        assertThat(sap.stats().snapshot().byResource().getOrDefault("orders", 0L)).isEqualTo(before + 1);
    }

}
