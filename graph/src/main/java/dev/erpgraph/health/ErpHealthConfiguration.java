package dev.erpgraph.health;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpSystems;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/health} component {@code erp}: one entry per ERP system with its
 * health from the circuit breaker (UP, DEGRADED, DOWN). Each entry reports status UP
 * whatever the ERP's health: an ERP that is down is served from the cache or as a typed
 * error per field, so this application is still up and must not be pulled out of a load
 * balancer for it. The ERP's health is in the {@code health} detail.
 */
@Configuration(proxyBeanMethods = false)
class ErpHealthConfiguration {

    @Bean
    CompositeHealthContributor erpHealthContributor(ErpGateway gateway) {
        Map<String, HealthIndicator> systems = new LinkedHashMap<>();
        for (ErpSystems.ErpSystem system : gateway.systems().all()) {
            systems.put(system.id(),
                    () -> Health.up()
                        .withDetail("health", gateway.health(system.id()).name())
                        .withDetail("kind", system.kind().name())
                        .withDetail("name", system.name())
                        .build());
        }
        return CompositeHealthContributor.fromMap(systems);
    }

}
