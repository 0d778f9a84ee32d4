package dev.erpgraph.security;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The demo issuer belongs to the embedded default: on while no real issuer is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}), so that configuring one is all it takes to leave it.
 * {@code graph.security.demo-issuer.enabled} overrides either way.
 */
class DemoIssuerCondition extends SpringBootCondition {

    private static final List<String> REAL_ISSUER = List.of("issuer-uri", "jwk-set-uri", "public-key-location");

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        String explicit = env.getProperty("graph.security.demo-issuer.enabled");
        if (explicit != null) {
            return Boolean.parseBoolean(explicit) ? ConditionOutcome.match("graph.security.demo-issuer.enabled=true")
                    : ConditionOutcome.noMatch("graph.security.demo-issuer.enabled=false");
        }
        for (String property : REAL_ISSUER) {
            if (env.containsProperty("spring.security.oauth2.resourceserver.jwt." + property)) {
                return ConditionOutcome.noMatch("a real issuer is configured (" + property + ")");
            }
        }
        return ConditionOutcome.match("no issuer is configured");
    }

}
