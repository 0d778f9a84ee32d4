package dev.erpgraph.events;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.erpgraph.changes.ErpChanges;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.ordersubmission.OrderSubmissionChanged;
import dev.erpgraph.ordersubmission.OrderSubmissionWatch;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wires the channel between replicas to this replica's gateway, its subscriptions' change
 * feed and its order submission subscribers.
 */
@Configuration(proxyBeanMethods = false)
class ErpEventsConfiguration {

    @Bean
    ClusterEvictions clusterEvictions(ObjectProvider<DataSource> dataSource, ErpGateway gateway, ErpChanges changes,
            ObjectProvider<OrderSubmissionWatch> orderSubmissions) {
        // Another replica's eviction is a change here too: its subscribers hear of it.
        return new ClusterEvictions(dataSource.getIfAvailable(), eviction -> {
            gateway.evict(eviction);
            changes.applied(List.of(eviction));
        }, () -> gateway.systems().all().forEach(system -> {
            for (ErpResource resource : ErpResource.values()) {
                gateway.evictAll(system.id(), resource);
            }
        }), opportunityId -> orderSubmissions.ifAvailable(watch -> watch.changed(opportunityId)),
                UUID.randomUUID().toString());
    }

    /** This replica's submission changes, for the other replicas' subscribers. */
    @Bean
    OrderSubmissionChangesPublisher orderSubmissionChangesPublisher(ClusterEvictions cluster) {
        return new OrderSubmissionChangesPublisher(cluster);
    }

    static final class OrderSubmissionChangesPublisher {

        private final ClusterEvictions cluster;

        OrderSubmissionChangesPublisher(ClusterEvictions cluster) {
            this.cluster = cluster;
        }

        @EventListener
        void on(OrderSubmissionChanged change) {
            cluster.publishOrderSubmissionChanged(change.opportunityId());
        }

    }

}
