package dev.erpgraph.sandbox;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The sandbox ERPs: one per ERP kind that has a {@link SandboxErp}, served on this
 * server's port under {@code /sandbox/{id}/}, each with its own data set derived from
 * {@code sandbox.seed}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

    @Bean
    SandboxRegistry sandboxRegistry(List<SandboxErp> erps, SandboxProperties properties) {
        return new SandboxRegistry(erps, properties.seed(),
                SandboxFaults.defaults(properties.latencyMs(), properties.latencyJitterMs()), Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<SandboxTrafficFilter> sandboxTrafficFilter(SandboxRegistry registry) {
        FilterRegistrationBean<SandboxTrafficFilter> registration = new FilterRegistrationBean<>(
                new SandboxTrafficFilter(registry));
        registration.addUrlPatterns("/sandbox/*");
        // First of all filters, so that the latency covers all of the server's work for
        // the answer, as a real ERP's latency does. Embedded in the application, a
        // sandbox request would otherwise pass the application's whole filter chain
        // (observation, security, rate limit) before its latency began.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

}
