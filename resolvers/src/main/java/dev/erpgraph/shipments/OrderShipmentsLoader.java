package dev.erpgraph.shipments;

import java.util.List;

import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.OrderRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Order.shipments}: every order of a dispatch (all the orders of a page's
 * accounts) in one gateway call, each ERP once.
 */
@Component
class OrderShipmentsLoader {

    static final String NAME = "orderShipments";

    OrderShipmentsLoader(BatchLoaderRegistry registry, ErpFieldProperties properties, ErpGateway gateway) {
        registry.<OrderRef, ErpOutcome<List<Shipment>>>forName(NAME)
            .withOptions(properties::applyTo)
            .registerMappedBatchLoader((keys, environment) -> Mono.fromFuture(() -> gateway.shipmentsByOrder(keys)));
    }

}
