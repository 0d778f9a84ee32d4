package dev.erpgraph.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every request to the API, its schema and Actuator beyond a bare health status needs a
 * credential: a bearer JWT (Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} says which issuer) or an
 * {@code X-API-Key}. Without one, or with a bad one: HTTP 401 with a GraphQL error body,
 * code {@code UNAUTHENTICATED}. Stateless: no session, no cookie, so no CSRF to defend
 * against.
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

    /** After the demo issuer's chain, which takes only its own endpoints. */
    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtCallers jwtCallers) throws Exception {
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
                .anyRequest()
                .authenticated())
            .oauth2ResourceServer(
                    resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtCallers))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
            .exceptionHandling(
                    exceptions -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
        return http.build();
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
