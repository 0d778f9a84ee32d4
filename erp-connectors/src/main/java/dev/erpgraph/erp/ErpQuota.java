package dev.erpgraph.erp;

import java.time.Duration;
import java.util.Objects;

/**
 * An ERP's API quota as its vendor documents it (or a deployment configures it), which
 * the quota watch compares this server's use with. Sources: ERP-WIRE-FORMATS.md and each
 * {@link ErpConnectorFactory}'s Javadoc.
 *
 * @param measure what is counted against the limit
 * @param limit requests per window, or requests in flight at once; 0: no quota known
 * @param window the window requests are counted in (for {@code CONCURRENT_REQUESTS}: the
 * window the highest concurrency is remembered for)
 */
public record ErpQuota(Measure measure, int limit, Duration window) {

    /** What an ERP limits. */
    public enum Measure {

        /** Requests per window (Business Central: 6,000 per user per 5 minutes). */
        REQUESTS,

        /** Requests in flight at once (NetSuite's account-wide concurrency pool). */
        CONCURRENT_REQUESTS

    }

    /** An ERP that publishes no quota: requests are counted per minute, against none. */
    public static final ErpQuota UNPUBLISHED = new ErpQuota(Measure.REQUESTS, 0, Duration.ofMinutes(1));

    public ErpQuota {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(window, "window");
        if (limit < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "a quota needs a limit of 0 or more and a positive window, was " + limit + " per " + window);
        }
    }

    public static ErpQuota requests(int limit, Duration window) {
        return new ErpQuota(Measure.REQUESTS, limit, window);
    }

    public static ErpQuota concurrentRequests(int limit, Duration window) {
        return new ErpQuota(Measure.CONCURRENT_REQUESTS, limit, window);
    }

    public boolean isKnown() {
        return limit > 0;
    }

    /** This quota with a deployment's overrides (each null one left as it is). */
    public ErpQuota with(Measure newMeasure, Integer newLimit, Duration newWindow) {
        return new ErpQuota(newMeasure == null ? measure : newMeasure, newLimit == null ? limit : newLimit,
                newWindow == null ? window : newWindow);
    }

}
