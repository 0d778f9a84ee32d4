package dev.erpgraph.invoices;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.Invoice;
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
 * Loads {@code Account.invoices} for every account of a dispatch, as every per-account
 * ERP field is read ({@link PerAccountReads}): each ERP is asked once for all its
 * customers.
 */
@Component
class AccountInvoicesLoader {

    static final String NAME = "accountInvoices";

    private final AccountErpLinks links;

    private final ErpGateway gateway;

    AccountInvoicesLoader(BatchLoaderRegistry registry, ErpFieldProperties properties, AccountErpLinks links,
            ErpGateway gateway) {
        this.links = links;
        this.gateway = gateway;
        registry.<AccountInvoicesKey, List<ErpOutcome<List<Invoice>>>>forName(NAME)
            .withOptions(properties::applyTo)
            .registerMappedBatchLoader(
                    (keys, environment) -> Mono.fromFuture(() -> load(keys, environment.getContext())));
    }

    CompletableFuture<Map<AccountInvoicesKey, List<ErpOutcome<List<Invoice>>>>> load(Set<AccountInvoicesKey> keys,
            GraphQLContext request) {
        return PerAccountReads.load(keys, AccountInvoicesKey::accountId, AccountInvoicesKey::query, links, request,
                gateway::invoices);
    }

}
