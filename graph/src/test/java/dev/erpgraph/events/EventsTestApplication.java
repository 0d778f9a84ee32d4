package dev.erpgraph.events;

import dev.erpgraph.erp.ErpConnectorFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The application without its GraphQL resolvers: the gateway, the events endpoint, the eviction channel and
 * the ERP health, so that the events tests do not depend on the rest of the schema being wired.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan("dev.erpgraph.erp")
@ComponentScan(basePackages = {"dev.erpgraph.erp", "dev.erpgraph.events", "dev.erpgraph.health"},
        // The tests bring connectors that count their calls; the real ones would call the ERP.
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ErpConnectorFactory.class))
class EventsTestApplication {
}
