package dev.erpgraph.erp.config;

import java.time.Duration;
import java.util.Map;

import dev.erpgraph.erp.ErpKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * One ERP system.
 *
 * @param kind which ERP product this is
 * @param name a display name ({@code ErpSystem.name}); defaults to the id
 * @param baseUrl the root every connector path is resolved against (see each connector's docs)
 * @param auth how to authenticate
 * @param timeout this system's request timeout; null: {@code erp.timeout}
 * @param maxConcurrency how many requests the connector may have in flight where it fans out (default 4)
 * @param options connector-specific settings (versioned operation names, company ids, entity set names)
 */
public record ErpSystemProperties(
        @NotNull ErpKind kind,
        String name,
        @NotBlank String baseUrl,
        @Valid ErpAuthProperties auth,
        Duration timeout,
        @Positive Integer maxConcurrency,
        Map<String, String> options) {

    public ErpSystemProperties {
        auth = auth == null ? ErpAuthProperties.none() : auth;
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
