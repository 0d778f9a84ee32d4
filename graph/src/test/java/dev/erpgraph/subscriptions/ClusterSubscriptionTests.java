package dev.erpgraph.subscriptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.ErpGraphApplication;
import dev.erpgraph.TestPostgres;
import dev.erpgraph.changes.ActiveSubscriptions;
import dev.erpgraph.events.ClusterEvictions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas sharing one PostgreSQL and nothing else: a change event received by one
 * reaches a subscriber connected to the other, through the cluster channel
 * (LISTEN/NOTIFY) that carries evictions between replicas.
 */
class ClusterSubscriptionTests {

    private static final String SKU = "PVC-10000";

    private static final String WAREHOUSE = "CLE";

    @Test
    void aStockChangeReceivedByOneReplicaReachesASubscriberOfTheOther() throws SQLException {
        TestPostgres.require();
        String schema = "subscriptions_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        ConfigurableApplicationContext a = null;
        ConfigurableApplicationContext b = null;
        try {
            // One after the other: the first seeds the demo data into the empty schema,
            // the second finds it.
            a = server(schema);
            b = server(schema);
            ClusterEvictions clusterA = a.getBean(ClusterEvictions.class);
            ClusterEvictions clusterB = b.getBean(ClusterEvictions.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> clusterA.isListening() && clusterB.isListening());
            ActiveSubscriptions activeOnB = b.getBean(ActiveSubscriptions.class);
            try (Subscriber subscriber = new Subscriber(port(b))) {
                BlockingQueue<Map<String, Object>> levels = subscriber.subscribe(subscriber.connect(DemoTokens.MANAGER)
                    .documentName("inventoryChanged")
                    .variable("skus", List.of(SKU))
                    .variable("erpSystemId", "netsuite")
                    .variable("warehouse", WAREHOUSE), "inventoryChanged");
                await().atMost(Duration.ofSeconds(10)).until(() -> activeOnB.count("inventoryChanged") == 1);

                int status = http(a).post()
                    .uri("/sandbox/netsuite/_admin/changes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("type", "inventory", "sku", SKU, "warehouse", WAREHOUSE, "onHand", 4242))
                    .retrieve()
                    .toBodilessEntity()
                    .getStatusCode()
                    .value();
                assertThat(status).isEqualTo(202);

                // B's sandbox is its own and unchanged: what arrives is B's ERP read
                // again because of A's event, not from B's cache.
                await().atMost(Duration.ofSeconds(2)).until(() -> !levels.isEmpty());
                Map<String, Object> level = levels.poll();
                assertThat(level).containsEntry("sku", SKU).containsEntry("warehouse", WAREHOUSE);
                assertThat(level.get("freshness"))
                    .isEqualTo(Map.of("fromCache", false, "stale", false, "erpSystem", Map.of("id", "netsuite")));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> activeOnB.count("inventoryChanged") == 0);
        }
        finally {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
            try (Connection connection = DriverManager.getConnection(TestPostgres.URL + "?connectTimeout=2",
                    TestPostgres.USER, ""); Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    /** A whole server on that schema, configured by command-line arguments. */
    private static ConfigurableApplicationContext server(String schema) {
        return new SpringApplicationBuilder(ErpGraphApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + TestPostgres.URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + TestPostgres.USER, "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true", "--crm.demo.enabled=true",
                "--sandbox.latency-ms=0", "--sandbox.latency-jitter-ms=0", "--erp.timeout=10s");
    }

    private static int port(ConfigurableApplicationContext server) {
        return Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static RestClient http(ConfigurableApplicationContext server) {
        int port = port(server);
        return RestClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .defaultHeader(HttpHeaders.AUTHORIZATION, DemoTokens.bearer(port, DemoTokens.MANAGER))
            .build();
    }

}
