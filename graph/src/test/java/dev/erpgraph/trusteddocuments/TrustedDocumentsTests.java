package dev.erpgraph.trusteddocuments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.crm.relay.GlobalId;
import graphql.ParseAndValidate;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner principals run only registered documents: by hash in Apollo's persisted-query
 * shape, or as the registered text itself. Anything else is refused with
 * {@code PERSISTED_QUERY_NOT_FOUND} before it runs; internal principals send what they
 * like. The documents under {@code trusted-documents/} of the main and the test class
 * path are registered.
 */
class TrustedDocumentsTests extends HttpGraphQlTests {

    private static final String PARTNER = "demo-partner-1";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    private GraphQlSource graphQlSource;

    @Test
    void aPartnersUnregisteredDocumentIsRefusedAndNothingRuns() {
        String word = uniqueWord();
        as(PARTNER).document("mutation($name: String!) { createAccount(input: { name: $name }) { account { id } } }")
            .variable("name", word)
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "PERSISTED_QUERY_NOT_FOUND", null))
            .path("createAccount")
            .pathDoesNotExist();

        graphQl.document("query($word: String) { accounts(filter: { nameContains: $word }) { totalCount } }")
            .variable("word", word)
            .execute()
            .path("accounts.totalCount")
            .entity(Integer.class)
            .isEqualTo(0);
    }

    @Test
    void aPartnersRegisteredHashRunsTheRegisteredDocument() {
        http(PARTNER).post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("variables", Map.of("first", 2), "extensions", persistedQuery(hashOf("portalAccounts"))))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.errors")
            .doesNotExist()
            .jsonPath("$.data.accounts.nodes.length()")
            .isEqualTo(2)
            .jsonPath("$.data.accounts.nodes[0].contacts.totalCount")
            .isNumber();
    }

    @Test
    void aPartnersRegisteredDocumentSentAsTextRuns() {
        as(PARTNER).document(text("portalAccounts"))
            .variable("first", 1)
            .execute()
            .path("accounts.nodes")
            .entityList(Object.class)
            .hasSize(1);
    }

    @Test
    void aPartnerMaySendTheRegisteredTextWithItsHash() {
        as(PARTNER).document(text("portalAccounts"))
            .variable("first", 1)
            .extension("persistedQuery", persistedQuery(hashOf("portalAccounts")).get("persistedQuery"))
            .execute()
            .path("accounts.nodes")
            .entityList(Object.class)
            .hasSize(1);
    }

    @Test
    void theTestClassPathsDocumentsAreRegisteredToo() {
        as(PARTNER).document(text("limitsTypename"))
            .execute()
            .path("__typename")
            .entity(String.class)
            .isEqualTo("Query");
    }

    @Test
    void anUnknownHashIsNotFoundWithHttp200AndNullDataForEveryCaller() {
        for (String caller : List.of(PARTNER, DemoTokens.MANAGER)) {
            http(caller).post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("application/graphql-response+json"), MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("extensions", persistedQuery("0".repeat(64))))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .value(body -> {
                    assertThat(body).containsEntry("data", null);
                    assertThat(body.get("errors")).asInstanceOf(InstanceOfAssertFactories.LIST)
                        .singleElement()
                        .extracting("extensions.code")
                        .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
                });
        }
    }

    @Test
    void aHashThatIsNotTheQuerysIsBadUserInputAndNothingRuns() {
        as(PARTNER).document(text("portalAccounts"))
            .variable("first", 1)
            .extension("persistedQuery", persistedQuery(hashOf("portalAccount")).get("persistedQuery"))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", null))
            .path("accounts")
            .pathDoesNotExist();
    }

    @Test
    void anInternalPrincipalSendsAnyDocumentOrARegisteredHash() {
        graphQl.document("{ accounts(first: 1) { nodes { id } } }")
            .execute()
            .path("accounts.nodes")
            .entityList(Object.class)
            .hasSize(1);

        http(DemoTokens.MANAGER).post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("variables", Map.of("first", 1), "extensions", persistedQuery(hashOf("portalAccounts"))))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.errors")
            .doesNotExist()
            .jsonPath("$.data.accounts.nodes.length()")
            .isEqualTo(1);
    }

    @Test
    void aPortalFollowsItsOwnCustomersShipmentsAndAnotherPartnersLookMissing() {
        long own = jdbc.queryForObject("select min(a.id) from accounts a where a.partner_id = 'partner-1' and exists"
                + " (select 1 from erp_customer_links l where l.account_id = a.id and l.erp_system_id = 'netsuite')",
                Long.class);
        long others = jdbc.queryForObject("select min(id) from accounts where partner_id = 'partner-2'", Long.class);
        Map<String, Object> extensions = persistedQuery(hashOf("portalShipments"));
        List<String> expected = graphQl.document(text("portalShipments"))
            .variable("id", GlobalId.encode(GlobalId.ACCOUNT, own))
            .execute()
            .path("account.shipments[*].number")
            .entityList(String.class)
            .get();
        assertThat(expected).as("the account's shipments, as an internal user sees them").isNotEmpty();

        as(PARTNER).document(text("portalShipments"))
            .variable("id", GlobalId.encode(GlobalId.ACCOUNT, own))
            .extension("persistedQuery", extensions.get("persistedQuery"))
            .execute()
            .errors()
            .verify()
            .path("account.shipments[*].number")
            .entityList(String.class)
            .isEqualTo(expected);
        as(PARTNER).document(text("portalShipments"))
            .variable("id", GlobalId.encode(GlobalId.ACCOUNT, others))
            .extension("persistedQuery", extensions.get("persistedQuery"))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "NOT_FOUND", null))
            .path("account")
            .valueIsNull();
    }

    @Test
    void everyRegisteredDocumentIsValidAgainstTheSchema() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver()
            .getResources("classpath*:trusted-documents/*.graphql");
        assertThat(Arrays.stream(files).map(Resource::getFilename)).contains("portalAccounts.graphql",
                "portalAccount.graphql", "portalQuote.graphql", "portalCreateContact.graphql",
                "portalUpdateContact.graphql", "portalCreateOpportunity.graphql", "portalShipments.graphql",
                "portalSubmitOrder.graphql");
        for (Resource file : files) {
            String document = file.getContentAsString(StandardCharsets.UTF_8);
            List<ValidationError> errors = ParseAndValidate.validate(graphQlSource.schema(), Parser.parse(document));
            assertThat(errors).as(file.getFilename()).isEmpty();
        }
    }

    private WebTestClient http(String clientId) {
        return WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .defaultHeader(HttpHeaders.AUTHORIZATION, DemoTokens.bearer(port, clientId))
            .build();
    }

    private static Map<String, Object> persistedQuery(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private static String hashOf(String name) {
        return TrustedDocuments.hash(text(name));
    }

    private static String text(String name) {
        try {
            return new PathMatchingResourcePatternResolver()
                .getResource("classpath:trusted-documents/" + name + ".graphql")
                .getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
