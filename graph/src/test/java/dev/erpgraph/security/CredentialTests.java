package dev.erpgraph.security;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.erpgraph.DemoTokens;
import dev.erpgraph.crm.HttpGraphQlTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets in, and what a credential's scopes allow: no credential, a forged, expired or
 * foreign token is HTTP 401 with a GraphQL error body; a scope missing empties only the
 * fields that need it; Actuator shows more than a bare status only to {@code admin}.
 */
class CredentialTests extends HttpGraphQlTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String QUERY = "{ accounts(first: 1) { nodes { name } } }";

    @Autowired
    JWKSource<SecurityContext> signingKey;

    @Test
    void noCredentialIsUnauthenticated() {
        assertUnauthenticated(post(null, QUERY));
        assertUnauthenticated(get(null, "/graphql/schema"));
        assertUnauthenticated(get(null, "/actuator/metrics"));
    }

    @Test
    void aForgedExpiredForeignOrGarbledTokenIsUnauthenticated() throws Exception {
        Instant now = Instant.now();
        String forged = token(otherKey(), "demo-manager", "erp-graph", now.plusSeconds(600));
        String expired = token(signingKey, "demo-manager", "erp-graph", now.minusSeconds(60));
        String foreignAudience = token(signingKey, "demo-manager", "another-api", now.plusSeconds(600));
        String valid = token(signingKey, "demo-manager", "erp-graph", now.plusSeconds(600));

        for (String token : List.of(forged, expired, foreignAudience, "not-a-jwt")) {
            assertUnauthenticated(post("Bearer " + token, QUERY));
        }
        ResponseEntity<String> accepted = post("Bearer " + valid, QUERY);
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
    }

    @Test
    void aMissingScopeEmptiesOnlyTheFieldsThatNeedIt() {
        String crmOnly = "Bearer " + DemoTokens.fetch(port, "demo-rep", "crm:read");
        GraphQlTester.Response response = graphQl.mutate()
            .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, crmOnly))
            .build()
            .document("query($erp: ID!) { accounts(first: 1, filter: { erpSystemId: $erp })"
                    + " { nodes { name orders(first: 1) { number } creditStatus { onHold } } } }")
            .variable("erp", "sap")
            .execute();
        response.errors().satisfy(errors -> {
            assertThat(errors).extracting(error -> error.getExtensions().get("code"))
                .containsExactly("FORBIDDEN", "FORBIDDEN");
            assertThat(errors).extracting(error -> error.getPath())
                .containsExactlyInAnyOrder("accounts.nodes[0].orders", "accounts.nodes[0].creditStatus");
        });
        response.path("accounts.nodes[0].name").hasValue();
        response.path("accounts.nodes[0].orders").entityList(Object.class).hasSize(0);
        response.path("accounts.nodes[0].creditStatus").valueIsNull();
    }

    @Test
    void aPartnerSeesItsCustomersOrdersButNotTheirCredit() {
        GraphQlTester.Response response = as("demo-partner-1").document(TrustedDocuments.read("partnerAccount360"))
            .variable("id", firstLinkedAccountOf("demo-partner-1"))
            .execute();
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("scope", "erp:credit");
            assertThat(error.getPath()).isEqualTo("account.creditStatus");
        }));
        response.path("account.name").hasValue();
        response.path("account.contacts.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
        response.path("account.orders").entityList(Object.class).hasSizeGreaterThan(0);
        response.path("account.creditStatus").valueIsNull();
    }

    @Test
    void aMutationNeedsCrmWrite() {
        String readOnly = "Bearer " + DemoTokens.fetch(port, "demo-rep", "crm:read");
        graphQl.mutate()
            .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, readOnly))
            .build()
            .document("mutation { createAccount(input: { name: \"Never Written\" }) { account { id } } }")
            .execute()
            .errors()
            .satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    @Test
    void actuatorShowsABareStatusToAnyoneAndMoreOnlyToAdmin() {
        JsonNode anonymous = JSON.readTree(get(null, "/actuator/health").getBody());
        assertThat(anonymous.path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();

        String manager = DemoTokens.bearer(port, DemoTokens.MANAGER);
        JsonNode admin = JSON.readTree(get(manager, "/actuator/health").getBody());
        assertThat(admin.path("components").path("erp").path("components").has("sap")).isTrue();
        assertThat(get(manager, "/actuator/metrics").getStatusCode().value()).isEqualTo(200);
        assertThat(get(manager, "/actuator/prometheus").getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> partner = get(DemoTokens.bearer(port, "demo-partner-1"), "/actuator/metrics");
        assertThat(partner.getStatusCode().value()).isEqualTo(403);
        assertThat(JSON.readTree(partner.getBody()).path("errors").path(0).path("extensions").path("code").asString())
            .isEqualTo("FORBIDDEN");
    }

    private String firstLinkedAccountOf(String client) {
        return as(client).document(TrustedDocuments.read("partnerAccounts"))
            .variable("first", 1)
            .variable("filter", Map.of("erpSystemId", "sap"))
            .execute()
            .path("accounts.nodes[0].id")
            .entity(String.class)
            .get();
    }

    private static void assertUnauthenticated(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        JsonNode error = JSON.readTree(response.getBody()).path("errors").path(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.path("message").asString()).isNotBlank();
    }

    private String token(JWKSource<SecurityContext> key, String subject, String audience, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .subject(subject)
            .audience(List.of(audience))
            .issuedAt(expiresAt.minusSeconds(3600))
            .expiresAt(expiresAt)
            .claim("scope", "crm:read")
            .build();
        return new NimbusJwtEncoder(key)
            .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
            .getTokenValue();
    }

    private static JWKSource<SecurityContext> otherKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        return new ImmutableJWKSet<>(new JWKSet(
                new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("attacker")
                    .build()));
    }

    private ResponseEntity<String> post(String authorization, String query) {
        return http().post().uri("/graphql").headers(headers -> {
            if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            }
        })
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("query", query))
            .retrieve()
            .onStatus(HttpStatusCode::isError, (request, response) -> {
            })
            .toEntity(String.class);
    }

    private ResponseEntity<String> get(String authorization, String path) {
        return http().get().uri(path).headers(headers -> {
            if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            }
        }).retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
        }).toEntity(String.class);
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

}
