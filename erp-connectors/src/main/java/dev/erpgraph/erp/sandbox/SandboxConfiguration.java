package dev.erpgraph.erp.sandbox;

import java.time.Clock;
import java.util.List;

import dev.erpgraph.erp.config.ErpProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in sandbox ERPs of the demo: one per ERP kind that has a {@link SandboxErp},
 * served on this application's port under {@code /sandbox/{id}/}. Absent as soon as a
 * real ERP system is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
class SandboxConfiguration {

    @Bean
    SandboxRegistry sandboxRegistry(List<SandboxErp> erps, ErpProperties properties) {
        return new SandboxRegistry(erps, properties.demoSeed(),
                SandboxFaults.defaults(properties.sandbox().latencyMs(), properties.sandbox().latencyJitterMs()),
                Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<SandboxTrafficFilter> sandboxTrafficFilter(SandboxRegistry registry) {
        FilterRegistrationBean<SandboxTrafficFilter> registration = new FilterRegistrationBean<>(
                new SandboxTrafficFilter(registry));
        registration.addUrlPatterns("/sandbox/*");
        return registration;
    }

}
