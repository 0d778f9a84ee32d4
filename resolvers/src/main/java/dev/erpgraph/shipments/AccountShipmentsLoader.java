package dev.erpgraph.shipments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpsystems.AccountErpLinks;
import dev.erpgraph.erpsystems.PerAccountReads;
import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Account.shipments} for every account of a dispatch, as every per-account
 * ERP field is read ({@link PerAccountReads}): each ERP is asked once for all its
 * customers.
 */
@Component
class AccountShipmentsLoader {

    static final String NAME = "accountShipments";

    private final AccountErpLinks links;

    private final ErpGateway gateway;

    AccountShipmentsLoader(BatchLoaderRegistry registry, ErpFieldProperties properties, AccountErpLinks links,
            ErpGateway gateway) {
        this.links = links;
        this.gateway = gateway;
        registry.<AccountShipmentsKey, List<ErpOutcome<List<Shipment>>>>forName(NAME)
            .withOptions(properties::applyTo)
            .registerMappedBatchLoader(
                    (keys, environment) -> Mono.fromFuture(() -> load(keys, environment.getContext())));
    }

    CompletableFuture<Map<AccountShipmentsKey, List<ErpOutcome<List<Shipment>>>>> load(Set<AccountShipmentsKey> keys,
            GraphQLContext request) {
        return PerAccountReads.load(keys, AccountShipmentsKey::accountId, AccountShipmentsKey::query, links, request,
                gateway::shipments);
    }

}
