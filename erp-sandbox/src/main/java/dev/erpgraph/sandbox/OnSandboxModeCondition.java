package dev.erpgraph.sandbox;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether this server runs the sandboxes: {@code sandbox.enabled} if set; otherwise
 * exactly when the application embedding them reads no real ERP ({@code erp.systems} has
 * no entry) and no sandbox process ({@code erp.sandbox.url} is not set). Run alone, with
 * neither, the sandboxes are on.
 */
class OnSandboxModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        String enabled = environment.getProperty("sandbox.enabled");
        if (enabled != null) {
            return Boolean.parseBoolean(enabled.trim());
        }
        String url = environment.getProperty("erp.sandbox.url");
        boolean noSystems = Binder.get(environment)
            .bind("erp.systems", Bindable.mapOf(String.class, Object.class))
            .map(Map::isEmpty)
            .orElse(true);
        return noSystems && (url == null || url.isBlank());
    }

}
