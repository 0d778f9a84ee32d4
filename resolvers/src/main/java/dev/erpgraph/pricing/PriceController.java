package dev.erpgraph.pricing;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.crm.account.Account;
import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.crm.opportunity.OpportunityLine;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erpfields.LiveValue;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The customer's live price: {@code Account.price(sku, quantity)} and
 * {@code OpportunityLine.price}.
 */
@Controller
class PriceController {

    @SchemaMapping(typeName = "Account")
    CompletableFuture<DataFetcherResult<PriceView>> price(Account account, @Argument String sku,
            @Argument BigDecimal quantity, DataFetchingEnvironment environment) {
        if (sku == null || sku.isBlank() || sku.length() > 100) {
            throw new InvalidInputException("sku", "Must be 1 to 100 characters.");
        }
        if (quantity != null && quantity.signum() <= 0) {
            throw new InvalidInputException("quantity", "Must be greater than zero.");
        }
        return load(new PriceFieldKey(PriceFieldKey.Owner.ACCOUNT, account.id(), sku, quantity), environment);
    }

    /** The account's live price for what the line quotes. */
    @SchemaMapping(typeName = "OpportunityLine")
    CompletableFuture<DataFetcherResult<PriceView>> price(OpportunityLine line, DataFetchingEnvironment environment) {
        return load(
                new PriceFieldKey(PriceFieldKey.Owner.OPPORTUNITY, line.opportunityId(), line.sku(), line.quantity()),
                environment);
    }

    private static CompletableFuture<DataFetcherResult<PriceView>> load(PriceFieldKey key,
            DataFetchingEnvironment environment) {
        DataLoader<PriceFieldKey, ErpOutcome<ItemPrice>> loader = environment.getDataLoader(PriceLoader.NAME);
        return loader.load(key).thenApply(outcome -> LiveValue.of(outcome, PriceView::of, environment));
    }

}
