package dev.erpgraph.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.config.ErpAuthProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo's ERP systems (application.yaml, {@code demo.erp.*}): what the application
 * reads when {@code erp.systems} is empty. Each is one sandbox ERP, at
 * {@code <root>/sandbox/<id>} where the root is {@code erp.sandbox.url} (a sandbox
 * process) or this server (the embedded default), with the credentials the sandboxes
 * accept.
 *
 * @param systems the sandbox systems by id, in the order the demo accounts are linked
 * @param eventsSecret every demo system's {@code events.secret}, the one the sandboxes
 * sign their change notifications with ({@code sandbox.events.secret})
 * @param linkedAccountsPerSystem how many demo CRM accounts are linked to customers of
 * each system
 */
@Validated
@ConfigurationProperties("demo.erp")
public record DemoErpProperties(@NotEmpty Map<String, @Valid DemoSystem> systems, @NotBlank String eventsSecret,
        @Positive int linkedAccountsPerSystem) {

    public DemoErpProperties {
        systems = systems == null ? Map.of() : new LinkedHashMap<>(systems);
    }

    /**
     * One sandbox system.
     *
     * @param kind the ERP it speaks
     * @param name its display name
     * @param auth the credentials its sandbox accepts
     * @param options its connector's options
     * @param firstCustomerNumber the sandbox's number of the data set's first customer
     * @param customerNumberStep how the sandbox numbers the next ones: customer k is
     * {@code first + step * k}
     */
    public record DemoSystem(@NotNull ErpKind kind, @NotBlank String name, @Valid ErpAuthProperties auth,
            Map<String, String> options, @PositiveOrZero long firstCustomerNumber, @Positive int customerNumberStep) {

        public DemoSystem {
            options = options == null ? Map.of() : Map.copyOf(options);
        }

        /** The sandbox's number of the data set's customer {@code index}. */
        public String customerNumber(int index) {
            return String.valueOf(firstCustomerNumber + (long) customerNumberStep * index);
        }
    }

}
