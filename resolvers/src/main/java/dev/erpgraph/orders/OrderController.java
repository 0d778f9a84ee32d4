package dev.erpgraph.orders;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.Scope;
import dev.erpgraph.crm.account.Account;
import dev.erpgraph.crm.opportunity.Opportunity;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.OrderRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpfields.LiveValue;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Account.orders}, live from every ERP the account is linked to, merged newest
 * first; and {@code Opportunity.order}, the order a won opportunity became.
 */
@Controller
class OrderController {

    private final ErpFieldProperties properties;

    OrderController(ErpFieldProperties properties) {
        this.properties = properties;
    }

    @SchemaMapping(typeName = "Account")
    CompletableFuture<DataFetcherResult<List<OrderView>>> orders(Account account, @Argument Integer first,
            @Argument List<OrderStatus> status, @Argument LocalDate since,
            DataLoader<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> accountOrders,
            DataFetchingEnvironment environment) {
        int limit = ErpFieldProperties.first(first, properties.defaultOrders());
        OrderQuery query = new OrderQuery(status == null ? Set.of() : Set.copyOf(status), since, limit,
                asksLineStockOfEveryWarehouse(environment));
        return accountOrders.load(new AccountOrdersKey(account.id(), query))
            .thenApply(outcomes -> LiveValue.merged(outcomes,
                    outcome -> outcome.value().stream().map(order -> OrderView.of(order, outcome.freshness())).toList(),
                    OrderView.NEWEST_FIRST, limit, environment));
    }

    /**
     * Whether the query selects {@code lines { inventory }} without a warehouse: then an
     * ERP that can embed the lines' stock in the orders' request is asked to (see
     * {@code OrderQuery.withLineStock}), and the stock read that follows finds it cached.
     * With a warehouse, the stock is read on its own, as before. A caller without
     * {@code erp:inventory} never asks: the field would be refused, and no ERP is asked
     * for what is not shown.
     */
    static boolean asksLineStockOfEveryWarehouse(DataFetchingEnvironment environment) {
        // The selection's own walk, not getFields("lines/inventory"): a glob compiles a
        // regular expression on every call, and this runs for every account of a page
        // before its first ERP request can leave.
        return Caller.current().may(Scope.ERP_INVENTORY) && environment.getSelectionSet()
            .getImmediateFields()
            .stream()
            .filter(field -> "lines".equals(field.getName()))
            .flatMap(lines -> lines.getSelectionSet().getImmediateFields().stream())
            .anyMatch(field -> "inventory".equals(field.getName()) && field.getArguments().get("warehouse") == null);
    }

    /**
     * The sales order a won opportunity became, read live by the number stored with it;
     * null until then.
     */
    @SchemaMapping(typeName = "Opportunity")
    CompletableFuture<DataFetcherResult<OrderView>> order(Opportunity opportunity,
            DataFetchingEnvironment environment) {
        if (opportunity.erpSystemId() == null || opportunity.erpOrderNumber() == null) {
            return CompletableFuture.completedFuture(DataFetcherResult.<OrderView>newResult().data(null).build());
        }
        DataLoader<OrderRef, ErpOutcome<SalesOrder>> loader = environment.getDataLoader(OrderByNumberLoader.NAME);
        return loader.load(new OrderRef(opportunity.erpSystemId(), opportunity.erpOrderNumber()))
            .thenApply(outcome -> LiveValue.of(outcome, found -> OrderView.of(found.value(), found.freshness()),
                    environment));
    }

}
