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
import dev.erpgraph.erpfields.ErpFieldLoaders;
import dev.erpgraph.erpsystems.AccountErpLinks;
import graphql.GraphQLContext;
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

    PriceLoader(ErpFieldLoaders loaders, AccountErpLinks links, ErpGateway gateway) {
        this.links = links;
        this.gateway = gateway;
        loaders.register(NAME, this::load);
    }

    List<CompletableFuture<Map<PriceFieldKey, ErpOutcome<ItemPrice>>>> load(Set<PriceFieldKey> keys,
            GraphQLContext request) {
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
            return List.of();
        }
        return gateway.prices(new HashSet<>(priceRefs.values())).partsFor(priceRefs);
    }

    private static List<Long> ids(Set<PriceFieldKey> keys, PriceFieldKey.Owner owner) {
        return keys.stream().filter(key -> key.owner() == owner).map(PriceFieldKey::ownerId).distinct().toList();
    }

}
