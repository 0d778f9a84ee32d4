package dev.erpgraph.erp.p21;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.http.ErpHttpClient;
import org.springframework.stereotype.Component;

/**
 * Builds a {@link P21Connector} for every configured system of kind {@code EPICOR_P21}.
 */
@Component
class P21ConnectorFactory implements ErpConnectorFactory {

    @Override
    public ErpKind kind() {
        return ErpKind.EPICOR_P21;
    }

    @Override
    public ErpConnector create(ConnectorSettings settings, ErpHttpClient http) {
        return new P21Connector(settings, http);
    }

}
