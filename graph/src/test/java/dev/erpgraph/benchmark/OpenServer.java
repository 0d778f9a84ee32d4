package dev.erpgraph.benchmark;

import java.util.EnumSet;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.PrincipalKind;
import dev.erpgraph.access.Scope;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * For the benchmark's security cost only: the product as it answered before partner
 * security, i.e. no credential checked (every request acts for an internal caller with
 * every scope, as every request did then) and no access log. It replaces two beans by
 * name, {@code apiSecurity} and {@code accessLogInstrumentation}, so it needs
 * {@code spring.main.allow-bean-definition-overriding=true}. Never part of the product,
 * and its {@code @Bean} methods run in lite mode.
 */
// Deliberately not @Configuration: component scanning (the test class path holds this
// class) must never pick it up; the benchmark names it as a source of its open server.
class OpenServer {

    static final Caller EVERYONE = new Caller("benchmark", PrincipalKind.USER, null, EnumSet.allOf(Scope.class));

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .anonymous(anonymous -> anonymous.principal(EVERYONE).authorities("SCOPE_crm:read"))
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    Instrumentation accessLogInstrumentation() {
        return SimplePerformantInstrumentation.INSTANCE;
    }

}
