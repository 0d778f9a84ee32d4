package dev.erpgraph.erp.netsuite;

import java.time.Clock;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.events.ErpEventParser;
import dev.erpgraph.erp.events.SignedChangeEvents;
import dev.erpgraph.erp.http.ErpHttpClient;
import org.springframework.stereotype.Component;

/**
 * NetSuite's plug-in point: creates a {@link NetSuiteConnector} for each configured
 * system of kind {@code NETSUITE} (options: {@link NetSuiteOptions}); its change events
 * are the signed JSON events a deployment's User Event script posts
 * ({@link SignedChangeEvents}), since NetSuite sends none of its own.
 */
@Component
public class NetSuiteConnectorFactory implements ErpConnectorFactory {

    @Override
    public ErpKind kind() {
        return ErpKind.NETSUITE;
    }

    /**
     * One account-wide pool of 15 concurrent requests (shared tier, one SuiteCloud Plus
     * licence), shared with every other integration: 3 calls (x 4 = 12 requests). No
     * request-rate quota.
     */
    @Override
    public ErpCallLimits defaultLimits() {
        return new ErpCallLimits(3, 0);
    }

    @Override
    public ErpEventParser eventParser() {
        return SignedChangeEvents::parse;
    }

    @Override
    public ErpConnector create(ConnectorSettings settings, ErpHttpClient http) {
        return new NetSuiteConnector(settings, http, Clock.systemUTC());
    }

}
