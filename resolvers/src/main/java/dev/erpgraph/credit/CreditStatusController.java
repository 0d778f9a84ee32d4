package dev.erpgraph.credit;

import java.util.concurrent.CompletableFuture;

import dev.erpgraph.crm.account.Account;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erpfields.LiveValue;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Account.creditStatus}, read live through {@link CreditStatusLoader}. */
@Controller
class CreditStatusController {

    @SchemaMapping(typeName = "Account")
    CompletableFuture<DataFetcherResult<CreditStatusView>> creditStatus(Account account,
            DataLoader<Long, ErpOutcome<CreditStatus>> creditStatus, DataFetchingEnvironment environment) {
        return creditStatus.load(account.id())
            .thenApply(outcome -> LiveValue.of(outcome, CreditStatusView::of, environment));
    }

}
