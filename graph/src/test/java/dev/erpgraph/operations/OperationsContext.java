package dev.erpgraph.operations;

import java.util.Map;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erp.gateway.ErpSystems;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server as an operator runs it: traces recorded (every one sampled) and
 * exported to an in-memory exporter instead of an OTLP collector, and a quota watch that
 * turns a system {@code DEGRADED} at 0.2 % of its quota (12 of Business Central's 6,000
 * requests per 5 minutes), so that a test reaches it with a few pages. The operations
 * test classes extend this and add no configuration, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sandbox.latency-ms=0", "sandbox.latency-jitter-ms=0", "erp.timeout=10s",
                "management.tracing.sampling.probability=1.0", "erp.quota.degraded-at=0.002",
                "graph.security.rate-limit.requests-per-minute=1000000" })
@AutoConfigureTracing
@AutoConfigureHttpGraphQlTester
@Import(OperationsContext.InMemorySpans.class)
abstract class OperationsContext {

    /** The exporter Boot's batch span processor hands every finished span to. */
    @TestConfiguration(proxyBeanMethods = false)
    static class InMemorySpans {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }

    }

    /** Signed in as {@code demo-manager}. */
    protected HttpGraphQlTester graphQl;

    @LocalServerPort
    protected int port;

    @Autowired
    protected ErpGateway gateway;

    @Autowired
    void setGraphQl(HttpGraphQlTester graphQl, @Value("${local.server.port}") int port) {
        this.graphQl = DemoTokens.signedIn(graphQl, port, DemoTokens.MANAGER);
    }

    /** Every value of every system dropped: the next page asks the ERPs. */
    protected void coldCache() {
        for (ErpSystems.ErpSystem system : gateway.systems().all()) {
            for (ErpResource resource : ErpResource.values()) {
                gateway.evictAll(system.id(), resource);
            }
        }
    }

    /** {@code PUT /sandbox/{id}/_admin/faults}. */
    protected void faults(String erp, Map<String, Object> faults) {
        assertThat(admin().put()
            .uri("/sandbox/{id}/_admin/faults", erp)
            .contentType(MediaType.APPLICATION_JSON)
            .body(faults)
            .retrieve()
            .toBodilessEntity()
            .getStatusCode()
            .value()).isEqualTo(200);
    }

    /**
     * Every token the sandbox issued is refused from now on: the next call fetches one.
     */
    protected void revokeTokens(String erp) {
        assertThat(admin().post()
            .uri("/sandbox/{id}/_admin/tokens/revoke", erp)
            .retrieve()
            .toBodilessEntity()
            .getStatusCode()
            .is2xxSuccessful()).isTrue();
    }

    private RestClient admin() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

}
