package dev.erpgraph.erp.businesscentral;

import java.time.Clock;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.http.ErpHttpClient;
import org.springframework.stereotype.Component;

/**
 * Creates a {@link BusinessCentralConnector} for each configured system of kind
 * {@code BUSINESS_CENTRAL}.
 */
@Component
class BusinessCentralConnectorFactory implements ErpConnectorFactory {

    @Override
    public ErpKind kind() {
        return ErpKind.BUSINESS_CENTRAL;
    }

    @Override
    public ErpConnector create(ConnectorSettings settings, ErpHttpClient http) {
        return new BusinessCentralConnector(settings, http, Clock.systemUTC());
    }

}
