package dev.erpgraph.erp.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one bearer token of one ERP system, shared by every thread. A token call is a round
 * trip to an identity provider (and for some ERPs opens a session in their middleware),
 * so the token is reused until shortly before it expires, so that it never dies in flight
 * (by default a tenth of its lifetime early, at most a minute). Fetching is serialized: a
 * burst of calls meeting an expired token costs one token request, not one per thread. A
 * caller whose token the ERP refused with 401 {@link #invalidate invalidates} it, and the
 * next {@link #token()} fetches exactly one new token however many threads saw the 401 at
 * once; {@link #authorized} does both for one request.
 *
 * <p>
 * How a token is asked for and how its answer reads stay with each ERP's token client:
 * this class only holds what the {@code fetch} function returns.
 */
public final class AccessTokenCache {

    /**
     * A token as the ERP issued it, and how long it lives counted from when it was asked
     * for.
     */
    public record FetchedToken(String value, Duration lifetime) {

        public FetchedToken {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(lifetime, "lifetime");
        }
    }

    private static final Duration MAX_EARLY = Duration.ofSeconds(60);

    private record Cached(String value, Instant refreshAt) {
    }

    private final Clock clock;

    private final Supplier<FetchedToken> fetch;

    private final UnaryOperator<Duration> earlyRefresh;

    private volatile Cached current;

    /**
     * Refreshes a tenth of a token's lifetime before it expires, at most a minute early.
     */
    public AccessTokenCache(Clock clock, Supplier<FetchedToken> fetch) {
        this(clock, fetch, AccessTokenCache::tenthAtMostAMinute);
    }

    /**
     * @param earlyRefresh how long before expiry to refresh, given the token's lifetime
     */
    public AccessTokenCache(Clock clock, Supplier<FetchedToken> fetch, UnaryOperator<Duration> earlyRefresh) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.earlyRefresh = Objects.requireNonNull(earlyRefresh, "earlyRefresh");
    }

    /**
     * A valid token: the cached one, or one fetched now if there is none or it is about
     * to expire.
     */
    public String token() {
        Cached token = current;
        if (token != null && clock.instant().isBefore(token.refreshAt())) {
            return token.value();
        }
        synchronized (this) {
            token = current;
            if (token == null || !clock.instant().isBefore(token.refreshAt())) {
                Instant requestedAt = clock.instant();
                FetchedToken fetched = fetch.get();
                token = new Cached(fetched.value(),
                        requestedAt.plus(fetched.lifetime()).minus(earlyRefresh.apply(fetched.lifetime())));
                current = token;
            }
            return token.value();
        }
    }

    /**
     * Sends {@code request} with the token; if the ERP answers 401 (expired early, or
     * revoked), forgets that token and sends once more with a new one. A second 401 is
     * returned for the caller to map: credentials a new token does not fix are a
     * configuration problem.
     */
    public ErpHttpResponse authorized(Function<String, ErpHttpResponse> request) {
        String token = token();
        ErpHttpResponse response = request.apply(token);
        if (response.status() == 401) {
            invalidate(token);
            response = request.apply(token());
        }
        return response;
    }

    /**
     * Forgets {@code rejected} (the ERP answered 401 to it), unless another thread
     * already replaced it.
     */
    public synchronized void invalidate(String rejected) {
        Cached token = current;
        if (token != null && token.value().equals(rejected)) {
            current = null;
        }
    }

    private static Duration tenthAtMostAMinute(Duration lifetime) {
        Duration tenth = lifetime.dividedBy(10);
        return tenth.compareTo(MAX_EARLY) > 0 ? MAX_EARLY : tenth;
    }

}
