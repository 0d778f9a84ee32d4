package dev.erpgraph.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Only where the sandboxes run: alone, or embedded in the demo while it reads neither a
 * real ERP nor a sandbox process (see {@link OnSandboxModeCondition}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnSandboxModeCondition.class)
public @interface ConditionalOnSandboxMode {

}
