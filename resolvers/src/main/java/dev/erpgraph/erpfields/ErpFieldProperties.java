package dev.erpgraph.erpfields;

import dev.erpgraph.crm.errors.InvalidInputException;
import dev.erpgraph.erp.OrderQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dataloader.DataLoaderOptions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How ERP-owned fields are loaded.
 *
 * @param batching one ERP call per resource and dispatch (true, the product); false makes
 * every key its own ERP call, for the benchmark's comparison only
 * @param defaultOrders how many orders {@code Account.orders} returns when {@code first}
 * is not given
 * @param defaultShipments how many shipments {@code Account.shipments} returns when
 * {@code first} is not given
 * @param defaultInvoices how many invoices {@code Account.invoices} returns when
 * {@code first} is not given
 */
@Validated
@ConfigurationProperties("erp.graphql")
public record ErpFieldProperties(@DefaultValue("true") boolean batching,
        @DefaultValue("10") @Min(1) @Max(100) int defaultOrders,
        @DefaultValue("10") @Min(1) @Max(100) int defaultShipments,
        @DefaultValue("10") @Min(1) @Max(100) int defaultInvoices) {

    /**
     * The {@code first} of a per-account list field, or its default; outside 1 to 100 it
     * is the caller's mistake, named.
     */
    public static int first(Integer first, int defaultFirst) {
        int limit = first == null ? defaultFirst : first;
        if (limit < 1 || limit > OrderQuery.MAX_LIMIT) {
            throw new InvalidInputException("first", "Must be between 1 and " + OrderQuery.MAX_LIMIT + ".");
        }
        return limit;
    }

    /**
     * The options of every ERP-field DataLoader, given to its {@code BatchLoaderRegistry}
     * registration: without batching, each key is a batch of its own.
     */
    public void applyTo(DataLoaderOptions.Builder options) {
        if (!batching) {
            options.setMaxBatchSize(1);
        }
    }

}
