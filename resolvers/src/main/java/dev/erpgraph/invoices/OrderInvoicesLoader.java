package dev.erpgraph.invoices;

import java.util.List;

import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.OrderRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Order.invoices}: every order of a dispatch in one gateway call, each ERP
 * once.
 */
@Component
class OrderInvoicesLoader {

    static final String NAME = "orderInvoices";

    OrderInvoicesLoader(BatchLoaderRegistry registry, ErpFieldProperties properties, ErpGateway gateway) {
        registry.<OrderRef, ErpOutcome<List<Invoice>>>forName(NAME)
            .withOptions(properties::applyTo)
            .registerMappedBatchLoader((keys, environment) -> Mono.fromFuture(() -> gateway.invoicesByOrder(keys)));
    }

}
