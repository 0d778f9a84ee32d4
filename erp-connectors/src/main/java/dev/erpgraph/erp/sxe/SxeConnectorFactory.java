package dev.erpgraph.erp.sxe;

import java.time.Clock;

import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.events.SignedChangeEvents;

import org.springframework.stereotype.Component;

/**
 * SX.e's plug-in point: creates {@link SxeConnector}s for {@code kind: INFOR_SXE}
 * systems. Base URL: the ION API tenant root
 * ({@code https://mingle-ionapi.inforcloudsuite.com/{TENANT}}) or, on premises, the root
 * above {@code SX/rest/sxapirestservice}; options: see {@link SxeOptions}. Its change
 * events are the signed JSON events a deployment's poller posts
 * ({@link SignedChangeEvents}): ION BODs are not wired up. Limits: SX.API publishes none
 * (ION throttles per tenant without a documented number), so 8 calls in flight and no
 * rate limit (and no quota unless {@code erp.systems.<id>.quota.limit} is set); each
 * call's own fan-out is bounded by the system's {@code max-concurrency}.
 */
@Component
public class SxeConnectorFactory extends ErpConnectorFactory {

    public SxeConnectorFactory() {
        super(ErpKind.INFOR_SXE, ErpCallLimits.UNPUBLISHED, SignedChangeEvents::parse,
                (settings, http) -> new SxeConnector(settings, http, Clock.systemUTC()));
    }

}
