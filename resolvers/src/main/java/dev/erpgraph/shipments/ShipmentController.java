package dev.erpgraph.shipments;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.crm.account.Account;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentQuery;
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
 * {@code Account.shipments}, live from every ERP the account is linked to, merged newest
 * first; and {@code Order.shipments}, the shipments of one order in its own ERP.
 */
@Controller
class ShipmentController {

    private final ErpFieldProperties properties;

    ShipmentController(ErpFieldProperties properties) {
        this.properties = properties;
    }

    @SchemaMapping(typeName = "Account")
    CompletableFuture<DataFetcherResult<List<ShipmentView>>> shipments(Account account, @Argument Integer first,
            @Argument LocalDate since, DataFetchingEnvironment environment) {
        int limit = ErpFieldProperties.first(first, properties.defaultShipments());
        DataLoader<AccountShipmentsKey, List<ErpOutcome<List<Shipment>>>> loader = environment
            .getDataLoader(AccountShipmentsLoader.NAME);
        return loader.load(new AccountShipmentsKey(account.id(), new ShipmentQuery(since, limit)))
            .thenApply(outcomes -> LiveValue.merged(outcomes, ShipmentController::views, ShipmentView.NEWEST_FIRST,
                    limit, environment));
    }

    @SchemaMapping(typeName = "Order")
    CompletableFuture<DataFetcherResult<List<ShipmentView>>> shipments(OrderView order,
            DataFetchingEnvironment environment) {
        DataLoader<OrderRef, ErpOutcome<List<Shipment>>> loader = environment.getDataLoader(OrderShipmentsLoader.NAME);
        return loader.load(new OrderRef(order.erpSystemId(), order.number()))
            .thenApply(outcome -> LiveValue.list(outcome == null ? List.of() : List.of(outcome),
                    ShipmentController::views, environment));
    }

    private static List<ShipmentView> views(ErpOutcome<List<Shipment>> outcome) {
        return outcome.value().stream().map(shipment -> ShipmentView.of(shipment, outcome.freshness())).toList();
    }

}
