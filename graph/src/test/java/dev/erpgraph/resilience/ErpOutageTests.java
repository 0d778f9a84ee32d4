package dev.erpgraph.resilience;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.ErpGraphApplication;
import dev.erpgraph.TestPostgres;
import dev.erpgraph.erp.events.ErpEvents;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.events.ClusterEvictions;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outage acceptance tests, over real HTTP against the sandbox ERPs, whose faults are
 * set through their admin API ({@code PUT /sandbox/{id}/_admin/faults}): stale last-known
 * values while an ERP is down, typed errors on a cold page, the circuit breaker opening
 * and recovering, the timeout bounding a slow ERP, garbage from an ERP, change events
 * evicting what they name (and forged ones evicting nothing), and an eviction reaching a
 * second server on the same PostgreSQL.
 *
 * <p>
 * Its own context: a 1 s ERP timeout, a breaker that judges 4 calls and waits 2 s when
 * open, and a 1 s TTL for credit and orders so that a value can age past it within a test
 * (inventory keeps its 30 s: the change events are tested on stock). Each test that makes
 * an ERP fail uses an ERP of its own; every test starts and ends with calm sandboxes, a
 * cold cache and closed breakers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sandbox.latency-ms=0", "sandbox.latency-jitter-ms=0", "erp.timeout=1s",
                "erp.cache.ttl.credit=1s", "erp.cache.ttl.orders=1s", "erp.resilience.minimum-number-of-calls=4",
                "erp.resilience.sliding-window-size=4", "erp.resilience.wait-in-open-state=2s",
                "erp.resilience.permitted-calls-in-half-open-state=2" })
@AutoConfigureHttpGraphQlTester
class ErpOutageTests {

    /** {@code erp.timeout} of this context. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    /**
     * What a query touching a failing ERP may take end to end: its timeout and a margin
     * for a loaded machine.
     */
    private static final Duration WITHIN_TIMEOUT = Duration.ofMillis(2500);

    /** The demo systems' events secret (demo.erp.events-secret in application.yaml). */
    private static final String DEMO_EVENTS_SECRET = "erp-graph-demo-events-secret";

    private static final String SKU = "PVC-10000";

    private static final String WAREHOUSE = "CLE";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private static boolean warmedUp;

    @LocalServerPort
    int port;

    @Autowired
    SandboxRegistry sandboxes;

    @Autowired
    ErpGateway gateway;

    @Autowired
    CircuitBreakerRegistry breakers;

    HttpGraphQlTester graphQl;

    @Autowired
    void setGraphQl(HttpGraphQlTester graphQl, @Value("${local.server.port}") int port) {
        this.graphQl = DemoTokens.signedIn(graphQl, port, DemoTokens.MANAGER);
    }

