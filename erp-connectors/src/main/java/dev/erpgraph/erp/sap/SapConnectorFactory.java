package dev.erpgraph.erp.sap;

import java.time.Clock;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.events.ErpEventParser;
import dev.erpgraph.erp.http.ErpHttpClient;
import org.springframework.stereotype.Component;

/**
 * SAP S/4HANA's plug-in point: creates the {@link SapConnector} of each configured
 * {@code SAP_S4HANA} system (options: {@link SapOptions}), reads its business events
 * ({@link SapBusinessEvents}).
 */
@Component
public class SapConnectorFactory implements ErpConnectorFactory {

    @Override
    public ErpKind kind() {
        return ErpKind.SAP_S4HANA;
    }

    /**
     * SAP S/4HANA Cloud publishes no request quota or concurrency pool for its A2X APIs:
     * 8 calls in flight, no rate limit.
     */
    @Override
    public ErpCallLimits defaultLimits() {
        return ErpCallLimits.UNPUBLISHED;
    }

    @Override
    public ErpEventParser eventParser() {
        return SapBusinessEvents::parse;
    }

    @Override
    public ErpConnector create(ConnectorSettings settings, ErpHttpClient http) {
        return new SapConnector(settings, http, Clock.systemUTC());
    }

}
