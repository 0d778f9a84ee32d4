package dev.erpgraph.security;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.crm.HttpGraphQlTests;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GraphiQL signs in as a demo client while the demo issuer is on: it lists the demo
 * identities, without secrets, and gets a token for one that is the token endpoint's own.
 */
class GraphiQlSignInTests extends HttpGraphQlTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    @Test
    void listsTheDemoIdentitiesInTheirOrderWithoutSecrets() {
        ResponseEntity<String> answer = http().get().uri("/graphiql/identities").retrieve().toEntity(String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> identities = JSON.readValue(answer.getBody(), new TypeReference<>() {
        });
        assertThat(identities).extracting(identity -> identity.get("clientId"))
            .containsExactly("demo-manager", "demo-rep", "demo-partner-1", "demo-partner-2");
        assertThat(identities.get(2)).containsEntry("kind", "PARTNER")
            .containsEntry("partnerId", "partner-1")
            .containsEntry("description", "a partner portal (partner-1)")
            .containsEntry("scopes", List.of("crm:read", "crm:write", "erp:orders", "erp:inventory", "erp:prices"));
        assertThat(answer.getBody()).doesNotContain("secret");
    }

    @Test
    void givesTheTokenTheTokenEndpointWouldGiveTheClient() {
        Map<String, Object> answer = signIn("demo-partner-1");

        assertThat(answer).containsEntry("token_type", "Bearer");
        assertThat(((Number) answer.get("expires_in")).longValue()).isCloseTo(3600L, within(2L));
        Map<String, Object> signedIn = claims((String) answer.get("access_token"));
        Map<String, Object> fromTokenEndpoint = claims(DemoTokens.fetch(port, "demo-partner-1"));
        assertThat(withoutInstants(signedIn)).isEqualTo(withoutInstants(fromTokenEndpoint))
            .containsEntry("sub", "demo-partner-1")
            .containsEntry("partner_id", "partner-1")
            .containsEntry("scope", "crm:read crm:write erp:inventory erp:orders erp:prices");
        assertThat(((Number) signedIn.get("exp")).longValue() - ((Number) signedIn.get("iat")).longValue())
            .isEqualTo(3600L);
    }

    @Test
    void itsTokenIsAcceptedByTheApi() {
        String bearer = "Bearer " + signIn("demo-rep").get("access_token");

        graphQl.mutate()
            .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, bearer))
            .build()
            .document("{ accounts(first: 1) { totalCount } }")
            .execute()
            .path("accounts.totalCount")
            .entity(Integer.class)
            .satisfies(total -> assertThat(total).isPositive());
    }

    @Test
    void aClientThatIsNotADemoClientIsNotFound() {
        HttpStatus status = http().post()
            .uri("/graphiql/demo-token?client=nobody")
            .exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));

        assertThat(status).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void isNotThereWithARealIssuer() {
        new ApplicationContextRunner().withUserConfiguration(DemoSignIn.class)
            .withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.example.com")
            .run(context -> assertThat(context).doesNotHaveBean(DemoSignIn.class));
        new ApplicationContextRunner().withUserConfiguration(DemoSignIn.class)
            .withPropertyValues("graph.security.demo-issuer.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(DemoSignIn.class));
    }

    private Map<String, Object> signIn(String clientId) {
        String answer = http().post().uri("/graphiql/demo-token?client={id}", clientId).retrieve().body(String.class);
        return JSON.readValue(answer, OBJECT);
    }

    private RestClient http() {
        return RestClient.create("http://127.0.0.1:" + port);
    }

    private static Map<String, Object> claims(String jwt) {
        return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), OBJECT);
    }

    /** When a token was made and its id differ from token to token. */
    private static Map<String, Object> withoutInstants(Map<String, Object> claims) {
        Map<String, Object> rest = new HashMap<>(claims);
        rest.keySet().removeAll(List.of("iat", "nbf", "exp", "jti"));
        return rest;
    }

}
