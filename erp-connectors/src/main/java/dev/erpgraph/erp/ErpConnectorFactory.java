package dev.erpgraph.erp;

import dev.erpgraph.erp.events.ErpEventParser;
import dev.erpgraph.erp.http.ErpHttpClient;

/**
 * The one plug-in point of an ERP: everything the rest of the gateway needs to know about
 * an ERP kind comes from its factory, so adding an ERP touches its own package, the
 * {@link ErpKind} enum (and the schema's), and configuration. One factory bean per ERP
 * kind; the gateway picks the factory by the system's {@code kind}.
 */
public interface ErpConnectorFactory {

    ErpKind kind();

    /**
     * The bulkhead and rate limit of this ERP's systems unless configuration says
     * otherwise.
     */
    ErpCallLimits defaultLimits();

    /**
     * Reads the change events this ERP's systems post to {@code POST /erp-events/<id>},
     * in the format the ERP (or a deployment's script for it) sends.
     */
    ErpEventParser eventParser();

    /**
     * Creates the connector of one configured system. Its options
     * ({@code erp.systems.<id>.options.*}) are parsed and validated here, so a bad option
     * fails start-up with an {@link IllegalArgumentException} naming the property.
     */
    ErpConnector create(ConnectorSettings settings, ErpHttpClient http);

}
