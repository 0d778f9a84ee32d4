package dev.erpgraph.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ErpProbe;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentQuery;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.businesscentral.BusinessCentralConnectorFactory;
import dev.erpgraph.erp.events.ErpEvents;
import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erp.gateway.StockRef;
import dev.erpgraph.erp.netsuite.NetSuiteConnectorFactory;
import dev.erpgraph.erp.sap.SapConnectorFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /erp-events/{id}} over real HTTP against configured systems whose
 * connectors count their calls: an accepted event evicts exactly what it names (the next
 * read asks the ERP again), a refused one evicts nothing; plus Business Central's
 * handshake, the per-ERP health and the metrics on Prometheus.
 */
@SpringBootTest(
        classes = { ErpEventsEndpointTests.EventsTestApplication.class,
                ErpEventsEndpointTests.CountingConnectors.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.graphql.schema.locations=classpath:graphql-events-test/", "erp.systems.ns.kind=NETSUITE",
                "erp.systems.ns.base-url=http://erp.invalid",
                "erp.systems.ns.events.secret=" + ErpEventsEndpointTests.SECRET, "erp.systems.bc.kind=BUSINESS_CENTRAL",
                "erp.systems.bc.base-url=http://erp.invalid",
                "erp.systems.bc.events.secret=" + ErpEventsEndpointTests.SECRET, "erp.systems.sap.kind=SAP_S4HANA",
                "erp.systems.sap.base-url=http://erp.invalid",
                "erp.systems.sap.events.secret=" + ErpEventsEndpointTests.SECRET })
class ErpEventsEndpointTests {

    static final String SECRET = "endpoint-test-secret";

    /** Connector calls per system and resource, e.g. {@code ns.credit}. */
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    ErpGateway gateway;

    @BeforeEach
    void emptyCaches() {
        for (String system : List.of("ns", "bc", "sap")) {
            for (var resource : ErpResource.values()) {
                gateway.evictAll(system, resource);
            }
        }
        CALLS.clear();
    }

