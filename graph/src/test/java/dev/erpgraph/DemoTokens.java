package dev.erpgraph;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.client.RestClient;

/**
 * Bearer tokens from a running server's demo issuer, as a client gets them:
 * {@code POST /oauth2/token} with client credentials. One token per server and client for
 * a test run (they live an hour).
 */
public final class DemoTokens {

    /** The demo client with every scope. */
    public static final String MANAGER = "demo-manager";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private DemoTokens() {
    }

    /**
     * {@code Bearer <token>} of the demo client {@code clientId} on the server at
     * {@code port}.
     */
    public static String bearer(int port, String clientId) {
        return "Bearer " + TOKENS.computeIfAbsent(port + " " + clientId, key -> fetch(port, clientId));
    }

    /**
     * {@code graphQl} signed in as the demo client {@code clientId}, with a timeout
     * generous enough for a machine shared with other builds (the first request also
     * warms up).
     */
    public static HttpGraphQlTester signedIn(HttpGraphQlTester graphQl, int port, String clientId) {
        Duration timeout = Duration.ofSeconds(30);
        return graphQl.mutate()
            .webTestClient(client -> client.responseTimeout(timeout))
            .responseTimeout(timeout)
            .header(HttpHeaders.AUTHORIZATION, bearer(port, clientId))
            .build();
    }

    /**
     * A token signed with the demo issuer's key for a principal that no demo client
     * stands for, with one scope; it lives ten minutes.
     */
    public static String minted(JWKSource<SecurityContext> demoSigningKey, String principal, String scope) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .subject(principal)
            .audience(List.of("erp-graph"))
            .issuedAt(now)
            .expiresAt(now.plus(Duration.ofMinutes(10)))
            .claim("scope", scope)
            .build();
        return new NimbusJwtEncoder(demoSigningKey)
            .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
            .getTokenValue();
    }

    /**
     * A fresh token of the demo client, with the scopes asked for (all of them if none).
     */
    public static String fetch(int port, String clientId, String... scopes) {
        String form = "grant_type=client_credentials"
                + (scopes.length > 0 ? "&scope=" + String.join("%20", scopes) : "");
        String answer = RestClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .build()
            .post()
            .uri("/oauth2/token")
            .headers(headers -> headers.setBasicAuth(clientId, clientId + "-secret"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .body(String.class);
        JsonNode token = JSON.readTree(answer);
        return token.path("access_token").asString();
    }

}
