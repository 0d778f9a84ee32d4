package dev.erpgraph.erpsystems;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpHealth;
import dev.erpgraph.erp.gateway.ErpResourceCheck;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erp.gateway.Freshness;
import dev.erpgraph.erp.quota.QuotaUsage;
import dev.erpgraph.invoices.InvoiceView;
import dev.erpgraph.orders.OrderView;
import dev.erpgraph.ordersubmission.OrderSubmission;
import dev.erpgraph.shipments.ShipmentView;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
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

    /** The findings of the system's last self-check. */
    @SchemaMapping(typeName = "ErpSystem")
    List<ErpResourceCheck> checks(ErpSystemView system) {
        return gateway.checks(system.id());
    }

    /**
     * Runs the system's self-check now (admin only, by the schema's directive): a
     * mutation, not a query argument, because it sends requests to the ERP and changes
     * what {@code health} answers, which a read must not do, and a client may retry or
     * cache a query as it pleases.
     */
    @MutationMapping
    CompletableFuture<CheckErpSystemPayload> checkErpSystem(@Argument CheckErpSystemInput input) {
        ErpSystemView system = find(input.id());
        if (system == null) {
            throw new RecordNotFoundException("No ERP system with this id.");
        }
        return gateway.check(system.id())
            .thenApply(checks -> new CheckErpSystemPayload(system, input.clientMutationId()));
    }

    /** What {@code checkErpSystem} takes. */
    record CheckErpSystemInput(String id, String clientMutationId) {
    }

    /**
     * What {@code checkErpSystem} answers; {@code checks} resolves to the new findings.
     */
    record CheckErpSystemPayload(ErpSystemView erpSystem, String clientMutationId) {
    }

    /**
     * Null for a system no longer configured: the non-null field then reports the error
     * on its path.
     */
    @SchemaMapping(typeName = "ErpSystem")
    QuotaUsage quota(ErpSystemView system) {
        return gateway.systems().find(system.id()).map(found -> found.quota().usage()).orElse(null);
    }

    /** ISO-8601, e.g. {@code PT5M}: the schema has no duration scalar. */
    @SchemaMapping(typeName = "ErpQuota")
    String window(QuotaUsage quota) {
        return quota.window().toString();
    }

    /** Null rather than 0 where no quota is known: "no limit" is not "a limit of 0". */
    @SchemaMapping(typeName = "ErpQuota")
    Integer limit(QuotaUsage quota) {
        return quota.limit() > 0 ? quota.limit() : null;
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

    @SchemaMapping(typeName = "OrderSubmission", field = "erpSystem")
    ErpSystemView submissionErpSystem(OrderSubmission submission) {
        return find(submission.erpSystemId());
    }

    /**
     * Null for a system no longer configured: the non-null field then reports the error
     * on its path.
     */
    private ErpSystemView find(String id) {
        return gateway.systems().find(id).map(ErpSystemController::view).orElse(null);
    }

    static ErpSystemView view(ErpSystems.ErpSystem system) {
        return new ErpSystemView(system.id(), system.kind(), system.name());
    }

}
