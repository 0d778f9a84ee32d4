package dev.erpgraph.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A principal may send its minute's worth at once; then one request comes back every
 * minute / limit, and an idle bucket fills up to the limit and no further. Concurrent
 * requests read the clock before they take their turn, so a take may carry an earlier
 * time than the one before it: that takes a token, never drains one.
 */
class TokenBucketTests {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aMinutesWorthAtOnceThenOneEveryMinuteOverTheLimit() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofMinutes(1), 0);

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(20 * SECOND);
        assertThat(bucket.take(5 * SECOND)).isEqualTo(15 * SECOND);
        assertThat(bucket.take(20 * SECOND)).isZero();
        assertThat(bucket.take(20 * SECOND)).isEqualTo(20 * SECOND);
    }

    @Test
    void anIdleBucketFillsUpToTheLimitOnly() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofMinutes(1), 0);
        for (int request = 0; request < 3; request++) {
            bucket.take(0);
        }

        long anHourLater = 3600 * SECOND;
        for (int request = 0; request < 3; request++) {
            assertThat(bucket.take(anHourLater)).isZero();
        }
        assertThat(bucket.take(anHourLater)).isEqualTo(20 * SECOND);
    }

    @Test
    void aTakeStampedBeforeThePreviousOneStillFindsTheTokenThatIsLeft() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofMinutes(1), 10 * SECOND);

        assertThat(bucket.take(10 * SECOND)).isZero();
        // A second request of the same principal read the clock a moment before the
        // first, and reached the bucket after it.
        assertThat(bucket.take(10 * SECOND - 1_000)).isZero();
        assertThat(bucket.take(10 * SECOND)).isEqualTo(30 * SECOND);
    }

}
