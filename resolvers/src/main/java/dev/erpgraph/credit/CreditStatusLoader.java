package dev.erpgraph.credit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erpfields.ErpFieldLoaders;
import dev.erpgraph.erpsystems.AccountErpLinks;
import graphql.GraphQLContext;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Account.creditStatus} for every account of a dispatch: one SQL statement
 * for their ERP links, then one gateway call, which asks each ERP once. An account linked
 * to several ERPs shows its first link's credit (credit is per legal entity and currency;
 * summing across ERPs would mislead). An account with no link has no credit status (null,
 * no error).
 */
@Component
public class CreditStatusLoader {

    public static final String NAME = "creditStatus";

    private final AccountErpLinks links;

    private final ErpGateway gateway;

    CreditStatusLoader(ErpFieldLoaders loaders, AccountErpLinks links, ErpGateway gateway) {
        this.links = links;
        this.gateway = gateway;
        loaders.register(NAME, this::load);
    }

    List<CompletableFuture<Map<Long, ErpOutcome<CreditStatus>>>> load(Set<Long> accountIds, GraphQLContext request) {
        Map<Long, CustomerRef> primary = new HashMap<>();
        links.of(accountIds, request).forEach((accountId, refs) -> {
            if (!refs.isEmpty()) {
                primary.put(accountId, refs.get(0));
            }
        });
        if (primary.isEmpty()) {
            return List.of();
        }
        return gateway.credit(new HashSet<>(primary.values())).partsFor(primary);
    }

}
