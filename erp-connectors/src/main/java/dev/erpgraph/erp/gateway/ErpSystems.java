package dev.erpgraph.erp.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.config.ErpSystemProperties;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpObservations;
import dev.erpgraph.erp.quota.QuotaWatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * The configured ERP systems and their connectors, by system id. Built once at start-up
 * from {@code erp.systems} (or the demo's sandboxes); several systems of one kind are
 * allowed. A system whose options do not validate fails start-up. Closing it (Spring does
 * at shutdown) closes every connector, releasing their threads.
 */
public final class ErpSystems implements AutoCloseable {

    /**
     * One system: its id, configuration, connector, the factory of its ERP kind (default
     * limits, event parser), and the watch over its API quota.
     */
    public record ErpSystem(String id, ErpSystemProperties properties, ErpConnector connector,
            ErpConnectorFactory factory, QuotaWatch quota) {
        public ErpKind kind() {
            return properties.kind();
        }

        public String name() {
            return properties.name() == null ? id : properties.name();
        }
    }

    private final Map<String, ErpSystem> systems = new LinkedHashMap<>();

    /** Systems whose quota watch reports {@code DEGRADED} at the default share, 0.7. */
    public ErpSystems(Map<String, ErpSystemProperties> configured, List<ErpConnectorFactory> factories,
            Duration defaultTimeout, UnaryOperator<String> placeholders, MeterRegistry meters) {
        this(configured, factories, defaultTimeout, QuotaWatch.DEFAULT_DEGRADED_AT, placeholders, meters,
                ErpObservations.measuredBy(meters));
    }

    /**
     * @param quotaDegradedAt the share of its quota at which a system is {@code DEGRADED}
     * @param placeholders resolves placeholders left in a base URL at call time (the
     * demo's sandboxes live on this server's port, known only once it listens)
     * @param observations what every ERP request is observed by (a timer and a span)
     */
    public ErpSystems(Map<String, ErpSystemProperties> configured, List<ErpConnectorFactory> factories,
            Duration defaultTimeout, double quotaDegradedAt, UnaryOperator<String> placeholders, MeterRegistry meters,
            ObservationRegistry observations) {
        Map<ErpKind, ErpConnectorFactory> byKind = new EnumMap<>(ErpKind.class);
        factories.forEach(factory -> byKind.put(factory.kind(), factory));
        try {
            configured.forEach((id, properties) -> add(id, properties, byKind, defaultTimeout, quotaDegradedAt,
                    placeholders, meters, observations));
        }
        catch (RuntimeException ex) {
            // A later system's bad option: the connectors built so far let their threads
            // go.
            close();
            throw ex;
        }
    }

    private void add(String id, ErpSystemProperties properties, Map<ErpKind, ErpConnectorFactory> byKind,
            Duration defaultTimeout, double quotaDegradedAt, UnaryOperator<String> placeholders, MeterRegistry meters,
            ObservationRegistry observations) {
        ErpConnectorFactory factory = byKind.get(properties.kind());
        if (factory == null) {
            throw new IllegalStateException("erp.systems." + id + ": no connector for kind " + properties.kind());
        }
        Duration timeout = properties.timeout() == null ? defaultTimeout : properties.timeout();
        ConnectorSettings settings = new ConnectorSettings(id, properties.kind(), properties.name(), properties.auth(),
                timeout, properties.maxConcurrency() == null ? 4 : properties.maxConcurrency(), properties.options());
        QuotaWatch quota = new QuotaWatch(id, properties.quota().applyTo(factory.defaultLimits().quota()),
                quotaDegradedAt, Clock.systemUTC());
        ErpHttpClient http = new ErpHttpClient(id, () -> placeholders.apply(properties.baseUrl()), timeout,
                observations, quota);
        systems.put(id, new ErpSystem(id, properties, factory.create(settings, http), factory, quota));
        quota.register(meters);
    }

    public Collection<ErpSystem> all() {
        return systems.values();
    }

    public Optional<ErpSystem> find(String id) {
        return Optional.ofNullable(systems.get(id));
    }

    /** Closes every connector; one that fails to close does not keep the others open. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (ErpSystem system : systems.values()) {
            try {
                system.connector().close();
            }
            catch (RuntimeException ex) {
                if (failure == null) {
                    failure = ex;
                }
                else {
                    failure.addSuppressed(ex);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

}
