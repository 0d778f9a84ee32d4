package dev.erpgraph.crm.demo;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo data only in the embedded default, unless {@code crm.demo.enabled} says otherwise.
 */
class DemoDataEnabledConditionTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Guarded.class);

    @Test
    void isOnForAnH2Url() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:x")
            .run(context -> assertThat(context).hasSingleBean(Guarded.class));
    }

    @Test
    void isOffForARealDatabase() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db/crm")
            .run(context -> assertThat(context).doesNotHaveBean(Guarded.class));
    }

    @Test
    void followsAnExplicitSettingEitherWay() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db/crm", "crm.demo.enabled=true")
            .run(context -> assertThat(context).hasSingleBean(Guarded.class));
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:x", "crm.demo.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(Guarded.class));
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(DemoDataEnabledCondition.class)
    static class Guarded {

    }

}
