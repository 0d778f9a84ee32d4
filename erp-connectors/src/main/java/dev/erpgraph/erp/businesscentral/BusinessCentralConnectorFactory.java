package dev.erpgraph.erp.businesscentral;

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
 * Business Central's plug-in point: creates a {@link BusinessCentralConnector} for each
 * configured system of kind {@code BUSINESS_CENTRAL} (options:
 * {@link BusinessCentralOptions}), reads its webhook notifications
 * ({@link BusinessCentralNotifications}).
 */
@Component
public class BusinessCentralConnectorFactory implements ErpConnectorFactory {

    @Override
    public ErpKind kind() {
        return ErpKind.BUSINESS_CENTRAL;
    }

    /**
     * BC online takes 100 simultaneous requests and 6,000 requests per user per 5-minute
     * sliding window: 10 calls in flight, 10 calls per second (3,000 per 5 minutes, room
     * for paging's extra requests). A limit per second rather than per 5 minutes keeps
     * every sliding window under the quota, not just aligned ones.
     */
    @Override
    public ErpCallLimits defaultLimits() {
        return new ErpCallLimits(10, 10);
    }

    @Override
    public ErpEventParser eventParser() {
        return BusinessCentralNotifications::parse;
    }

    @Override
    public ErpConnector create(ConnectorSettings settings, ErpHttpClient http) {
        return new BusinessCentralConnector(settings, http, Clock.systemUTC());
    }

}
