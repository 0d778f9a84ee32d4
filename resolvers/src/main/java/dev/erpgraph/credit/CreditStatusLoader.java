package dev.erpgraph.credit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpsystems.AccountErpLinks;
import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
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

    /**
     * Also the name of the controller method's {@code DataLoader} parameter: Spring for
     * GraphQL finds the loader by it.
     */
    public static final String NAME = "creditStatus";

    private final AccountErpLinks links;

    private final ErpGateway gateway;

    CreditStatusLoader(BatchLoaderRegistry registry, ErpFieldProperties properties, AccountErpLinks links,
            ErpGateway gateway) {
        this.links = links;
        this.gateway = gateway;
        registry.<Long, ErpOutcome<CreditStatus>>forName(NAME)
            .withOptions(properties::applyTo)
            .registerMappedBatchLoader(
                    (keys, environment) -> Mono.fromFuture(() -> load(keys, environment.getContext())));
    }

    /**
     * @param request the request's GraphQL context, which holds the ERP links the request
     * has already read
     */
    CompletableFuture<Map<Long, ErpOutcome<CreditStatus>>> load(Set<Long> accountIds, GraphQLContext request) {
        Map<Long, CustomerRef> primary = new HashMap<>();
        links.of(accountIds, request).forEach((accountId, refs) -> {
            if (!refs.isEmpty()) {
                primary.put(accountId, refs.get(0));
            }
        });
        if (primary.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return gateway.credit(new HashSet<>(primary.values())).thenApply(outcomes -> {
            Map<Long, ErpOutcome<CreditStatus>> byAccount = new HashMap<>();
            primary.forEach((accountId, ref) -> byAccount.put(accountId, outcomes.get(ref)));
            return byAccount;
        });
    }

}
