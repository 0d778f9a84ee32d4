package dev.erpgraph.crm.demo;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo data belongs to the embedded default only: on when {@code spring.datasource.url}
 * is an H2 URL (or absent, i.e. an embedded database), off for a real database.
 * {@code crm.demo.enabled} overrides either.
 */
class DemoDataEnabledCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        String explicit = env.getProperty("crm.demo.enabled");
        if (explicit != null) {
            return Boolean.parseBoolean(explicit) ? ConditionOutcome.match("crm.demo.enabled=true")
                    : ConditionOutcome.noMatch("crm.demo.enabled=false");
        }
        String url = env.getProperty("spring.datasource.url");
        if (url == null || url.startsWith("jdbc:h2:")) {
            return ConditionOutcome.match("embedded database");
        }
        return ConditionOutcome.noMatch("a real datasource is configured");
    }

}
