package dev.erpgraph.erp.quota;

import java.time.Duration;
import java.time.Instant;

import dev.erpgraph.erp.ErpQuota;

/**
 * One ERP system's use of its quota in the current window ({@code ErpSystem.quota}).
 *
 * @param measure what is counted
 * @param used requests sent in this window, or the most in flight at once in it
 * @param limit the quota; 0: none known
 * @param window the window's length
 * @param windowStart when this window began
 * @param throttled answers with HTTP 429 in this window
 * @param retryAfters answers that carried a {@code Retry-After} header in this window
 */
public record QuotaUsage(ErpQuota.Measure measure, long used, int limit, Duration window, Instant windowStart,
        long throttled, long retryAfters) {

    /** {@code used / limit}; null without a known quota. */
    public Double ratio() {
        return limit > 0 ? (double) used / limit : null;
    }

}
