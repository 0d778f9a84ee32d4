package dev.erpgraph.health;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erp.quota.QuotaUsage;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/health} component {@code erp}: one entry per ERP system with its
 * health (UP, DEGRADED, DOWN: the circuit breaker's view, DEGRADED near the API quota)
 * and its quota use in the current window. Each entry reports status UP whatever the
 * ERP's health: an ERP that is down is served from the cache or as a typed error per
 * field, so this application is still up and must not be pulled out of a load balancer
 * for it. The ERP's health is in the {@code health} detail.
 */
@Configuration(proxyBeanMethods = false)
class ErpHealthConfiguration {

    @Bean
    CompositeHealthContributor erpHealthContributor(ErpGateway gateway) {
        Map<String, HealthIndicator> systems = new LinkedHashMap<>();
        for (ErpSystems.ErpSystem system : gateway.systems().all()) {
            systems.put(system.id(), () -> {
                QuotaUsage quota = system.quota().usage();
                Map<String, Object> quotaDetails = new LinkedHashMap<>();
                quotaDetails.put("measure", quota.measure().name());
                quotaDetails.put("used", quota.used());
                quotaDetails.put("limit", quota.limit());
                quotaDetails.put("window", quota.window().toString());
                quotaDetails.put("ratio", quota.ratio());
                quotaDetails.put("throttled", quota.throttled());
                quotaDetails.put("retryAfters", quota.retryAfters());
                return Health.up()
                    .withDetail("health", gateway.health(system.id()).name())
                    .withDetail("kind", system.kind().name())
                    .withDetail("name", system.name())
                    .withDetail("quota", quotaDetails)
                    .build();
            });
        }
        return CompositeHealthContributor.fromMap(systems);
    }

}
