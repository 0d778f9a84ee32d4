package dev.erpgraph.erp;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.erpgraph.erp.config.ErpAuthProperties;

/**
 * What a connector is built from: the system's id and kind, credentials, and its options,
 * with defaults applied. The base URL lives in the
 * {@link dev.erpgraph.erp.http.ErpHttpClient} handed over beside it.
 */
public record ConnectorSettings(String systemId, ErpKind kind, String name, ErpAuthProperties auth, Duration timeout,
        int maxConcurrency, Map<String, String> options) {

    public ConnectorSettings {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(timeout, "timeout");
        options = options == null ? Map.of() : Map.copyOf(options);
        name = name == null ? systemId : name;
    }

    /**
     * A connector option, or its default: for names a real deployment may spell
     * differently.
     */
    public String option(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }
}
