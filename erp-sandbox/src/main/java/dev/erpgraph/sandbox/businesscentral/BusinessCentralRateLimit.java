package dev.erpgraph.sandbox.businesscentral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Business Central online's request quota: at most N requests per user in a sliding
 * five-minute window (6,000 online), beyond which it answers 429 with
 * {@code Retry-After}. The sandbox keeps one window per sandbox (its one demo client).
 */
final class BusinessCentralRateLimit {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final int maxRequests;

    private final Clock clock;

    private final Deque<Instant> accepted = new ArrayDeque<>();

    BusinessCentralRateLimit(int maxRequests, Clock clock) {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be positive, was " + maxRequests);
        }
        this.maxRequests = maxRequests;
        this.clock = clock;
    }

    /**
     * Counts a request; answers null if it may proceed, else how long until the window
     * has room again.
     */
    synchronized Duration acquire() {
        Instant now = clock.instant();
        Instant windowStart = now.minus(WINDOW);
        while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(windowStart)) {
            accepted.pollFirst();
        }
        if (accepted.size() >= maxRequests) {
            Duration wait = Duration.between(windowStart, accepted.peekFirst());
            return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
        }
        accepted.addLast(now);
        return null;
    }

}
