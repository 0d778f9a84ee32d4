package dev.erpgraph.erpsystems;

import java.util.List;

import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpHealth;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erp.gateway.Freshness;
import dev.erpgraph.invoices.InvoiceView;
import dev.erpgraph.orders.OrderView;
import dev.erpgraph.shipments.ShipmentView;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The configured ERP systems, and every field that points at one. */
@Controller
class ErpSystemController {

    private final ErpGateway gateway;

    ErpSystemController(ErpGateway gateway) {
        this.gateway = gateway;
    }

    @QueryMapping
    List<ErpSystemView> erpSystems() {
        return gateway.systems().all().stream().map(ErpSystemController::view).toList();
    }

    @SchemaMapping(typeName = "ErpSystem")
    ErpHealth health(ErpSystemView system) {
        return gateway.health(system.id());
    }

    @SchemaMapping(typeName = "Freshness")
    ErpSystemView erpSystem(Freshness freshness) {
        return find(freshness.erpSystemId());
    }

    @SchemaMapping(typeName = "Order", field = "erpSystem")
    ErpSystemView orderErpSystem(OrderView order) {
        return find(order.erpSystemId());
    }

    @SchemaMapping(typeName = "Shipment", field = "erpSystem")
    ErpSystemView shipmentErpSystem(ShipmentView shipment) {
        return find(shipment.erpSystemId());
    }

    @SchemaMapping(typeName = "Invoice", field = "erpSystem")
    ErpSystemView invoiceErpSystem(InvoiceView invoice) {
        return find(invoice.erpSystemId());
    }

    @SchemaMapping(typeName = "ErpCustomerLink", field = "erpSystem")
    ErpSystemView linkErpSystem(ErpCustomerLinkView link) {
        return find(link.erpSystemId());
    }

    /**
     * Null for a system no longer configured: the non-null field then reports the error
     * on its path.
     */
    private ErpSystemView find(String id) {
        return gateway.systems().find(id).map(ErpSystemController::view).orElse(null);
    }

    private static ErpSystemView view(ErpSystems.ErpSystem system) {
        return new ErpSystemView(system.id(), system.kind(), system.name());
    }

}
