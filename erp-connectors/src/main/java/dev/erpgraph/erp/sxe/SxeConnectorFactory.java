package dev.erpgraph.erp.sxe;

import java.time.Clock;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.http.ErpHttpClient;
import org.springframework.stereotype.Component;

/**
 * Creates {@link SxeConnector}s for {@code kind: INFOR_SXE} systems. Base URL: the ION
 * API tenant root ({@code https://mingle-ionapi.inforcloudsuite.com/{TENANT}}) or, on
 * premises, the root above {@code SX/rest/sxapirestservice}; options: see
 * {@link SxeOptions}.
 */
@Component
public class SxeConnectorFactory implements ErpConnectorFactory {

    @Override
    public ErpKind kind() {
        return ErpKind.INFOR_SXE;
    }

    @Override
    public ErpConnector create(ConnectorSettings settings, ErpHttpClient http) {
        return new SxeConnector(settings, http, Clock.systemUTC());
    }

}
