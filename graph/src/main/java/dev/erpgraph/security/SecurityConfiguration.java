package dev.erpgraph.security;

import java.io.IOException;
import java.util.function.Supplier;

import dev.erpgraph.security.apikey.ApiKeyAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Every request to the API, its schema and Actuator beyond a bare health status needs a
 * credential: a bearer JWT (Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} says which issuer) or an
 * {@code X-API-Key}. Without one, or with a bad one: HTTP 401 with a GraphQL error body,
 * code {@code UNAUTHENTICATED}. Stateless: no session, no cookie, so no CSRF to defend
 * against.
 * <p>
 * The SDL at {@code /graphql/schema} is for internal principals only; a partner gets 403,
 * code {@code FORBIDDEN}. Every request to the API and its schema counts against its
 * principal's rate limit ({@link RateLimitFilter}).
 * <p>
 * Open: GraphiQL's page and assets (the page sends a credential with each query) and, in
 * the embedded default, its sign-in ({@link DemoSignIn}), the ERP webhooks (each ERP
 * signs its notifications; the endpoint checks the signature) and the sandbox ERPs (each
 * checks its ERP's own credentials). They have a chain of their own, without the resource
 * server: a sandbox ERP's bearer token is not this API's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain openPaths(HttpSecurity http) throws Exception {
        http.securityMatcher("/graphiql", "/graphiql/**", "/graphiql-assets/**", "/erp-events/**", "/sandbox/**")
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    /**
     * The WebSocket handshake at {@code /graphql}: a browser cannot send a header with
     * it, so the credential comes in {@code connection_init} and is checked there
     * ({@link WebSocketCredentials}); nothing runs before it is.
     */
    @Bean
    @Order(0)
    SecurityFilterChain webSocketHandshake(HttpSecurity http) throws Exception {
        http.securityMatcher(request -> "GET".equals(request.getMethod()) && "/graphql".equals(request.getRequestURI())
                && "websocket".equalsIgnoreCase(request.getHeader("Upgrade")))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    /** After the demo issuer's chain, which takes only its own endpoints. */
    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtCallers jwtCallers, ApiKeyAuthentication apiKeys,
            PrincipalRateLimit rateLimit) throws Exception {
        AuthenticationEntryPoint unauthenticated = SecurityConfiguration::unauthenticated;
        AccessDeniedHandler forbidden = (request, response, ex) -> RefusalBody.write(response,
                HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "This credential does not allow this.");
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .authorizeHttpRequests(requests -> requests.requestMatchers("/error")
                .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/actuator/**")
                .hasAuthority("SCOPE_admin")
                .requestMatchers("/graphql/schema")
                .access(SecurityConfiguration::internalCaller)
                .anyRequest()
                .authenticated())
            .oauth2ResourceServer(
                    resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtCallers))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
            .addFilterBefore(apiKeys.filter(unauthenticated), BearerTokenAuthenticationFilter.class)
            .exceptionHandling(
                    exceptions -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
            // Last, so that it counts only requests of principals known and allowed.
            .addFilterAfter(new RateLimitFilter(rateLimit), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * The schema's SDL is the distributor's: partner principals have only the documents
     * their portal was built with (PartnerIntrospection closes introspection likewise).
     */
    private static AuthorizationResult internalCaller(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext request) {
        return new AuthorizationDecision(
                authentication.get() instanceof CallerAuthentication caller && !caller.getPrincipal().isPartner());
    }

    private static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException ex) throws IOException {
        // The standard WWW-Authenticate header (with the token error, if any), then the
        // GraphQL body.
        new BearerTokenAuthenticationEntryPoint().commence(request, response, ex);
        RefusalBody.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                "A credential is needed: Authorization: Bearer <token> or X-API-Key: <key>.");
    }

}
