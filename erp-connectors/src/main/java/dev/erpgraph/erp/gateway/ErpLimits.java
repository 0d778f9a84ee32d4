package dev.erpgraph.erp.gateway;

import dev.erpgraph.erp.ErpKind;

/**
 * What each ERP kind documents about concurrency and request quotas
 * (ERP-WIRE-FORMATS.md), as the default bulkhead and rate limit of its systems. A gateway
 * call may fan out to a connector's {@code maxConcurrency} (default 4) requests and may
 * page, so the numbers leave room: calls x fan-out stays under the ERP's pool, and the
 * gateway keeps well under a quota that other integrations of the same tenant share.
 * <ul>
 * <li>NetSuite: one account-wide pool of 15 concurrent requests (shared tier, one
 * SuiteCloud Plus licence), shared with every other integration: 3 calls (x 4 = 12
 * requests). No request-rate quota.</li>
 * <li>Business Central: 100 simultaneous requests and 6,000 requests per user per
 * 5-minute sliding window: 10 calls in flight, 10 calls per second (3,000 per 5 minutes,
 * room for paging's extra requests). A limit per second rather than per 5 minutes keeps
 * every sliding window under the quota, not just aligned ones.</li>
 * <li>SAP S/4HANA Cloud, SX.e, P21: no published limits: 8 calls in flight, no rate
 * limit.</li>
 * </ul>
 */
final class ErpLimits {

    private ErpLimits() {
    }

    static int maxConcurrentCalls(ErpKind kind) {
        return switch (kind) {
            case NETSUITE -> 3;
            case BUSINESS_CENTRAL -> 10;
            case SAP_S4HANA, INFOR_SXE, EPICOR_P21 -> 8;
        };
    }

    /**
     * Calls per second ({@code erp.resilience.limit-refresh-period}'s default); 0 for
     * none.
     */
    static int limitForPeriod(ErpKind kind) {
        return kind == ErpKind.BUSINESS_CENTRAL ? 10 : 0;
    }

}
