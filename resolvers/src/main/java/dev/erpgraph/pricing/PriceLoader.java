package dev.erpgraph.pricing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.PriceRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpsystems.AccountErpLinks;
import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads the customer's price for {@code Account.price} and {@code OpportunityLine.price}:
 * one SQL statement for the owners' ERP links (two when both kinds of field are on the
 * page), then one gateway call for every (customer, sku, quantity) of the dispatch. Like
 * credit, prices come from the account's first ERP link: that is the customer record the
 * price list belongs to.
 */
@Component
class PriceLoader {

    static final String NAME = "price";

    private final AccountErpLinks links;

    private final ErpGateway gateway;

    PriceLoader(BatchLoaderRegistry registry, ErpFieldProperties properties, AccountErpLinks links,
            ErpGateway gateway) {
        this.links = links;
        this.gateway = gateway;
        registry.<PriceFieldKey, ErpOutcome<ItemPrice>>forName(NAME)
            .withOptions(properties::applyTo)
            .registerMappedBatchLoader(
                    (keys, environment) -> Mono.fromFuture(() -> load(keys, environment.getContext())));
    }

    /**
     * @param request the request's GraphQL context, which holds the ERP links the request
     * has already read
     */
    CompletableFuture<Map<PriceFieldKey, ErpOutcome<ItemPrice>>> load(Set<PriceFieldKey> keys, GraphQLContext request) {
        Map<Long, List<CustomerRef>> ofAccounts = links.of(ids(keys, PriceFieldKey.Owner.ACCOUNT), request);
        List<Long> opportunityIds = ids(keys, PriceFieldKey.Owner.OPPORTUNITY);
        Map<Long, List<CustomerRef>> ofOpportunities = opportunityIds.isEmpty() ? Map.of()
                : links.ofOpportunities(opportunityIds);
        Map<PriceFieldKey, PriceRef> priceRefs = new HashMap<>();
        for (PriceFieldKey key : keys) {
            List<CustomerRef> customer = (key.owner() == PriceFieldKey.Owner.ACCOUNT ? ofAccounts : ofOpportunities)
                .getOrDefault(key.ownerId(), List.of());
            if (!customer.isEmpty()) {
                CustomerRef primary = customer.get(0);
                priceRefs.put(key, new PriceRef(primary.erpSystemId(),
                        new PriceKey(primary.customerNumber(), key.sku(), key.quantity())));
            }
        }
        if (priceRefs.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return gateway.prices(new HashSet<>(priceRefs.values())).thenApply(outcomes -> {
            Map<PriceFieldKey, ErpOutcome<ItemPrice>> byKey = new HashMap<>();
            priceRefs.forEach((key, ref) -> byKey.put(key, outcomes.get(ref)));
            return byKey;
        });
    }

    private static List<Long> ids(Set<PriceFieldKey> keys, PriceFieldKey.Owner owner) {
        return keys.stream().filter(key -> key.owner() == owner).map(PriceFieldKey::ownerId).distinct().toList();
    }

}
