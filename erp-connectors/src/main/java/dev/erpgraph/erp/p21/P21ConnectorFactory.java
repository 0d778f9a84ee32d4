package dev.erpgraph.erp.p21;

import java.time.Clock;

import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.events.SignedChangeEvents;

import org.springframework.stereotype.Component;

/**
 * Prophet 21's plug-in point: builds a {@link P21Connector} for every configured system
 * of kind {@code EPICOR_P21} (options: {@link P21Options}); its change events are the
 * signed JSON events a deployment's poller of {@code date_last_modified} posts
 * ({@link SignedChangeEvents}), since P21 sends none of its own. Limits: P21's middleware
 * publishes none, so 8 calls in flight, no rate limit and no quota (the quota watch
 * counts requests per minute against {@code erp.systems.<id>.quota.limit} if a deployment
 * sets one).
 */
@Component
public class P21ConnectorFactory extends ErpConnectorFactory {

    public P21ConnectorFactory() {
        super(ErpKind.EPICOR_P21, ErpCallLimits.UNPUBLISHED, SignedChangeEvents::parse,
                (settings, http) -> new P21Connector(settings, http, Clock.systemDefaultZone()));
    }

}
