package dev.erpgraph.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.sandbox.ErpSandboxApplication;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.SandboxRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split, proven: the sandbox application runs in a Spring context of its own (its own
 * server, port and beans, as {@code java -jar erp-sandbox.jar} would), and this
 * application, with profile {@code sandbox-process} pointed at it, embeds no sandbox and
 * still answers an account 360 with ERP data of all five kinds, the demo accounts linked
 * to the sandboxes' customers as in the embedded default. The sandbox process's change
 * notifications reach this application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "erp.timeout=10s",
                "spring.datasource.url=jdbc:h2:mem:sandboxprocess;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@ActiveProfiles("sandbox-process")
@AutoConfigureHttpGraphQlTester
class SandboxProcessTests {

    private static final List<String> SYSTEMS = List.of("sap", "netsuite", "business-central", "sxe", "p21");

    private static ConfigurableApplicationContext sandboxProcess;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext application;

    @Autowired
    ErpSystems systems;

    HttpGraphQlTester graphQl;

    /**
     * The sandbox application as its own process would run it, isolated from this
     * application's configuration: its own config name, no GraphQL schema, its own
     * database (the test class path holds the whole product).
     */
    @DynamicPropertySource
    static void sandboxProcess(DynamicPropertyRegistry registry) {
        if (sandboxProcess == null) {
            sandboxProcess = new SpringApplicationBuilder(ErpSandboxApplication.class).properties(
                    "spring.config.name=erp-sandbox-process", "server.port=0", "sandbox.enabled=true",
                    "sandbox.latency-ms=0", "sandbox.latency-jitter-ms=0",
                    "spring.graphql.schema.locations=classpath:/no-graphql-schema/",
                    "spring.datasource.url=jdbc:h2:mem:sandboxprocessown", "spring.flyway.enabled=false",
                    "logging.level.root=WARN",
                    // The sandbox jar has no Spring Security; the test class path does.
                    "spring.autoconfigure.exclude=" + String.join(",",
                            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
                            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration"))
                .run();
        }
        registry.add("erp.sandbox.url",
                () -> "http://localhost:" + sandboxProcess.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopSandboxProcess() {
        if (sandboxProcess != null) {
            sandboxProcess.close();
            sandboxProcess = null;
        }
    }

    @Autowired
    void setGraphQl(HttpGraphQlTester graphQl, @Value("${local.server.port}") int port) {
        this.graphQl = DemoTokens.signedIn(graphQl, port, DemoTokens.MANAGER);
    }

    @BeforeEach
    void calmSandboxes() {
        for (Sandbox sandbox : sandboxProcess.getBean(SandboxRegistry.class).all()) {
            sandbox.faults(SandboxFaults.defaults(0, 0));
            sandbox.stats().reset();
        }
    }

    @Test
    void theFiveDemoSystemsReadTheSandboxProcessAndNoSandboxRunsHere() {
        assertThat(application.getBeansOfType(SandboxRegistry.class)).isEmpty();
        String sandboxUrl = "http://localhost:" + sandboxProcess.getEnvironment().getProperty("local.server.port");
        assertThat(systems.all()).extracting(ErpSystems.ErpSystem::id).containsExactlyInAnyOrderElementsOf(SYSTEMS);
        systems.all()
            .forEach(system -> assertThat(system.properties().baseUrl())
                .isEqualTo(sandboxUrl + "/sandbox/" + system.id()));
    }

    @Test
    void anAccount360AnswersWithErpDataOfAllFiveKindsFromTheSandboxProcess() {
        Map<String, String> aliases = Map.of("sap", "sap", "netsuite", "netsuite", "business-central",
                "businessCentral", "sxe", "sxe", "p21", "p21");
        var response = graphQl.documentName("account360AllErps").variable("first", 2).execute();
        response.errors().verify();

        aliases.forEach((id, alias) -> {
            String account = alias + ".nodes[0]";
            response.path(alias + ".nodes").entityList(Object.class).hasSize(2);
            response.path(account + ".erpLinks[0].erpSystem.id").entity(String.class).isEqualTo(id);
            response.path(account + ".creditStatus.creditLimit.amount")
                .entity(BigDecimal.class)
                .satisfies(limit -> assertThat(limit).isPositive());
            response.path(account + ".creditStatus.freshness.erpSystem.id").entity(String.class).isEqualTo(id);
            response.path(account + ".price.unitPrice.amount")
                .entity(BigDecimal.class)
                .satisfies(price -> assertThat(price).isPositive());
            response.path(alias + ".nodes[*].orders[*].lines[*].inventory").hasValue();
            assertThat(
                    sandboxProcess.getBean(SandboxRegistry.class).find(id).orElseThrow().stats().snapshot().requests())
                .as(id)
                .isPositive();
        });
        // The demo accounts are linked to the same customers as embedded: SAP's first is
        // 17100001, Business Central numbers in tens.
        response.path("sap.nodes[*].erpLinks[0].customerNumber")
            .entityList(String.class)
            .satisfies(numbers -> assertThat(numbers).allMatch(n -> n.startsWith("171000")));
        response.path("businessCentral.nodes[*].erpLinks[0].customerNumber")
            .entityList(String.class)
            .satisfies(numbers -> assertThat(numbers).allMatch(n -> n.endsWith("0")));
    }

    @Test
    void aChangeInTheSandboxProcessReachesThisApplicationAsItsErpsEvent() {
        sandboxProcess.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("application",
                    Map.of("sandbox.events.application-url", "http://127.0.0.1:" + port)));
        RestClient admin = RestClient.builder()
            .baseUrl("http://127.0.0.1:" + sandboxProcess.getEnvironment().getProperty("local.server.port"))
            .build();
        for (String id : List.of("sap", "netsuite", "business-central")) {
            graphQl.documentName("stockAtCleveland").variable("erpSystemId", id).execute().errors().verify();
            graphQl.documentName("stockAtCleveland")
                .variable("erpSystemId", id)
                .execute()
                .path("inventory[0].freshness.fromCache")
                .entity(Boolean.class)
                .isEqualTo(true);

            admin.post()
                .uri("/sandbox/" + id + "/_admin/changes")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", "inventory", "sku", "PVC-10000", "warehouse", "CLE", "onHand", 4242))
                .retrieve()
                .toBodilessEntity();

            var after = graphQl.documentName("stockAtCleveland").variable("erpSystemId", id).execute();
            assertThat(after.path("inventory[0].onHand").entity(BigDecimal.class).get()).as(id)
                .isEqualByComparingTo("4242");
            assertThat(after.path("inventory[0].freshness.fromCache").entity(Boolean.class).get()).as(id).isFalse();
        }
    }

}
