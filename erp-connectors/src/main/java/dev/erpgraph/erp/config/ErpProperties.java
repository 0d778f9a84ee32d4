package dev.erpgraph.erp.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code erp.*}. One block per ERP system under {@code erp.systems.<id>}; the id is the
 * instance name for the cache, the circuit breaker and the metrics. No system configured means the demo: one
 * sandbox ERP of each kind, served by this application.
 *
 * @param systems the ERP systems to read from, by id
 * @param timeout default timeout of one ERP request (overridable per system)
 * @param demoSeed seed of the sandboxes' deterministic data set (demo only)
 * @param sandbox how the demo's sandbox ERPs behave
 */
@Validated
@ConfigurationProperties("erp")
public record ErpProperties(
        @Valid Map<String, ErpSystemProperties> systems,
        @NotNull @DefaultValue("2s") Duration timeout,
        @DefaultValue("20261101") long demoSeed,
        @Valid @NotNull @DefaultValue Sandbox sandbox) {

    public ErpProperties {
        systems = systems == null ? Map.of() : new LinkedHashMap<>(systems);
    }

    /**
     * The demo sandboxes' default added latency: {@code latencyMs} plus up to {@code latencyJitterMs} at random,
     * a realistic 30 to 80 ms by default. Tests set both to 0; the admin API changes them at run time.
     */
    public record Sandbox(@DefaultValue("30") @jakarta.validation.constraints.PositiveOrZero long latencyMs,
                          @DefaultValue("50") @jakarta.validation.constraints.PositiveOrZero long latencyJitterMs) {
    }

    /** Whether the built-in sandboxes run: exactly when no real ERP system is configured. */
    public boolean sandboxMode() {
        return systems.isEmpty();
    }
}
