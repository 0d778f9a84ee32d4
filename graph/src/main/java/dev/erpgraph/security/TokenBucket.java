package dev.erpgraph.security;

import java.time.Duration;

/**
 * One principal's allowance: {@code capacity} requests at once, refilled evenly at
 * {@code capacity} per {@code period}. The caller passes the time, so that a test needs
 * no clock of its own.
 */
final class TokenBucket {

    private final double capacity;

    private final double nanosPerToken;

    private double tokens;

    private long updatedAt;

    TokenBucket(int capacity, Duration period, long nanoTime) {
        this.capacity = capacity;
        this.nanosPerToken = (double) period.toNanos() / capacity;
        this.tokens = capacity;
        this.updatedAt = nanoTime;
    }

    /**
     * Takes one request's token.
     * @return zero if it was there, else how long until one is, in nanoseconds (nothing
     * is taken then)
     */
    synchronized long take(long nanoTime) {
        // Concurrent callers read the clock before they get here, so the time can go
        // backwards by the wait for this lock: that refills nothing, and must not drain.
        if (nanoTime > updatedAt) {
            tokens = Math.min(capacity, tokens + (nanoTime - updatedAt) / nanosPerToken);
            updatedAt = nanoTime;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * nanosPerToken);
    }

}
