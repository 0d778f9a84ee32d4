package dev.erpgraph.erp.p21;

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
 * Prophet 21's plug-in point: builds a {@link P21Connector} for every configured system
 * of kind {@code EPICOR_P21} (options: {@link P21Options}); its change events are the
 * signed JSON events a deployment's poller of {@code date_last_modified} posts
 * ({@link SignedChangeEvents}), since P21 sends none of its own.
 */
@Component
public class P21ConnectorFactory implements ErpConnectorFactory {

    @Override
    public ErpKind kind() {
        return ErpKind.EPICOR_P21;
    }

    /** P21's middleware publishes no limits: 8 calls in flight, no rate limit. */
    @Override
    public ErpCallLimits defaultLimits() {
        return ErpCallLimits.UNPUBLISHED;
    }

    @Override
    public ErpEventParser eventParser() {
        return SignedChangeEvents::parse;
    }

    @Override
    public ErpConnector create(ConnectorSettings settings, ErpHttpClient http) {
        return new P21Connector(settings, http, Clock.systemDefaultZone());
    }

}
