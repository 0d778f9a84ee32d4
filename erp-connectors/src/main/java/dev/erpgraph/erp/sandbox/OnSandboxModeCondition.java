package dev.erpgraph.erp.sandbox;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code erp.systems} has no entry: the same rule as
 * {@code ErpProperties.sandboxMode()}.
 */
class OnSandboxModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
            .bind("erp.systems", Bindable.mapOf(String.class, Object.class))
            .map(Map::isEmpty)
            .orElse(true);
    }

}
