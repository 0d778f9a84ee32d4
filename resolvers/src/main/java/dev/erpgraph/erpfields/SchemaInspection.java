package dev.erpgraph.erpfields;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.erpgraph.credit.CreditStatusView;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.ShipmentLine;
import dev.erpgraph.erp.gateway.Freshness;
import dev.erpgraph.erpsystems.ErpCustomerLinkView;
import dev.erpgraph.erpsystems.ErpSystemView;
import dev.erpgraph.inventory.InventoryLevelView;
import dev.erpgraph.invoices.InvoiceView;
import dev.erpgraph.orders.OrderLineView;
import dev.erpgraph.orders.OrderView;
import dev.erpgraph.pricing.PriceView;
import dev.erpgraph.shipments.ShipmentView;
import graphql.schema.FieldCoordinates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Spring for GraphQL's check that every schema field has a resolver, completed for the
 * ERP-owned types. Their fields answer through {@code DataFetcherResult} (a value and its
 * per-ERP errors together), which the inspector cannot see through, so it reports their
 * properties as unmapped. Here each such type names the record that backs it, and a field
 * counts as unmapped only if that record has no accessor for it either. The result is
 * logged at start-up (a warning when something is unmapped) and kept for the test that
 * requires it to be clean.
 */
@Component
public class SchemaInspection implements GraphQlSourceBuilderCustomizer {

    private static final Logger logger = LoggerFactory.getLogger(SchemaInspection.class);

    /**
     * The record behind each schema type that is resolved through
     * {@code DataFetcherResult}.
     */
    static final Map<String, Class<?>> VIEWS = Map.ofEntries(Map.entry("Order", OrderView.class),
            Map.entry("OrderLine", OrderLineView.class), Map.entry("InventoryLevel", InventoryLevelView.class),
            Map.entry("Price", PriceView.class), Map.entry("PriceBreak", PriceBreak.class),
            Map.entry("CreditStatus", CreditStatusView.class), Map.entry("Money", Money.class),
            Map.entry("Freshness", Freshness.class), Map.entry("ErpSystem", ErpSystemView.class),
            Map.entry("ErpCustomerLink", ErpCustomerLinkView.class), Map.entry("Shipment", ShipmentView.class),
            Map.entry("ShipmentLine", ShipmentLine.class), Map.entry("Invoice", InvoiceView.class));

    /**
     * The fields Apollo Federation adds: their data fetchers are set by the federation
     * schema factory, after the inspection has run.
     */
    static final Set<FieldCoordinates> FEDERATION = Set.of(FieldCoordinates.coordinates("Query", "_service"),
            FieldCoordinates.coordinates("Query", "_entities"));

    private final AtomicReference<SchemaReport> report = new AtomicReference<>();

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.inspectSchemaMappings(this::inspected);
    }

    private void inspected(SchemaReport schemaReport) {
        report.set(schemaReport);
        List<FieldCoordinates> unmapped = unmappedFields();
        if (unmapped.isEmpty() && schemaReport.unmappedArguments().isEmpty()) {
            logger.debug("Every schema field has a resolver.");
        }
        else {
            logger.warn("Schema fields without a resolver: {}; unmapped arguments: {}", unmapped,
                    schemaReport.unmappedArguments());
        }
    }

    /**
     * Fields with neither a data fetcher nor a property of the record that backs their
     * type.
     */
    public List<FieldCoordinates> unmappedFields() {
        return report.get()
            .unmappedFields()
            .stream()
            .filter(field -> !backedByView(field) && !FEDERATION.contains(field))
            .toList();
    }

    /** The inspector's own report. */
    public SchemaReport report() {
        return report.get();
    }

    private static boolean backedByView(FieldCoordinates field) {
        Class<?> view = VIEWS.get(field.getTypeName());
        return view != null && ReflectionUtils.findMethod(view, field.getFieldName()) != null;
    }

}
