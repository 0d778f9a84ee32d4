package dev.erpgraph.erp.sxe;

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
 * SX.e's plug-in point: creates {@link SxeConnector}s for {@code kind: INFOR_SXE}
 * systems. Base URL: the ION API tenant root
 * ({@code https://mingle-ionapi.inforcloudsuite.com/{TENANT}}) or, on premises, the root
 * above {@code SX/rest/sxapirestservice}; options: see {@link SxeOptions}. Its change
 * events are the signed JSON events a deployment's poller posts
 * ({@link SignedChangeEvents}): ION BODs are not wired up.
 */
@Component
public class SxeConnectorFactory implements ErpConnectorFactory {

    @Override
    public ErpKind kind() {
        return ErpKind.INFOR_SXE;
    }

    /**
     * SX.API publishes no limits (ION throttles per tenant without a documented number):
     * 8 calls in flight, no rate limit; each call's own fan-out is bounded by the
     * system's {@code max-concurrency}.
     */
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
        return new SxeConnector(settings, http, Clock.systemUTC());
    }

}
