package dev.erpgraph.erp.sap;

import java.time.Clock;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.http.ErpHttpClient;
import org.springframework.stereotype.Component;

/** Creates the {@link SapConnector} of each configured {@code SAP_S4HANA} system. */
@Component
public class SapConnectorFactory implements ErpConnectorFactory {

    @Override
    public ErpKind kind() {
        return ErpKind.SAP_S4HANA;
    }

    @Override
    public ErpConnector create(ConnectorSettings settings, ErpHttpClient http) {
        return new SapConnector(settings, http, Clock.systemUTC());
    }

}