    @Test
    void answersBusinessCentralsValidationHandshake() {
        ResponseEntity<String> answer = post("/erp-events/bc?validationToken=tok-123_abc", Map.of(), "");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(answer.getBody()).isEqualTo("tok-123_abc");
        assertThat(post("/erp-events/nope?validationToken=x", Map.of(), "").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aSignedEventEvictsTheNamedCustomersCredit() {
        credit("ns", "C1", "C2");
        credit("ns", "C1", "C2");
        assertThat(calls("ns.credit")).isEqualTo(1);

        String body = "{\"resource\":\"credit\",\"customerNumbers\":[\"C1\"]}";
        ResponseEntity<String> answer = post("/erp-events/ns", signed(body, SECRET), body);

        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        assertThat(answer.getBody()).isEqualTo("{\"evictions\":1}");
        credit("ns", "C1", "C2");
        assertThat(calls("ns.credit")).isEqualTo(2);
        assertThat(CALLS.get("ns.credit.keys").get()).isEqualTo(3);
    }

    @Test
    void aBadSignatureIsRefusedAndEvictsNothing() {
        credit("ns", "C1");
        String body = "{\"resource\":\"credit\",\"customerNumbers\":[\"C1\"]}";

        ResponseEntity<String> forged = post("/erp-events/ns", signed(body, "guessed"), body);
        ResponseEntity<String> unsigned = post("/erp-events/ns", Map.of(), body);

        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(unsigned.getStatusCode().value()).isEqualTo(401);
        assertThat(forged.getBody()).contains("\"error\":\"FORBIDDEN\"").doesNotContain("Exception", "at dev.");
        credit("ns", "C1");
        assertThat(calls("ns.credit")).isEqualTo(1);
    }

    @Test
    void aBusinessCentralItemNotificationEvictsItsStock() {
        stock("bc", "S1");
        String body = """
                {"value":[{"subscriptionId":"s","clientState":"%s","expirationDateTime":"2026-11-05T00:00:00Z",
                  "resource":"api/v2.0/companies(1)/items(5d115c9c-44e3-ea11-bb43-000d3a2feca1)",
                  "changeType":"updated","lastModifiedDateTime":"2026-11-02T00:00:00Z"}]}""".formatted(SECRET);

        assertThat(post("/erp-events/bc", Map.of(), body).getStatusCode().value()).isEqualTo(202);
        stock("bc", "S1");

        assertThat(calls("bc.inventory")).isEqualTo(2);
    }

    @Test
    void aBusinessCentralNotificationWithTheWrongClientStateIsRefused() {
        stock("bc", "S1");
        String body = """
                {"value":[{"clientState":"nope","resource":"api/v2.0/companies(1)/items(1)","changeType":"updated"}]}""";

        assertThat(post("/erp-events/bc", Map.of(), body).getStatusCode().value()).isEqualTo(403);
        stock("bc", "S1");
        assertThat(calls("bc.inventory")).isEqualTo(1);
    }

    @Test
    void sapBusinessEventsNeedTheirBasicCredentialsAndAWellFormedCloudEvent() {
        stock("sap", "PVC-10000");
        String event = """
                {"specversion":"1.0","id":"1","source":"/default/sap.s4.beh/244",
                 "type":"sap.s4.beh.materialstock.v1.MaterialStock.Changed.v1","data":{"Material":"PVC-10000"}}""";
        Map<String, String> auth = Map.of("Authorization", ErpEvents.sapAuthorization(SECRET));

        assertThat(post("/erp-events/sap", Map.of(), event).getStatusCode().value()).isEqualTo(401);
        assertThat(post("/erp-events/sap", auth, "{\"specversion\":\"1.0\"").getStatusCode().value()).isEqualTo(400);
        stock("sap", "PVC-10000");
        assertThat(calls("sap.inventory")).isEqualTo(1);

        assertThat(post("/erp-events/sap", auth, event).getStatusCode().value()).isEqualTo(202);
        stock("sap", "PVC-10000");
        assertThat(calls("sap.inventory")).isEqualTo(2);
    }

    @Test
    void anUnknownSystemIs404() {
        assertThat(post("/erp-events/nope", Map.of(), "{}").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void reportsEachErpsHealthWithoutTakingTheApplicationDown() {
        credit("ns", "C1");
        JsonNode health = JsonMapper.builder()
            .build()
            .readTree(http().get().uri("/actuator/health").retrieve().body(String.class));

        assertThat(health.path("status").asString()).isEqualTo("UP");
        JsonNode ns = health.path("components").path("erp").path("components").path("ns");
        assertThat(ns.path("status").asString()).isEqualTo("UP");
        assertThat(ns.path("details").path("health").asString()).isEqualTo("UP");
        assertThat(ns.path("details").path("kind").asString()).isEqualTo("NETSUITE");
    }

    @Test
    void exposesTheGatewayAndBreakerMetricsOnPrometheus() {
        credit("ns", "C1");
        credit("ns", "C1");
        String metrics = http().get().uri("/actuator/prometheus").retrieve().body(String.class);

        assertThat(metrics).contains("erp_cache_gets_total{cache=\"ns.credit\",result=\"hit\"}")
            .contains("erp_cache_gets_total{cache=\"ns.credit\",result=\"miss\"}");
        assertThat(metrics).contains("erp_batch_size_count{erp=\"ns\",resource=\"credit\"}");
        assertThat(metrics).contains("resilience4j_circuitbreaker_state{name=\"ns\",state=\"closed\"} 1.0");
        assertThat(metrics).contains("resilience4j_bulkhead_max_allowed_concurrent_calls{name=\"ns\"} 3.0");
    }

    // --- fixtures

    private void credit(String system, String... customers) {
        Set<CustomerRef> refs = new HashSet<>();
        for (String customer : customers) {
            refs.add(new CustomerRef(system, customer));
        }
        gateway.credit(refs)
            .join()
            .values()
            .forEach(outcome -> assertThat(outcome.isSuccess()).as(String.valueOf(outcome.failure())).isTrue());
    }

    private void stock(String system, String sku) {
        gateway.stock(Set.of(new StockRef(system, sku, null)))
            .join()
            .values()
            .forEach(outcome -> assertThat(outcome.isSuccess()).as(String.valueOf(outcome.failure())).isTrue());
    }

    private static int calls(String name) {
        AtomicInteger count = CALLS.get(name);
        return count == null ? 0 : count.get();
    }

    private static Map<String, String> signed(String body, String secret) {
        return Map.of(ErpEvents.SIGNATURE_HEADER, ErpEvents.signature(body.getBytes(StandardCharsets.UTF_8), secret));
    }

    private ResponseEntity<String> post(String path, Map<String, String> headers, String body) {
        return http().post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> headers.forEach(h::set))
            .body(body.getBytes(StandardCharsets.UTF_8))
            .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private RestClient http() {
        return RestClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .defaultHeader(HttpHeaders.AUTHORIZATION, DemoTokens.bearer(port, DemoTokens.MANAGER))
            .build();
    }

    /**
     * Connectors that answer every key and count what they were asked, per system and
     * resource.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountingConnectors {

        @Bean
        ErpConnectorFactory netSuiteForTests() {
            return counting(new NetSuiteConnectorFactory());
        }

        @Bean
        ErpConnectorFactory businessCentralForTests() {
            return counting(new BusinessCentralConnectorFactory());
        }

        @Bean
        ErpConnectorFactory sapForTests() {
            return counting(new SapConnectorFactory());
        }

        /** The ERP's own factory (limits, event parser) with a counting connector. */
        private static ErpConnectorFactory counting(ErpConnectorFactory real) {
            return new ErpConnectorFactory(real.kind(), real.defaultLimits(), real.eventParser(),
                    (settings, http) -> new CountingConnector(settings.systemId(), real.kind())) {
            };
        }

    }

    record CountingConnector(String systemId, ErpKind kind) implements ErpConnector {

        @Override
        public List<ErpProbe> probes() {
            return List.of();
        }

        @Override
        public Set<ErpCapability> capabilities() {
            return Set.of();
        }

        @Override
        public ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
            count("credit", customerNumbers.size());
            Money money = new Money(BigDecimal.TEN, "USD");
            Map<String, CreditStatus> values = new HashMap<>();
            customerNumbers.forEach(c -> values.put(c, new CreditStatus(money, money, money, false, "NET30")));
            return ErpBatch.of(values);
        }

        @Override
        public ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
            count("inventory", skus.size());
            Map<String, List<StockLevel>> values = new HashMap<>();
            skus.forEach(sku -> values.put(sku, List.of(new StockLevel(sku, "CLE", BigDecimal.ONE, BigDecimal.ONE))));
            return ErpBatch.of(values);
        }

        @Override
        public ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query) {
            count("shipments", customerNumbers.size());
            Map<String, List<Shipment>> values = new HashMap<>();
            customerNumbers.forEach(customer -> values.put(customer, List.of()));
            return ErpBatch.of(values);
        }

        @Override
        public ErpBatch<String, List<Shipment>> shipmentsByOrder(Set<String> orderNumbers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query) {
            count("invoices", customerNumbers.size());
            Map<String, List<Invoice>> values = new HashMap<>();
            customerNumbers.forEach(customer -> values.put(customer, List.of()));
            return ErpBatch.of(values);
        }

        @Override
        public ErpBatch<String, List<Invoice>> invoicesByOrder(Set<String> orderNumbers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String createSalesOrder(SalesOrderRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> findSalesOrder(SalesOrderRequest request) {
            throw new UnsupportedOperationException();
        }

        private void count(String resource, int keys) {
            CALLS.computeIfAbsent(systemId + "." + resource, name -> new AtomicInteger()).incrementAndGet();
            CALLS.computeIfAbsent(systemId + "." + resource + ".keys", name -> new AtomicInteger()).addAndGet(keys);
        }
    }

    /**
     * Nested in the test class so that the real application's component scan never picks
     * it (or the counting connectors it scans) up in other test contexts. The application
     * without its GraphQL resolvers: the gateway, the events endpoint, the eviction
     * channel, the ERP health and the security, so that the events tests do not depend on
     * the rest of the schema being wired (but with the change feed the endpoint tells).
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = { OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class })
    @ConfigurationPropertiesScan({ "dev.erpgraph.erp", "dev.erpgraph.security" })
    @ComponentScan(
            basePackages = { "dev.erpgraph.erp", "dev.erpgraph.events", "dev.erpgraph.changes", "dev.erpgraph.health",
                    "dev.erpgraph.security" },
            // The tests bring connectors that count their calls; the real ones would call
            // the ERP.
            excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                    classes = ErpConnectorFactory.class))
    static class EventsTestApplication {

    }

}
