package dev.erpgraph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.crm.HttpGraphQlTests;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on outside clients besides trusted documents: introspection and the SDL are
 * closed to partner principals.
 */
class PartnerLimitsTests extends HttpGraphQlTests {

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
