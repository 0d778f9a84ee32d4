package dev.erpgraph.erp;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.erp.http.ErpHttpClient;

/**
 * What a connector is built from: the system's id and kind, credentials, and its raw
 * options ({@code erp.systems.<id>.options.*}). The base URL lives in the
 * {@link ErpHttpClient} handed over beside it.
 *
 * <p>
 * Each ERP's factory reads the raw options into its typed {@code {Erp}Options} record
 * through the readers below, once, at start-up: a value that does not fit fails with an
 * {@link IllegalArgumentException} whose message starts with the property's full name
 * ({@code erp.systems.sap.options.maxUrlLength: must be a whole number between 1000 and
 * 64000, was 'abc'}). An option is found under the name documented or, as relaxed binding
 * (environment variables) spells it, ignoring case, {@code -} and {@code _}.
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
}
