package dev.erpgraph.pricing;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.crm.account.Account;
import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erpfields.LiveValue;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The customer's live price: {@code Account.price(sku, quantity)}. */
@Controller
class PriceController {

    @SchemaMapping(typeName = "Account")
    CompletableFuture<DataFetcherResult<PriceView>> price(Account account, @Argument String sku,
                                                          @Argument BigDecimal quantity,
                                                          DataFetchingEnvironment environment) {
        if (sku == null || sku.isBlank() || sku.length() > 100) {
            throw new InvalidInputException("sku", "Must be 1 to 100 characters.");
        }
        if (quantity != null && quantity.signum() <= 0) {
            throw new InvalidInputException("quantity", "Must be greater than zero.");
        }
        return load(account.id(), sku, quantity, environment);
    }

    static CompletableFuture<DataFetcherResult<PriceView>> load(long accountId, String sku, BigDecimal quantity,
                                                                DataFetchingEnvironment environment) {
        DataLoader<AccountPriceKey, ErpOutcome<ItemPrice>> loader = environment.getDataLoader(PriceLoader.NAME);
        return loader.load(new AccountPriceKey(accountId, sku, quantity))
                .thenApply(outcome -> LiveValue.of(outcome, PriceView::of, environment));
    }
}
