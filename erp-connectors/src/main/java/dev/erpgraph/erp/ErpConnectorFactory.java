package dev.erpgraph.erp;

import java.util.Objects;

import dev.erpgraph.erp.events.ErpEventParser;
import dev.erpgraph.erp.http.ErpHttpClient;

/**
 * The one plug-in point of an ERP: everything the rest of the gateway needs to know about
 * an ERP kind comes from its factory, so adding an ERP touches its own package, the
 * {@link ErpKind} enum (and the schema's), and configuration. One factory bean per ERP
 * kind ({@code {Erp}ConnectorFactory}, which says in its Javadoc why its limits are what
 * they are); the gateway picks the factory by the system's {@code kind}.
 */
public abstract class ErpConnectorFactory {

    /**
     * Builds the connector of one configured system. Its options
     * ({@code erp.systems.<id>.options.*}) are parsed and validated here, so a bad option
     * fails start-up with an {@link IllegalArgumentException} naming the property.
     */
    @FunctionalInterface
    public interface ConnectorConstructor {

        ErpConnector create(ConnectorSettings settings, ErpHttpClient http);

    }

    private final ErpKind kind;

    private final ErpCallLimits defaultLimits;

    private final ErpEventParser eventParser;

    private final ConnectorConstructor constructor;

    protected ErpConnectorFactory(ErpKind kind, ErpCallLimits defaultLimits, ErpEventParser eventParser,
            ConnectorConstructor constructor) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.defaultLimits = Objects.requireNonNull(defaultLimits, "defaultLimits");
        this.eventParser = Objects.requireNonNull(eventParser, "eventParser");
        this.constructor = Objects.requireNonNull(constructor, "constructor");
    }

    public final ErpKind kind() {
        return kind;
    }

    /**
     * The bulkhead and rate limit of this ERP's systems unless configuration says
     * otherwise.
     */
    public final ErpCallLimits defaultLimits() {
        return defaultLimits;
    }

    /**
     * Reads the change events this ERP's systems post to {@code POST /erp-events/<id>},
     * in the format the ERP (or a deployment's script for it) sends.
     */
    public final ErpEventParser eventParser() {
        return eventParser;
    }

    /** The connector of one configured system; see {@link ConnectorConstructor}. */
    public final ErpConnector create(ConnectorSettings settings, ErpHttpClient http) {
        return constructor.create(settings, http);
    }

}
