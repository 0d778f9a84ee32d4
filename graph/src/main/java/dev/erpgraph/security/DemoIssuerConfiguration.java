package dev.erpgraph.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo issuer: Spring Authorization Server answering {@code POST /oauth2/token}
 * (client credentials) for the demo clients, and the decoder with which this server's
 * resource server accepts its tokens. The signing key is made at start and never leaves
 * the process, so a token from an earlier run, or anyone else's, is refused.
 * <p>
 * While it is on, GraphiQL signs in as a demo client ({@link DemoSignIn}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoIssuerCondition.class)
@EnableConfigurationProperties(DemoIssuerProperties.class)
class DemoIssuerConfiguration {

    private static final String KIND = "principal_kind";

    private static final String PARTNER = "partner_id";

    /** Only the issuer's own endpoints; the API's chain takes everything else. */
    @Bean
    @Order(1)
    SecurityFilterChain demoIssuer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer issuer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(issuer.getEndpointsMatcher())
            .with(issuer, Customizer.withDefaults())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    RegisteredClientRepository demoClients(DemoIssuerProperties properties) {
        List<RegisteredClient> clients = properties.clients()
            .stream()
            .map(client -> RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret("{noop}" + client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder()
                    .setting(KIND, client.kind().name())
                    .setting(PARTNER, (client.partnerId() != null) ? client.partnerId() : "")
                    .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenTimeToLive()).build())
                .build())
            .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * The claims of API-CONTRACT.md: {@code scope} space-separated (all of the client's
     * scopes when the request named none), {@code partner_id} for a partner, and the
     * audience this server requires.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoClaims(DemoIssuerProperties properties) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            RegisteredClient client = context.getRegisteredClient();
            Set<String> scopes = context.getAuthorizedScopes().isEmpty() ? client.getScopes()
                    : context.getAuthorizedScopes();
            String partnerId = client.getClientSettings().getSetting(PARTNER);
            context.getClaims().claims(claims -> {
                claims.put("scope", String.join(" ", scopes.stream().sorted().toList()));
                claims.put(JwtClaimNames.AUD, List.of(properties.audience()));
                claims.put(KIND, client.getClientSettings().getSetting(KIND));
                if (partnerId != null && !partnerId.isEmpty()) {
                    claims.put(PARTNER, partnerId);
                }
            });
        };
    }

    /**
     * The one generator of demo tokens. Being a bean, it is the token endpoint's (Spring
     * Authorization Server takes an {@code OAuth2TokenGenerator} bean as it is), and
     * GraphiQL's sign-in uses it too, so both issue the same tokens.
     */
    @Bean
    JwtGenerator demoTokenGenerator(JWKSource<SecurityContext> signingKey,
            OAuth2TokenCustomizer<JwtEncodingContext> demoClaims) {
        JwtGenerator generator = new JwtGenerator(new NimbusJwtEncoder(signingKey));
        generator.setJwtCustomizer(demoClaims);
        return generator;
    }

    @Bean
    JWKSource<SecurityContext> demoSigningKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Signature, expiry and audience: a forged, expired or foreign token is refused. */
    @Bean
    JwtDecoder demoTokens(JWKSource<SecurityContext> signingKey, DemoIssuerProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKey).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(audience));
        return decoder;
    }

    @Bean
    AuthorizationServerSettings demoIssuerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

}
