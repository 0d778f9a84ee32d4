package dev.erpgraph.erp.netsuite;

import java.time.Clock;
import java.time.Duration;

import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ErpQuota;
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
 * requests). No request-rate quota. The quota watch compares the most requests this
 * server had in flight at once in each minute with that pool of 15
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0625010817.html;
 * a larger account sets {@code erp.systems.<id>.quota.limit} to its own pool).
 */
@Component
public class NetSuiteConnectorFactory extends ErpConnectorFactory {

    public NetSuiteConnectorFactory() {
        super(ErpKind.NETSUITE, new ErpCallLimits(3, 0, ErpQuota.concurrentRequests(15, Duration.ofMinutes(1))),
                SignedChangeEvents::parse,
                (settings, http) -> new NetSuiteConnector(settings, http, Clock.systemUTC()));
    }

}
