package dev.erpgraph.erp.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.config.ErpProperties;
import dev.erpgraph.erp.http.RetryAttempt;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

/**
 * Everything that stands between the gateway and one ERP system, each a resilience4j
 * instance named by the system id: a circuit breaker (fails fast, without a request,
 * while the ERP is down), a rate limiter that keeps the gateway under the ERP's quota, a
 * bulkhead sized to its concurrency pool, retries with backoff for reads, and one timeout
 * over all of it.
 *
 * <p>
 * The timeout bounds what the caller waits, not the connector's thread: the caller's
 * future completes at the deadline even if the thread is still blocked in the ERP (its
 * own HTTP timeout frees it later). A retry waits the ERP's {@code Retry-After} when it
 * sent one (429), else an exponential backoff, and is not made at all if that wait would
 * end past the deadline. Only what may succeed on a second try is retried: UNAVAILABLE
 * and TIMEOUT, never REJECTED, NOT_FOUND, MISCONFIGURED, UNAUTHORIZED or BAD_RESPONSE,
 * and never a write.
 *
 * <p>
 * The breaker counts UNAVAILABLE, UNAUTHORIZED, TIMEOUT and BAD_RESPONSE calls as
 * failures and slow calls as slow; REJECTED, NOT_FOUND and MISCONFIGURED mean the ERP
 * answered, so they count as successes (one missing resource must not open the breaker
 * for the resources that work). A call the gateway itself refuses (bulkhead full, over
 * the rate limit) says nothing about the ERP and is not counted.
 */
final class ErpGuard {

    /** Waits between retries: {@code Thread.sleep}, or a test clock's advance. */
    @FunctionalInterface
    interface Pause {

        void pause(Duration duration) throws InterruptedException;

    }

    /** A call the gateway refused before sending it; the ERP is not to blame. */
    private static final class Refused extends ErpException {

        Refused(String erpSystemId, String message) {
            super(Kind.UNAVAILABLE, erpSystemId, message);
        }

    }

    private final String systemId;

    private final ErpCallSettings settings;

    private final CircuitBreaker breaker;

    private final Bulkhead bulkhead;

    private final RateLimiter rateLimiter;

    private final IntervalFunction backoff;

    private final Executor executor;

    private final Clock clock;

    private final Pause pause;

