package dev.erpgraph.erp.gateway;

import java.util.List;
import java.util.Map;

import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.config.ErpProperties;
import dev.erpgraph.erp.config.ErpSystemProperties;
import dev.erpgraph.erp.http.ErpObservations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the connectors: from {@code erp.systems}, or, when none is configured, from the
 * application's {@link DefaultErpSystems} (the demo's sandboxes).
 */
@Configuration(proxyBeanMethods = false)
class ErpSystemsConfiguration {

    @Bean
    ErpSystems erpSystems(ErpProperties properties, List<ErpConnectorFactory> factories,
            ObjectProvider<DefaultErpSystems> defaults, Environment environment, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations) {
        Map<String, ErpSystemProperties> systems = properties.systems();
        if (systems.isEmpty()) {
            DefaultErpSystems fallback = defaults.getIfAvailable();
            systems = fallback == null ? Map.of() : fallback.systems();
        }
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        return new ErpSystems(systems, factories, properties.timeout(), properties.quota().degradedAt(),
                environment::resolveRequiredPlaceholders, registry,
                observations.getIfAvailable(() -> ErpObservations.measuredBy(registry)));
    }

}
