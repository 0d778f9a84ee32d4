package dev.erpgraph.security;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests to {@code /graphql} and {@code /graphql/schema} each principal may
 * send (application.yaml, {@code graph.security.rate-limit.*}). A principal may send a
 * minute's worth at once, and then as many as come back, evenly, over the minute: a
 * portal's page load is a burst, a runaway loop is not.
 *
 * @param requestsPerMinute the limit of every principal without an override, by default
 * 600
 * @param overrides the limits of single principals, by principal id (a token's
 * {@code sub}, an API key's name), e.g. a busy integration's
 */
@Validated
@ConfigurationProperties("graph.security.rate-limit")
public record RateLimitProperties(@DefaultValue("600") @Positive int requestsPerMinute,
        @NotNull Map<String, @NotNull @Positive Integer> overrides) {

    public RateLimitProperties {
        overrides = (overrides != null) ? Map.copyOf(overrides) : Map.of();
    }

    /** The requests per minute of one principal. */
    int limitOf(String principal) {
        return overrides.getOrDefault(principal, requestsPerMinute);
    }

}
