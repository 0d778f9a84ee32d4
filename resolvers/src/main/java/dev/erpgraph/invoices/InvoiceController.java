package dev.erpgraph.invoices;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.crm.account.Account;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import dev.erpgraph.erp.InvoiceStatus;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.OrderRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpfields.LiveValue;
import dev.erpgraph.orders.OrderView;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Account.invoices}, live from every ERP the account is linked to, merged newest
 * first; and {@code Order.invoices}, the invoices of one order in its own ERP. An
 * invoice's status is judged on today's date in UTC: overdue is a matter of the day, not
 * something the ERP stores.
 */
@Controller
class InvoiceController {

    private final ErpFieldProperties properties;

    private final Clock clock;

    InvoiceController(ErpFieldProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @SchemaMapping(typeName = "Account")
    CompletableFuture<DataFetcherResult<List<InvoiceView>>> invoices(Account account, @Argument Integer first,
            @Argument List<InvoiceStatus> status, @Argument LocalDate since, DataFetchingEnvironment environment) {
        int limit = ErpFieldProperties.first(first, properties.defaultInvoices());
        LocalDate today = LocalDate.now(clock);
        InvoiceQuery query = new InvoiceQuery(status == null ? Set.of() : Set.copyOf(status), since, limit, today);
        DataLoader<AccountInvoicesKey, List<ErpOutcome<List<Invoice>>>> loader = environment
            .getDataLoader(AccountInvoicesLoader.NAME);
        return loader.load(new AccountInvoicesKey(account.id(), query))
            .thenApply(outcomes -> LiveValue.merged(outcomes, outcome -> views(outcome, today),
                    InvoiceView.NEWEST_FIRST, limit, environment));
    }

    @SchemaMapping(typeName = "Order")
    CompletableFuture<DataFetcherResult<List<InvoiceView>>> invoices(OrderView order,
            DataFetchingEnvironment environment) {
        LocalDate today = LocalDate.now(clock);
        DataLoader<OrderRef, ErpOutcome<List<Invoice>>> loader = environment.getDataLoader(OrderInvoicesLoader.NAME);
        return loader.load(new OrderRef(order.erpSystemId(), order.number()))
            .thenApply(outcome -> LiveValue.list(outcome == null ? List.of() : List.of(outcome),
                    found -> views(found, today), environment));
    }

    private static List<InvoiceView> views(ErpOutcome<List<Invoice>> outcome, LocalDate today) {
        return outcome.value().stream().map(invoice -> InvoiceView.of(invoice, today, outcome.freshness())).toList();
    }

}
