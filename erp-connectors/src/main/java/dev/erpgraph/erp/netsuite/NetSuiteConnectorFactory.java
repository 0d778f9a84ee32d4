package dev.erpgraph.erp.netsuite;

import java.time.Clock;

import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.events.SignedChangeEvents;

import org.springframework.stereotype.Component;

/**
 * NetSuite's plug-in point: creates a {@link NetSuiteConnector} for each configured
 * system of kind {@code NETSUITE} (options: {@link NetSuiteOptions}); its change events
 * are the signed JSON events a deployment's User Event script posts
 * ({@link SignedChangeEvents}), since NetSuite sends none of its own.
 *
 * <p>
 * Limits: one account-wide pool of 15 concurrent requests (shared tier, one SuiteCloud
 * Plus licence), shared with every other integration, so 3 calls in flight (x 4 = 12
 * requests). No request-rate quota.
 */
@Component
public class NetSuiteConnectorFactory extends ErpConnectorFactory {

    public NetSuiteConnectorFactory() {
        super(ErpKind.NETSUITE, new ErpCallLimits(3, 0), SignedChangeEvents::parse,
                (settings, http) -> new NetSuiteConnector(settings, http, Clock.systemUTC()));
    }

}
