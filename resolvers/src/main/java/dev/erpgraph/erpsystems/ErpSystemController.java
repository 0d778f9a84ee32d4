package dev.erpgraph.erpsystems;

import java.util.List;

import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpHealth;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erp.gateway.Freshness;
import dev.erpgraph.erp.quota.QuotaUsage;
import dev.erpgraph.orders.OrderView;
import dev.erpgraph.ordersubmission.OrderSubmission;

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

    private static ErpSystemView view(ErpSystems.ErpSystem system) {
        return new ErpSystemView(system.id(), system.kind(), system.name());
    }

}
