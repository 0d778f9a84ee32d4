package dev.erpgraph.erp.netsuite;

import java.time.Clock;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.http.ErpHttpClient;
import org.springframework.stereotype.Component;

/**
 * Creates a {@link NetSuiteConnector} for each configured system of kind
 * {@code NETSUITE}.
 */
@Component
public class NetSuiteConnectorFactory implements ErpConnectorFactory {

    @Override
    public ErpKind kind() {
        return ErpKind.NETSUITE;
    }

    @Override
    public ErpConnector create(ConnectorSettings settings, ErpHttpClient http) {
        return new NetSuiteConnector(settings, http, Clock.systemUTC());
    }

}
