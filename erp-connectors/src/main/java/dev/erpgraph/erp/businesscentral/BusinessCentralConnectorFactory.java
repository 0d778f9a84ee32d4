package dev.erpgraph.erp.businesscentral;

import java.time.Clock;
import java.time.Duration;

import dev.erpgraph.erp.ErpCallLimits;
import dev.erpgraph.erp.ErpConnectorFactory;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ErpQuota;

import org.springframework.stereotype.Component;

/**
 * Business Central's plug-in point: creates a {@link BusinessCentralConnector} for each
 * configured system of kind {@code BUSINESS_CENTRAL} (options:
 * {@link BusinessCentralOptions}) and reads its webhook notifications
 * ({@link BusinessCentralNotifications}).
 *
 * <p>
 * Limits: BC online takes 100 simultaneous requests and 6,000 requests per user per
 * 5-minute sliding window, so 10 calls in flight and 10 calls per second (3,000 per 5
 * minutes, room for paging's extra requests). A limit per second rather than per 5
 * minutes keeps every sliding window under the quota, not just aligned ones. The quota
 * watch counts requests against those 6,000 per 5 minutes
 * (https://learn.microsoft.com/en-us/dynamics365/business-central/dev-itpro/api-reference/v2.0/dynamics-rate-limits).
 */
@Component
public class BusinessCentralConnectorFactory extends ErpConnectorFactory {

    public BusinessCentralConnectorFactory() {
        super(ErpKind.BUSINESS_CENTRAL, new ErpCallLimits(10, 10, ErpQuota.requests(6000, Duration.ofMinutes(5))),
                BusinessCentralNotifications::parse,
                (settings, http) -> new BusinessCentralConnector(settings, http, Clock.systemUTC()));
    }

}
