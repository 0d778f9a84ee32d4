package dev.erpgraph.erp;

import java.util.Objects;

/**
 * What an ERP documents about concurrency and request quotas (ERP-WIRE-FORMATS.md), as
 * the default bulkhead and rate limit of each of its systems; {@code erp.resilience.*}
 * (or a system's own {@code resilience.*}) overrides them. A gateway call may fan out to
 * several requests (a connector's {@code maxParallelRequests} or {@code maxConcurrency})
 * and may page, so the numbers leave room: calls x fan-out stays under the ERP's pool,
 * and the gateway keeps well under a quota that other integrations of the same tenant
 * share. Each {@link ErpConnectorFactory} gives its ERP's numbers and their reasons.
 *
 * @param maxConcurrentCalls the bulkhead: gateway calls in flight per system
 * @param limitForPeriod calls per {@code erp.resilience.limit-refresh-period} (1 second
 * by default); 0: no rate limit
 * @param quota the ERP's own API quota, which the quota watch reports use against
 * ({@code erp.systems.<id>.quota.*} overrides it)
 */
public record ErpCallLimits(int maxConcurrentCalls, int limitForPeriod, ErpQuota quota) {

    /** An ERP that publishes no limits: 8 calls in flight, no rate limit, no quota. */
    public static final ErpCallLimits UNPUBLISHED = new ErpCallLimits(8, 0);

    public ErpCallLimits {
        if (maxConcurrentCalls < 1 || limitForPeriod < 0) {
            throw new IllegalArgumentException("limits must allow a call: " + maxConcurrentCalls + " in flight, "
                    + limitForPeriod + " per period");
        }
        Objects.requireNonNull(quota, "quota");
    }

    /** Limits of an ERP that publishes no quota. */
    public ErpCallLimits(int maxConcurrentCalls, int limitForPeriod) {
        this(maxConcurrentCalls, limitForPeriod, ErpQuota.UNPUBLISHED);
    }

}
