package dev.erpgraph.erpfields;

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
 */
@Validated
@ConfigurationProperties("erp.graphql")
public record ErpFieldProperties(@DefaultValue("true") boolean batching,
        @DefaultValue("10") @Min(1) @Max(100) int defaultOrders) {

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
