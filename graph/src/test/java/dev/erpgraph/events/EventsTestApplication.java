package dev.erpgraph.events;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;

/**
 * The application without its GraphQL resolvers: the gateway, the events endpoint, the eviction channel and
 * the ERP health, so that the events tests do not depend on the rest of the schema being wired.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan("dev.erpgraph.erp")
@ComponentScan({"dev.erpgraph.erp", "dev.erpgraph.events", "dev.erpgraph.health"})
class EventsTestApplication {
}
