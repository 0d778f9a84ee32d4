package dev.erpgraph.erp.quota;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import dev.erpgraph.erp.ErpQuota;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much of one ERP system's API quota this server is using: every request its
 * connector sends is counted (token requests are not: they go to the identity provider,
 * whose limits are not the ERP's) in fixed windows of the quota's length, aligned to the
 * epoch, with the 429 answers and {@code Retry-After} headers of the same window. At
 * {@code degradedAt} of the quota (0.7 by default) the system is {@link #isNearLimit near
 * its limit}, which makes its health {@code DEGRADED}, and one warning is logged per
 * window.
 *
 * <p>
 * The count is this replica's own: replicas share nothing, and other integrations of the
 * same ERP tenant draw on the same quota, which is why the warning comes well before the
 * limit. A fixed window reads a vendor's sliding one (Business Central's) low by at most
 * the previous window's tail.
 */
public final class QuotaWatch {

    /** The share of the quota at which a system is reported {@code DEGRADED}. */
    public static final double DEFAULT_DEGRADED_AT = 0.7;

    private static final Logger logger = LoggerFactory.getLogger(QuotaWatch.class);

    private final String erpSystemId;

    private final ErpQuota quota;

    private final double degradedAt;

    private final Clock clock;

    private long windowIndex = Long.MIN_VALUE;

    private long requests;

    private int inFlight;

    private int peakInFlight;

    private long throttled;

    private long retryAfters;

    private boolean warned;

    public QuotaWatch(String erpSystemId, ErpQuota quota, double degradedAt, Clock clock) {
        this.erpSystemId = Objects.requireNonNull(erpSystemId, "erpSystemId");
        this.quota = Objects.requireNonNull(quota, "quota");
        if (!(degradedAt > 0 && degradedAt <= 1)) {
            throw new IllegalArgumentException("degradedAt must be in (0, 1], was " + degradedAt);
        }
        this.degradedAt = degradedAt;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ErpQuota quota() {
        return quota;
    }

    /**
     * Gauges of this system ({@code erp} tag): {@code erp.quota.used},
     * {@code erp.quota.limit} and {@code erp.quota.ratio} (where a quota is known),
     * {@code erp.quota.throttled} and {@code erp.quota.retry-after}, all of the current
     * window.
     */
    public QuotaWatch register(MeterRegistry meters) {
        gauge(meters, "erp.quota.used", "requests (or the most in flight) in the current quota window",
                usage -> usage.used());
        gauge(meters, "erp.quota.throttled", "HTTP 429 answers in the current quota window",
                usage -> usage.throttled());
        gauge(meters, "erp.quota.retry-after", "answers with a Retry-After header in the current quota window",
                usage -> usage.retryAfters());
        if (quota.isKnown()) {
            gauge(meters, "erp.quota.limit", "the ERP's quota per window", usage -> usage.limit());
            gauge(meters, "erp.quota.ratio", "share of the ERP's quota used in the current window",
                    usage -> usage.ratio());
        }
        return this;
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<QuotaUsage> value) {
        Gauge.builder(name, this, watch -> value.applyAsDouble(watch.usage()))
            .description(description)
            .tag("erp", erpSystemId)
            .tag("measure", quota.measure().name())
            .register(meters);
    }

    /** A request to the ERP is about to be sent. */
    public synchronized void started() {
        roll();
        requests++;
        inFlight++;
        peakInFlight = Math.max(peakInFlight, inFlight);
        warnOnceNearLimit();
    }

    /**
     * The request {@link #started} before has been answered ({@code status}), or failed
     * without an answer ({@code status} 0).
     */
    public synchronized void finished(int status, boolean retryAfter) {
        roll();
        inFlight = Math.max(0, inFlight - 1);
        if (status == 429) {
            throttled++;
        }
        if (retryAfter) {
            retryAfters++;
        }
    }

    public synchronized QuotaUsage usage() {
        roll();
        return new QuotaUsage(quota.measure(), used(), quota.limit(), quota.window(),
                Instant.ofEpochMilli(windowIndex * quota.window().toMillis()), throttled, retryAfters);
    }

    /** Whether this window's use has reached {@code degradedAt} of a known quota. */
    public synchronized boolean isNearLimit() {
        roll();
        return nearLimit();
    }

    private boolean nearLimit() {
        return quota.isKnown() && used() >= degradedAt * quota.limit();
    }

    private long used() {
        return quota.measure() == ErpQuota.Measure.REQUESTS ? requests : peakInFlight;
    }

    private void warnOnceNearLimit() {
        if (!warned && nearLimit()) {
            warned = true;
            logger.warn(
                    "ERP {} has used {} of its quota of {} {} per {} ({}%): its health is DEGRADED until the "
                            + "window ends",
                    erpSystemId, used(), quota.limit(), describe(quota.measure()), quota.window(),
                    Math.round(100.0 * used() / quota.limit()));
        }
    }

    private static String describe(ErpQuota.Measure measure) {
        return measure == ErpQuota.Measure.REQUESTS ? "requests" : "concurrent requests";
    }

    /** Starts a new window if the clock has left the current one. */
    private void roll() {
        long index = Math.floorDiv(clock.millis(), quota.window().toMillis());
        if (index != windowIndex) {
            windowIndex = index;
            requests = 0;
            peakInFlight = inFlight;
            throttled = 0;
            retryAfters = 0;
            warned = false;
        }
    }

}
