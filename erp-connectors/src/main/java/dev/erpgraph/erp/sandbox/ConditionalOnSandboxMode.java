package dev.erpgraph.erp.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Only in the demo: when no {@code erp.systems} is configured, the built-in sandbox ERPs
 * run.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnSandboxModeCondition.class)
public @interface ConditionalOnSandboxMode {

}