    ErpGuard(String systemId, ErpCallSettings settings, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
            RateLimiterRegistry rateLimiters, Executor executor, Clock clock, Pause pause) {
        this.systemId = systemId;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.pause = pause;
        ErpProperties.Resilience resilience = settings.resilience();
        this.breaker = breakers.circuitBreaker(systemId,
                CircuitBreakerConfig.custom()
                    .failureRateThreshold(resilience.failureRateThreshold())
                    .slowCallRateThreshold(resilience.slowCallRateThreshold())
                    .slowCallDurationThreshold(resilience.slowCallDuration())
                    .slidingWindow(resilience.slidingWindowSize(), resilience.minimumNumberOfCalls(),
                            CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .waitDurationInOpenState(resilience.waitInOpenState())
                    .permittedNumberOfCallsInHalfOpenState(resilience.permittedCallsInHalfOpenState())
                    .clock(clock)
                    .build());
        // Waiting for a free slot or a permit is fine for part of the call's budget, not
        // all of it.
        Duration maxWait = settings.timeout().dividedBy(2);
        this.bulkhead = bulkheads.bulkhead(systemId,
                BulkheadConfig.custom()
                    .maxConcurrentCalls(settings.maxConcurrentCalls())
                    .maxWaitDuration(maxWait)
                    .build());
        this.rateLimiter = settings.limitForPeriod() == 0 ? null
                : rateLimiters.rateLimiter(systemId,
                        RateLimiterConfig.custom()
                            .limitForPeriod(settings.limitForPeriod())
                            .limitRefreshPeriod(resilience.limitRefreshPeriod())
                            .timeoutDuration(maxWait)
                            .build());
        this.backoff = IntervalFunction.ofExponentialBackoff(resilience.retryBackoff(), 2.0);
    }

    /**
     * Runs a read off the caller's thread, with retries; the future fails with an
     * {@link ErpException}.
     */
    <T> CompletableFuture<T> read(Supplier<T> call) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(circuitOpen());
        }
        Duration timeout = settings.timeout();
        Instant started = clock.instant();
        Instant deadline = started.plus(timeout);
        AtomicBoolean settled = new AtomicBoolean();
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    T value = withinBulkhead(() -> attempts(call, settings.resilience().maxAttempts(), deadline));
                    settle(settled, started, null);
                    result.complete(value);
                }
                catch (Throwable failure) {
                    ErpException erp = asErpException(systemId, failure, timeout);
                    settle(settled, started, erp);
                    result.completeExceptionally(erp);
                }
            });
        }
        catch (RejectedExecutionException ex) {
            ErpException refused = new Refused(systemId, "the gateway is shutting down");
            settle(settled, started, refused);
            return CompletableFuture.failedFuture(refused);
        }
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            ErpException erp = asErpException(systemId, failure, timeout);
            settle(settled, started, erp);
            throw new CompletionException(erp);
        });
    }

    /**
     * Runs a write on the caller's thread: breaker, rate limit and bulkhead, one attempt.
     */
    <T> T write(Supplier<T> call) {
        if (!breaker.tryAcquirePermission()) {
            throw circuitOpen();
        }
        Instant started = clock.instant();
        AtomicBoolean settled = new AtomicBoolean();
        try {
            T value = withinBulkhead(() -> attempts(call, 1, started.plus(settings.timeout())));
            settle(settled, started, null);
            return value;
        }
        catch (RuntimeException failure) {
            settle(settled, started, asErpException(systemId, failure, settings.timeout()));
            throw failure;
        }
    }

    ErpHealth health() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> ErpHealth.DOWN;
            case HALF_OPEN -> ErpHealth.DEGRADED;
            default -> {
                // Rates are -1 until the window holds the minimum number of calls.
                CircuitBreaker.Metrics metrics = breaker.getMetrics();
                ErpProperties.Resilience resilience = settings.resilience();
                boolean failing = metrics.getFailureRate() >= resilience.failureRateThreshold() / 2;
                boolean slow = metrics.getSlowCallRate() >= resilience.slowCallRateThreshold() / 2;
                yield failing || slow ? ErpHealth.DEGRADED : ErpHealth.UP;
            }
        };
    }

    private <T> T withinBulkhead(Supplier<T> call) {
        if (!bulkhead.tryAcquirePermission()) {
            throw new Refused(systemId,
                    "too many calls in flight to " + systemId + " (bulkhead of " + settings.maxConcurrentCalls() + ")");
        }
        try {
            return call.get();
        }
        finally {
            bulkhead.onComplete();
        }
    }

    private <T> T attempts(Supplier<T> call, int maxAttempts, Instant deadline) {
        for (int attempt = 1;; attempt++) {
            if (rateLimiter != null && !rateLimiter.acquirePermission()) {
                throw new Refused(systemId, "over the gateway's rate limit for " + systemId);
            }
            try {
                return RetryAttempt.during(attempt, call);
            }
            catch (ErpException failure) {
                if (attempt >= maxAttempts || !retryable(failure)) {
                    throw failure;
                }
                Duration wait = failure.retryAfter() != null ? failure.retryAfter()
                        : Duration.ofMillis(backoff.apply(attempt));
                if (!clock.instant().plus(wait).isBefore(deadline)) {
                    throw failure;
                }
                try {
                    pause.pause(wait);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    private static boolean retryable(ErpException failure) {
        return !(failure instanceof Refused)
                && (failure.kind() == ErpException.Kind.UNAVAILABLE || failure.kind() == ErpException.Kind.TIMEOUT);
    }

    /**
     * Tells the breaker how the call went, exactly once (the timeout and the late answer
     * race for it).
     */
    private void settle(AtomicBoolean settled, Instant started, ErpException failure) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        long elapsed = Math.max(0, Duration.between(started, clock.instant()).toNanos());
        if (failure instanceof Refused) {
            breaker.releasePermission();
        }
        else if (failure == null || failure.kind() == ErpException.Kind.REJECTED
                || failure.kind() == ErpException.Kind.NOT_FOUND || failure.kind() == ErpException.Kind.MISCONFIGURED) {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        }
        else {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
        }
    }

    private ErpException circuitOpen() {
        return new ErpException(ErpException.Kind.UNAVAILABLE, systemId,
                "circuit open: " + systemId + " failed too often, no request sent");
    }

    /** Whatever escaped a connector, as the typed failure a client may see. */
    static ErpException asErpException(String erpSystemId, Throwable failure, Duration timeout) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof ErpException erp) {
            return erp;
        }
        if (cause instanceof TimeoutException) {
            return new ErpException(ErpException.Kind.TIMEOUT, erpSystemId,
                    "no answer within " + timeout.toMillis() + " ms", cause);
        }
        // A connector that throws anything else choked on what the ERP sent (or has a
        // bug): never a 500.
        return ErpException.badResponse(erpSystemId, "connector failed: " + cause.getClass().getSimpleName(), cause);
    }

}
