package dev.erpgraph.events;

import java.util.UUID;

import javax.sql.DataSource;

import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpResource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the eviction channel between replicas to this replica's gateway. */
@Configuration(proxyBeanMethods = false)
class ErpEventsConfiguration {

    @Bean
    ClusterEvictions clusterEvictions(ObjectProvider<DataSource> dataSource, ErpGateway gateway) {
        return new ClusterEvictions(dataSource.getIfAvailable(), gateway::evict,
                () -> gateway.systems().all().forEach(system -> {
                    for (ErpResource resource : ErpResource.values()) {
                        gateway.evictAll(system.id(), resource);
                    }
                }), UUID.randomUUID().toString());
    }

}