    /**
     * Once: every ERP answers a whole page (tokens fetched, connections open, code warm),
     * so that the 1 s timeout judges the ERPs, not a cold JVM.
     */
    @BeforeEach
    void warmUp() {
        if (warmedUp) {
            return;
        }
        calm();
        for (Sandbox sandbox : sandboxes.all()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                coldCache();
                graphQl.documentName("outagePage")
                    .variable("erpSystemId", sandbox.id())
                    .variable("first", 3)
                    .execute()
                    .errors()
                    .verify();
                stockLevel(sandbox.id()).errors().verify();
            });
        }
        calm();
        warmedUp = true;
    }

    @BeforeEach
    @AfterEach
    void calm() {
        for (Sandbox sandbox : sandboxes.all()) {
            Map<String, Object> calm = new LinkedHashMap<>();
            calm.put("latencyMs", 0);
            calm.put("latencyJitterMs", 0);
            calm.put("down", false);
            calm.put("errorRate", 0.0);
            calm.put("malformed", false);
            calm.put("rateLimitNext", 0);
            calm.put("retryAfterSeconds", 1);
            calm.put("tokenTtlSeconds", 3600);
            faults(sandbox.id(), calm);
        }
        coldCache();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    // --- 1. stale data while an ERP is down

    @Test
    void anErpDownAfterWarmUpServesItsLastKnownValuesFlaggedStaleAndKeepsEveryCrmField() {
        String erp = "sxe";
        List<Map<String, Object>> warm = page(erp).errors()
            .verify()
            .path("accounts.nodes")
            .entityList(MAP)
            .hasSize(3)
            .get();
        assertThat(warm).allSatisfy(account -> {
            assertThat(freshness(account.get("creditStatus"))).containsEntry("fromCache", false)
                .containsEntry("stale", false);
            for (Object order : (List<?>) account.get("orders")) {
                assertThat(freshness(order)).containsEntry("fromCache", false).containsEntry("stale", false);
            }
        });
        assertThat(warm).as("the page shows orders")
            .anySatisfy(account -> assertThat((List<?>) account.get("orders")).isNotEmpty());

        faults(erp, Map.of("down", true));

        // Within the 1 s TTL the page comes from the cache as it is; past it, the ERP is
        // asked, fails, and the
        // last-known values stand in, flagged stale. No fixed sleep: poll until the flag
        // flips.
        List<List<Map<String, Object>>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> nodes = page(erp).errors().verify().path("accounts.nodes").entityList(MAP).get();
            seen.add(nodes);
            return nodes.stream().allMatch(ErpOutageTests::everyErpValueIsStale);
        });
        List<Map<String, Object>> stale = seen.get(seen.size() - 1);

        assertThat(seen.subList(0, seen.size() - 1)).as("before the TTL ran out: fresh from the cache")
            .allSatisfy(nodes -> assertThat(nodes).allSatisfy(
                    account -> assertThat(freshness(account.get("creditStatus"))).containsEntry("fromCache", true)));
        assertThat(stale).allSatisfy(account -> {
            assertThat(freshness(account.get("creditStatus"))).containsEntry("fromCache", true)
                .containsEntry("stale", true);
            for (Object order : (List<?>) account.get("orders")) {
                assertThat(freshness(order)).containsEntry("fromCache", true).containsEntry("stale", true);
            }
        });
        // The same values, fetched when the ERP last answered; the CRM fields untouched.
        assertThat(withoutStaleness(stale)).isEqualTo(withoutStaleness(warm));
        assertThat(sandboxes.find(erp).orElseThrow().faults().down()).isTrue();
    }

    // --- 2. a cold page while an ERP is down

    @Test
    void aColdPageWhileAnErpIsDownAnswersTheTypedErrorWithinTheTimeoutAndEveryCrmField() {
        String erp = "p21";
        faults(erp, Map.of("down", true));

        long started = System.nanoTime();
        GraphQlTester.Response response = page(erp);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        List<String> expectedPaths = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expectedPaths.add("accounts.nodes[" + i + "].creditStatus");
            expectedPaths.add("accounts.nodes[" + i + "].orders");
        }
        assertThat(errors).extracting(ResponseError::getPath).containsExactlyInAnyOrderElementsOf(expectedPaths);
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "ERP_UNAVAILABLE")
                .containsEntry("erpSystemId", erp);
            assertThat(error.getMessage()).doesNotContain("Exception").doesNotContain("at dev.");
        });
        List<Map<String, Object>> nodes = response.path("accounts.nodes").entityList(MAP).hasSize(3).get();
        assertThat(nodes).allSatisfy(account -> {
            assertThat(account.get("name")).isInstanceOf(String.class);
            assertThat((List<?>) account.get("erpLinks")).singleElement()
                .satisfies(link -> assertThat(((Map<?, ?>) link).get("erpSystem")).isEqualTo(Map.of("id", erp)));
            assertThat(account.get("contacts")).isNotNull();
            assertThat(account.get("creditStatus")).isNull();
            assertThat(account.get("orders")).isEqualTo(List.of());
        });
        assertThat(took).as("answered within the ERP timeout plus a margin").isLessThan(WITHIN_TIMEOUT);
    }

    // --- 3. the breaker opens, stops the requests, and recovers

    @Test
    void theBreakerOpensStopsSendingRequestsAndRecoversWhenTheErpIsBack() {
        String erp = "netsuite";
        faults(erp, Map.of("down", true));

        // Failures are not cached: every query asks again, until 4 failed calls of 4 open
        // the breaker.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            credit(erp, 1).errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "ERP_UNAVAILABLE")));
            return "DOWN".equals(health(erp));
        });

        long requests = sandboxRequests(erp);
        for (int i = 0; i < 3; i++) {
            credit(erp, 2).errors().satisfy(errors -> assertThat(errors).hasSize(2).allSatisfy(error -> {
                assertThat(error.getPath()).matches("accounts\\.nodes\\[[01]]\\.creditStatus");
                assertThat(error.getExtensions()).containsEntry("code", "ERP_UNAVAILABLE")
                    .containsEntry("erpSystemId", erp);
            }))
                .path("accounts.nodes[0].name")
                .hasValue()
                .path("accounts.nodes[1].name")
                .hasValue()
                .path("accounts.nodes[0].creditStatus")
                .valueIsNull();
        }
        assertThat(sandboxRequests(erp)).as("no request reaches the ERP while its breaker is open").isEqualTo(requests);
        assertThat(health(erp)).isEqualTo("DOWN");

        faults(erp, Map.of("down", false));

        // After 2 s open, the breaker lets 2 trial calls through; they succeed and close
        // it.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            coldCache();
            credit(erp, 1).errors().verify().path("accounts.nodes[0].creditStatus.onHold").hasValue();
            assertThat(health(erp)).isEqualTo("UP");
        });
        assertThat(sandboxRequests(erp)).isGreaterThan(requests);
        coldCache();
        credit(erp, 2).errors()
            .verify()
            .path("accounts.nodes[1].creditStatus.freshness.fromCache")
            .entity(Boolean.class)
            .isEqualTo(false);
    }

    // --- 4. a slow ERP costs its timeout, no more

    @Test
    void aFiveSecondErpCostsNoMoreThanItsTimeoutAndLeavesTheOtherErpsIntact() {
        String erp = "sap";
        faults(erp, Map.of("latencyMs", 5000));

        long started = System.nanoTime();
        GraphQlTester.Response response = graphQl.documentName("outageAcrossErps")
            .variable("slow", erp)
            .variable("a", "business-central")
            .variable("b", "netsuite")
            .execute();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getPath()).isEqualTo("slow.nodes[0].creditStatus");
            assertThat(error.getExtensions()).containsEntry("code", "ERP_TIMEOUT").containsEntry("erpSystemId", erp);
        }))
            .path("slow.nodes[0].name")
            .hasValue()
            .path("slow.nodes[0].creditStatus")
            .valueIsNull()
            .path("a.nodes[0].name")
            .hasValue()
            .path("a.nodes[0].creditStatus.onHold")
            .hasValue()
            .path("b.nodes[0].name")
            .hasValue()
            .path("b.nodes[0].creditStatus.onHold")
            .hasValue();
        assertThat(took).as("a 5 s ERP behind a %s timeout", TIMEOUT).isLessThan(WITHIN_TIMEOUT);
    }

    // --- 5. garbage from an ERP

    @Test
    void anErpAnsweringGarbageGivesErpBadResponse() {
        String erp = "business-central";
        faults(erp, Map.of("malformed", true));

        credit(erp, 2).errors().satisfy(errors -> assertThat(errors).hasSize(2).allSatisfy(error -> {
            assertThat(error.getPath()).matches("accounts\\.nodes\\[[01]]\\.creditStatus");
            assertThat(error.getExtensions()).containsEntry("code", "ERP_BAD_RESPONSE")
                .containsEntry("erpSystemId", erp);
            assertThat(error.getMessage()).doesNotContain("<html>").doesNotContain("Exception");
        }))
            .path("accounts.nodes[0].name")
            .hasValue()
            .path("accounts.nodes[1].name")
            .hasValue()
            .path("accounts.nodes[0].creditStatus")
            .valueIsNull();
    }

    // --- 6. a change event evicts before the TTL

    @Test
    void aBusinessCentralWebhookShowsTheChangeInTheVeryNextQuery() {
        aChangeShowsInTheVeryNextQuery("business-central");
    }

    @Test
    void aSignedNetSuiteEventShowsTheChangeInTheVeryNextQuery() {
        aChangeShowsInTheVeryNextQuery("netsuite");
    }

    @Test
    void aSapCloudEventShowsTheChangeInTheVeryNextQuery() {
        aChangeShowsInTheVeryNextQuery("sap");
    }

    private void aChangeShowsInTheVeryNextQuery(String erp) {
        Map<String, Object> first = stock(erp);
        assertThat(freshness(first)).containsEntry("fromCache", false);
        Map<String, Object> cached = stock(erp);
        assertThat(freshness(cached)).containsEntry("fromCache", true);
        assertThat(decimal(cached.get("onHand"))).isEqualByComparingTo(decimal(first.get("onHand")));
        BigDecimal changed = decimal(first.get("onHand")).add(BigDecimal.valueOf(17));

        ResponseEntity<String> answer = change(erp,
                Map.of("type", "inventory", "sku", SKU, "warehouse", WAREHOUSE, "onHand", changed));
        assertThat(answer.getStatusCode().value()).isEqualTo(202);

        Map<String, Object> next = stock(erp);
        assertThat(decimal(next.get("onHand"))).as("the changed stock, well within the 30 s TTL")
            .isEqualByComparingTo(changed);
        assertThat(freshness(next)).containsEntry("fromCache", false).containsEntry("stale", false);
    }

    // --- 7. forged and malformed events

    @Test
    void forgedOrMalformedEventsAreRefusedWithAClear4xxAndEvictNothing() {
        List<String> erps = List.of("netsuite", "business-central", "sap");
        Map<String, BigDecimal> primed = new LinkedHashMap<>();
        for (String erp : erps) {
            primed.put(erp, decimal(stock(erp).get("onHand")));
            assertThat(freshness(stock(erp))).containsEntry("fromCache", true);
        }

        String change = "{\"resource\":\"inventory\",\"skus\":[\"" + SKU + "\"]}";
        assertRefused(event("netsuite",
                Map.of(ErpEvents.SIGNATURE_HEADER, ErpEvents.signature(bytes(change), "a-guessed-secret")), change),
                403, "FORBIDDEN");
        assertRefused(event("netsuite", Map.of(), change), 401, "UNAUTHORIZED");
        String truncated = "{\"resource\":\"inventory\",\"skus\":[\"" + SKU + "\"";
        assertRefused(event("netsuite",
                Map.of(ErpEvents.SIGNATURE_HEADER, ErpEvents.signature(bytes(truncated), DEMO_EVENTS_SECRET)),
                truncated), 400, "BAD_REQUEST");
        String unknownResource = "{\"resource\":\"stock\",\"skus\":[\"" + SKU + "\"]}";
        assertRefused(
                event("netsuite",
                        Map.of(ErpEvents.SIGNATURE_HEADER,
                                ErpEvents.signature(bytes(unknownResource), DEMO_EVENTS_SECRET)),
                        unknownResource),
                400, "BAD_REQUEST");

        String notification = """
                {"value":[{"subscriptionId":"s","clientState":"%s","expirationDateTime":"2026-11-05T00:00:00Z",
                  "resource":"api/v2.0/companies(1)/items(5d115c9c-44e3-ea11-bb43-000d3a2feca1)",
                  "changeType":"updated","lastModifiedDateTime":"2026-11-02T00:00:00Z"}]}""";
        assertRefused(event("business-central", Map.of(), notification.formatted("not-the-client-state")), 403,
                "FORBIDDEN");
        assertRefused(event("business-central", Map.of(), "{\"value\":[]}"), 400, "BAD_REQUEST");

        String cloudEvent = """
                {"specversion":"1.0","id":"1","source":"/default/sap.s4.beh/sap",
                 "type":"sap.s4.beh.materialstock.v1.MaterialStock.Changed.v1","data":{"Material":"%s"}}"""
            .formatted(SKU);
        assertRefused(event("sap", Map.of(), cloudEvent), 401, "UNAUTHORIZED");
        assertRefused(event("sap", Map.of("Authorization", ErpEvents.sapAuthorization("a-guessed-secret")), cloudEvent),
                403, "FORBIDDEN");
        assertRefused(event("sap", Map.of("Authorization", ErpEvents.sapAuthorization(DEMO_EVENTS_SECRET)),
                "{\"specversion\":\"1.0\""), 400, "BAD_REQUEST");
        assertRefused(event("nope", Map.of(), change), 404, "NOT_FOUND");

        for (String erp : erps) {
            Map<String, Object> level = stock(erp);
            assertThat(freshness(level)).as(erp + ": still cached").containsEntry("fromCache", true);
            assertThat(decimal(level.get("onHand"))).isEqualByComparingTo(primed.get(erp));
        }
    }

    private static void assertRefused(ResponseEntity<String> answer, int status, String error) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        JsonNode body = JSON.readTree(answer.getBody());
        assertThat(body.path("error").asString()).isEqualTo(error);
        assertThat(body.path("message").asString()).isNotBlank();
        assertThat(answer.getBody()).doesNotContain("Exception")
            .doesNotContain("at dev.")
            .doesNotContain(DEMO_EVENTS_SECRET);
    }

    // --- 8. two servers on one PostgreSQL

    @Test
    void twoServersOnOnePostgresBothSeeAnEvictionSentToOneOfThem() throws SQLException {
        String url = TestPostgres.URL;
        TestPostgres.require();
        String schema = "outage_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        ConfigurableApplicationContext a = null;
        ConfigurableApplicationContext b = null;
        try {
            // One after the other: the first seeds the demo data into the empty schema,
            // the second finds it.
            a = server(url, schema);
            b = server(url, schema);
            ClusterEvictions evictionsA = a.getBean(ClusterEvictions.class);
            ClusterEvictions evictionsB = b.getBean(ClusterEvictions.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> evictionsA.isListening() && evictionsB.isListening());
            RestClient serverA = http(a);
            RestClient serverB = http(b);
            String erp = "netsuite";

            BigDecimal before = onHand(serverA, erp, false);
            assertThat(onHand(serverA, erp, true)).isEqualByComparingTo(before);
            assertThat(onHand(serverB, erp, false)).isEqualByComparingTo(before);
            assertThat(onHand(serverB, erp, true)).isEqualByComparingTo(before);
            long primedAt = System.nanoTime();

            BigDecimal changed = before.add(BigDecimal.valueOf(23));
            ResponseEntity<String> answer = serverA.post()
                .uri("/sandbox/" + erp + "/_admin/changes")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", "inventory", "sku", SKU, "warehouse", WAREHOUSE, "onHand", changed))
                .retrieve()
                .toEntity(String.class);
            assertThat(answer.getStatusCode().value()).isEqualTo(202);

            assertThat(onHand(serverA, erp, false)).isEqualByComparingTo(changed);
            // B's sandbox is its own and unchanged: what shows the eviction is that B
            // asks its ERP again.
            await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !fromCache(serverB, erp));
            assertThat(Duration.ofNanos(System.nanoTime() - primedAt)).as("evicted, not expired (30 s TTL)")
                .isLessThan(Duration.ofSeconds(25));
            assertThat(fromCache(serverB, erp)).isTrue();
        }
        finally {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
            try (Connection connection = DriverManager.getConnection(url + "?connectTimeout=2", TestPostgres.USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    /**
     * A whole server on that schema, configured by command-line arguments: they win over
     * application.yaml (default properties would not, and the server would take port
     * 8080).
     */
    private static ConfigurableApplicationContext server(String url, String schema) {
        return new SpringApplicationBuilder(ErpGraphApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off", "--spring.datasource.url=" + url + "?currentSchema=" + schema,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true", "--crm.demo.enabled=true",
                "--sandbox.latency-ms=0", "--sandbox.latency-jitter-ms=0", "--erp.timeout=10s");
    }

    private static RestClient http(ConfigurableApplicationContext server) {
        int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
        return RestClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .defaultHeader(HttpHeaders.AUTHORIZATION, DemoTokens.bearer(port, DemoTokens.MANAGER))
            .build();
    }

    /**
     * The stock of {@link #SKU} at {@link #WAREHOUSE} on that server, asserting where it
     * came from.
     */
    private static BigDecimal onHand(RestClient server, String erp, boolean fromCache) {
        JsonNode level = stockLevel(server, erp);
        assertThat(level.path("freshness").path("fromCache").asBoolean()).as(level.toString()).isEqualTo(fromCache);
        return new BigDecimal(level.path("onHand").asString());
    }

    private static boolean fromCache(RestClient server, String erp) {
        return stockLevel(server, erp).path("freshness").path("fromCache").asBoolean();
    }

    private static JsonNode stockLevel(RestClient server, String erp) {
        String query = "{ inventory(skus: [\"" + SKU + "\"], erpSystemId: \"" + erp + "\", warehouse: \"" + WAREHOUSE
                + "\") { onHand freshness { fromCache } } }";
        JsonNode answer = JSON.readTree(server.post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("query", query))
            .retrieve()
            .body(String.class));
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        JsonNode levels = answer.path("data").path("inventory");
        assertThat(levels.size()).as(answer.toString()).isEqualTo(1);
        return levels.get(0);
    }

    // --- fixtures

    private GraphQlTester.Response page(String erp) {
        return graphQl.documentName("outagePage").variable("erpSystemId", erp).variable("first", 3).execute();
    }

    private GraphQlTester.Response credit(String erp, int first) {
        return graphQl.documentName("outageCredit").variable("erpSystemId", erp).variable("first", first).execute();
    }

    private GraphQlTester.Response stockLevel(String erp) {
        return graphQl.documentName("outageStock")
            .variable("sku", SKU)
            .variable("erpSystemId", erp)
            .variable("warehouse", WAREHOUSE)
            .execute();
    }

    /** The one stock level of {@link #SKU} at {@link #WAREHOUSE} in that ERP. */
    private Map<String, Object> stock(String erp) {
        List<Map<String, Object>> levels = stockLevel(erp).errors()
            .verify()
            .path("inventory")
            .entityList(MAP)
            .hasSize(1)
            .get();
        Map<String, Object> level = levels.get(0);
        assertThat(level).containsEntry("sku", SKU).containsEntry("warehouse", WAREHOUSE);
        assertThat(freshness(level).get("erpSystem")).isEqualTo(Map.of("id", erp));
        return level;
    }

    private String health(String erp) {
        List<Map<String, Object>> systems = graphQl.documentName("erpHealth")
            .execute()
            .errors()
            .verify()
            .path("erpSystems")
            .entityList(MAP)
            .get();
        return systems.stream()
            .filter(system -> erp.equals(system.get("id")))
            .map(system -> (String) system.get("health"))
            .findFirst()
            .orElseThrow();
    }

    private void coldCache() {
        for (ErpSystems.ErpSystem system : gateway.systems().all()) {
            for (ErpResource resource : ErpResource.values()) {
                gateway.evictAll(system.id(), resource);
            }
        }
    }

    private RestClient admin() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    private void faults(String erp, Map<String, Object> faults) {
        ResponseEntity<String> answer = admin().put()
            .uri("/sandbox/{id}/_admin/faults", erp)
            .contentType(MediaType.APPLICATION_JSON)
            .body(faults)
            .retrieve()
            .toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
    }

    private ResponseEntity<String> change(String erp, Map<String, Object> change) {
        return admin().post()
            .uri("/sandbox/{id}/_admin/changes", erp)
            .contentType(MediaType.APPLICATION_JSON)
            .body(change)
            .retrieve()
            .toEntity(String.class);
    }

    private long sandboxRequests(String erp) {
        String stats = admin().get().uri("/sandbox/{id}/_admin/stats", erp).retrieve().body(String.class);
        return JSON.readTree(stats).path("requests").asLong();
    }

    private ResponseEntity<String> event(String erp, Map<String, String> headers, String body) {
        return admin().post()
            .uri("/erp-events/{id}", erp)
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> headers.forEach(h::set))
            .body(bytes(body))
            .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> freshness(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) ((Map<String, Object>) value).get("freshness");
    }

    private static boolean everyErpValueIsStale(Map<String, Object> account) {
        if (!Boolean.TRUE.equals(freshness(account.get("creditStatus")).get("stale"))) {
            return false;
        }
        return ((List<?>) account.get("orders")).stream()
            .allMatch(order -> Boolean.TRUE.equals(freshness(order).get("stale")));
    }

    /**
     * The value with every {@code freshness}'s {@code fromCache} and {@code stale} left
     * out (fetchedAt kept).
     */
    private static Object withoutStaleness(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                if (!"fromCache".equals(key) && !"stale".equals(key)) {
                    copy.put(key, withoutStaleness(item));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ErpOutageTests::withoutStaleness).toList();
        }
        return value;
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }

}
