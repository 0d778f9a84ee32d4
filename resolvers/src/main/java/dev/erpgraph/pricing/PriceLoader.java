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
import dev.erpgraph.erpfields.LoaderRegistration;
import dev.erpgraph.erpsystems.AccountErpLinks;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads the customer's price for {@code Account.price} and {@code OpportunityLine.price}: one SQL statement for
 * the accounts' ERP links, then one gateway call for every (customer, sku, quantity) of the dispatch. Like credit,
 * prices come from the account's first ERP link: that is the customer record the price list belongs to.
 */
@Component
class PriceLoader {

    static final String NAME = "price";

    private final AccountErpLinks links;
    private final ErpGateway gateway;

    PriceLoader(BatchLoaderRegistry registry, AccountErpLinks links, ErpGateway gateway,
                ErpFieldProperties properties) {
        this.links = links;
        this.gateway = gateway;
        LoaderRegistration.register(registry, NAME, properties, this::load);
    }

    CompletableFuture<Map<AccountPriceKey, ErpOutcome<ItemPrice>>> load(Set<AccountPriceKey> keys) {
        Map<Long, List<CustomerRef>> refs = links.of(keys.stream().map(AccountPriceKey::accountId).distinct().toList());
        Map<AccountPriceKey, PriceRef> priceRefs = new HashMap<>();
        for (AccountPriceKey key : keys) {
            List<CustomerRef> customer = refs.get(key.accountId());
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
            Map<AccountPriceKey, ErpOutcome<ItemPrice>> byKey = new HashMap<>();
            priceRefs.forEach((key, ref) -> byKey.put(key, outcomes.get(ref)));
            return byKey;
        });
    }
}
