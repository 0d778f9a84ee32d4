package dev.erpgraph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.erpgraph.DemoTokens;
import dev.erpgraph.crm.HttpGraphQlTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on outside clients besides trusted documents: introspection and the SDL are
 * closed to partner principals, and every principal has a rate limit on the API.
 */
class PartnerLimitsTests extends HttpGraphQlTests {

    /**
     * The one principal with a low limit in the shared test context
     * ({@code graph.security.rate-limit.overrides}), so that no other test is throttled.
     */
    private static final String RATE_PROBE = "rate-limit-probe";

    @Autowired
    private JWKSource<SecurityContext> demoSigningKey;

    @Test
    void introspectionIsClosedToAPartnerEvenInARegisteredDocument() {
        as("demo-partner-1").document(testDocument("limitsIntrospection"))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "FORBIDDEN", null))
            .path("__schema")
            .pathDoesNotExist();
    }

    @Test
    void typenameStaysOpenToAPartner() {
        as("demo-partner-1").document(testDocument("limitsTypename"))
            .execute()
            .path("erpSystems[0].__typename")
            .entity(String.class)
            .isEqualTo("ErpSystem");
    }

    @Test
    void introspectionIsOpenToAnInternalPrincipal() {
        graphQl.document(testDocument("limitsIntrospection"))
            .execute()
            .path("__schema.queryType.name")
            .entity(String.class)
            .isEqualTo("Query")
            .path("__type.name")
            .entity(String.class)
            .isEqualTo("Account");
    }

    @Test
    void theSdlIsForInternalPrincipalsOnly() {
        http().get()
            .uri("/graphql/schema")
            .header(HttpHeaders.AUTHORIZATION, DemoTokens.bearer(port, "demo-partner-2"))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.errors[0].extensions.code")
            .isEqualTo("FORBIDDEN");

        http().get()
            .uri("/graphql/schema")
            .header(HttpHeaders.AUTHORIZATION, DemoTokens.bearer(port, DemoTokens.MANAGER))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(sdl -> assertThat(sdl).contains("type Query"));

        http().get()
            .uri("/graphql/schema")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectBody()
            .jsonPath("$.errors[0].extensions.code")
            .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aboveItsLimitAPrincipalIsAnswered429WithRetryAfter() {
        String probe = "Bearer " + token(RATE_PROBE);
        // Its limit is 2 a minute, over the API and the SDL together.
        graphQl.mutate()
            .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, probe))
            .build()
            .document("{ erpSystems { id } }")
            .execute()
            .path("erpSystems")
            .entityList(Object.class)
            .hasSize(5);
        http().get().uri("/graphql/schema").header(HttpHeaders.AUTHORIZATION, probe).exchange().expectStatus().isOk();

        http().post()
            .uri("/graphql")
            .header(HttpHeaders.AUTHORIZATION, probe)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"query\":\"{ erpSystems { id } }\"}")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
            .expectHeader()
            .value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 30))
            .expectBody()
            .jsonPath("$.errors[0].extensions.code")
            .isEqualTo("RATE_LIMITED");

        // Other principals are not held back by it.
        graphQl.document("{ erpSystems { id } }").execute().path("erpSystems").entityList(Object.class).hasSize(5);
    }

    /** A token of the demo issuer for a principal that no demo client stands for. */
    private String token(String principal) {
        return DemoTokens.minted(demoSigningKey, principal, "crm:read");
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    private static String testDocument(String name) {
        try {
            return new ClassPathResource("trusted-documents/" + name + ".graphql")
                .getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
