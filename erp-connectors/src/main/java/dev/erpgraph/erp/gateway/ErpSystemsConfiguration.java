package dev.erpgraph.erp.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.config.ErpProperties;
import dev.erpgraph.erp.config.ErpSystemProperties;
import dev.erpgraph.erp.sandbox.SandboxErp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the connectors: from {@code erp.systems}, or, when none is configured, one per
 * sandbox ERP of the demo, pointed at this server's own port.
 */
@Configuration(proxyBeanMethods = false)
class ErpSystemsConfiguration {

    @Bean
    ErpSystems erpSystems(ErpProperties properties, List<ErpConnectorFactory> factories,
            ObjectProvider<SandboxErp> sandboxErps, Environment environment, ObjectProvider<MeterRegistry> meters) {
        Map<String, ErpSystemProperties> systems = properties.systems();
        if (properties.sandboxMode()) {
            systems = new LinkedHashMap<>();
            for (SandboxErp erp : sandboxErps.orderedStream().toList()) {
                systems.put(erp.defaultSystemId(),
                        erp.demoSystem("http://127.0.0.1:${local.server.port}/sandbox/" + erp.defaultSystemId()));
            }
        }
        return new ErpSystems(systems, factories, properties.timeout(), environment::resolveRequiredPlaceholders,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

}
