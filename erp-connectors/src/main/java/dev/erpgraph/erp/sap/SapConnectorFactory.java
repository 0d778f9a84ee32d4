package dev.erpgraph.erp.sap;

import java.time.Clock;

import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;

import org.springframework.stereotype.Component;

/**
 * SAP S/4HANA's plug-in point: creates the {@link SapConnector} of each configured
 * {@code SAP_S4HANA} system (options: {@link SapOptions}) and reads its business events
 * ({@link SapBusinessEvents}). Limits: SAP S/4HANA Cloud publishes no request quota or
 * concurrency pool for its A2X APIs, so 8 calls in flight, no rate limit and no quota
 * (set {@code erp.systems.<id>.quota.limit} for a tenant's own agreement).
 */
@Component
public class SapConnectorFactory extends ErpConnectorFactory {

    public SapConnectorFactory() {
        super(ErpKind.SAP_S4HANA, ErpCallLimits.UNPUBLISHED, SapBusinessEvents::parse,
                (settings, http) -> new SapConnector(settings, http, Clock.systemUTC()));
    }

}
