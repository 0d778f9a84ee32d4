package dev.erpgraph.erp;

import dev.erpgraph.erp.http.ErpHttpClient;

/**
 * Creates the connector for one configured system of its {@link #kind()}. One factory
 * bean per ERP kind; the gateway picks the factory by the system's {@code kind}.
 */
public interface ErpConnectorFactory {

    ErpKind kind();

    ErpConnector create(ConnectorSettings settings, ErpHttpClient http);

}
