package dev.erpgraph.security;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.erpgraph.access.PrincipalKind;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * GraphiQL's sign-in while the demo issuer is on: {@code GET /graphiql/identities} lists
 * the demo clients a person may act as (never their secrets), and
 * {@code POST /graphiql/demo-token?client=<id>} gives a token of one of them.
 * <p>
 * The token is minted here rather than by the page calling {@code POST /oauth2/token},
 * because that would need each client's secret in the browser: handing secrets to a page
 * is a habit not worth teaching, even demo ones. It comes from the issuer's own generator
 * with the same claims, so it is exactly the token the token endpoint gives that client.
 * Both paths are open (like the page itself): they give nothing the demo's published
 * secrets do not, and only exist in the embedded default. With a real issuer they are
 * 404, and GraphiQL sends whatever a person types in its headers editor.
 */
@RestController
@RequestMapping("/graphiql")
@Conditional(DemoIssuerCondition.class)
class DemoSignIn {

    private final DemoIssuerProperties properties;

    private final RegisteredClientRepository clients;

    private final JwtGenerator tokens;

    private final AuthorizationServerSettings issuerSettings;

    DemoSignIn(DemoIssuerProperties properties, RegisteredClientRepository clients, JwtGenerator tokens,
            AuthorizationServerSettings issuerSettings) {
        this.properties = properties;
        this.clients = clients;
        this.tokens = tokens;
        this.issuerSettings = issuerSettings;
    }

    /** In the order configured: GraphiQL starts signed in as the first. */
    @GetMapping("/identities")
    List<Identity> identities() {
        return properties.clients()
            .stream()
            .map(client -> new Identity(client.clientId(), client.description(), client.kind(), client.scopes(),
                    client.partnerId()))
            .toList();
    }

    @PostMapping("/demo-token")
    ResponseEntity<DemoToken> token(@RequestParam("client") String clientId, HttpServletRequest request) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No demo client " + clientId);
        }
        // As the token endpoint builds a client-credentials token; no client
        // authenticated here, hence NONE.
        Jwt jwt = tokens.generate(DefaultOAuth2TokenContext.builder()
            .registeredClient(client)
            .principal(new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null))
            .authorizationServerContext(new Issuer(issuer(request), issuerSettings))
            .authorizedScopes(client.getScopes())
            .tokenType(OAuth2TokenType.ACCESS_TOKEN)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .build());
        long expiresIn = jwt.getExpiresAt().getEpochSecond() - Instant.now().getEpochSecond();
        return ResponseEntity.ok()
            .cacheControl(CacheControl.noStore())
            .body(new DemoToken(jwt.getTokenValue(), "Bearer", expiresIn));
    }

    /** As Spring Authorization Server names itself when no issuer is configured. */
    private String issuer(HttpServletRequest request) {
        return (issuerSettings.getIssuer() != null) ? issuerSettings.getIssuer()
                : ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    /**
     * A demo client as GraphiQL offers it.
     *
     * @param clientId the client, and the principal its tokens name
     * @param description who it stands for
     * @param kind what kind of caller it is
     * @param scopes what its tokens allow
     * @param partnerId its partner, for a partner principal
     */
    record Identity(String clientId, String description, PrincipalKind kind, List<String> scopes, String partnerId) {
    }

    /**
     * The token endpoint's answer, in its names.
     *
     * @param accessToken the bearer token
     * @param tokenType always {@code Bearer}
     * @param expiresIn seconds until it expires
     */
    record DemoToken(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {
    }

    private record Issuer(String issuer, AuthorizationServerSettings settings) implements AuthorizationServerContext {

        @Override
        public String getIssuer() {
            return issuer;
        }

        @Override
        public AuthorizationServerSettings getAuthorizationServerSettings() {
            return settings;
        }

    }

}
