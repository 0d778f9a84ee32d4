package dev.erpgraph.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.erpgraph.access.Caller;

import org.springframework.stereotype.Component;

/**
 * Each principal's token bucket ({@link RateLimitProperties}), one for all its requests
 * whatever the protocol: HTTP requests to the API, its schema and the MCP server
 * ({@link RateLimitFilter}) and operations over a WebSocket
 * ({@link WebSocketCredentials}).
 * <p>
 * A bucket idle for a minute has refilled completely, so it is dropped then and a new
 * full one stands in for it: memory follows the principals active in the last minute.
 */
@Component
class PrincipalRateLimit {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    /** Far more principals active in one minute than this server serves. */
    private static final long MAX_BUCKETS = 100_000;

    private final RateLimitProperties limits;

    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
        .expireAfterAccess(PERIOD)
        .maximumSize(MAX_BUCKETS)
        .build();

    PrincipalRateLimit(RateLimitProperties limits) {
        this.limits = limits;
    }

    /**
     * Takes one request from the caller's bucket: 0 when it may go ahead, else the whole
     * seconds until its next request is allowed (nothing is taken then).
     */
    long take(Caller caller) {
        long now = System.nanoTime();
        long wait = buckets.get(caller.id(), id -> new TokenBucket(limits.limitOf(id), PERIOD, now)).take(now);
        if (wait <= 0) {
            return 0;
        }
        long second = TimeUnit.SECONDS.toNanos(1);
        return Math.max(1, (wait + second - 1) / second);
    }

}
