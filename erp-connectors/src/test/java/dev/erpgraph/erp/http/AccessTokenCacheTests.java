package dev.erpgraph.erp.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.erpgraph.erp.MutableClock;
import dev.erpgraph.erp.http.AccessTokenCache.FetchedToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token cache every connector shares: reuse, early refresh, invalidation and the one
 * retry on 401.
 */
class AccessTokenCacheTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));

    private final AtomicInteger fetches = new AtomicInteger();

    private AccessTokenCache cache(Duration lifetime) {
        return new AccessTokenCache(clock, () -> new FetchedToken("t" + fetches.incrementAndGet(), lifetime));
    }

    @Test
    void reusesTheTokenUntilATenthOfItsLifetimeBeforeExpiry() {
        AccessTokenCache cache = cache(Duration.ofSeconds(300));

        assertThat(cache.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(269));
        assertThat(cache.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.token()).isEqualTo("t2");
    }

    @Test
    void refreshesLongLivedTokensAtMostAMinuteEarly() {
        AccessTokenCache cache = cache(Duration.ofHours(1));

        cache.token();
        clock.advance(Duration.ofSeconds(3539));
        assertThat(cache.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.token()).isEqualTo("t2");
    }

    @Test
    void forgetsOnlyTheTokenThatWasRejected() {
        AccessTokenCache cache = cache(Duration.ofHours(1));
        cache.token();

        cache.invalidate("an older token");
        assertThat(cache.token()).isEqualTo("t1");
        cache.invalidate("t1");
        assertThat(cache.token()).isEqualTo("t2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void sendsOnceMoreWithANewTokenAfterA401AndNoMore() {
        AccessTokenCache cache = cache(Duration.ofHours(1));
        List<String> sent = new ArrayList<>();

        ErpHttpResponse answer = cache.authorized(token -> {
            sent.add(token);
            return response(401);
        });

        assertThat(sent).containsExactly("t1", "t2");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(cache.authorized(token -> response(200)).status()).isEqualTo(200);
        assertThat(fetches).hasValue(2);
    }

    private static ErpHttpResponse response(int status) {
        return new ErpHttpResponse("test", status, HttpHeaders.of(Map.of(), (name, value) -> true), "");
    }

}
