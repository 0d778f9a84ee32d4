package dev.erpgraph.erp.quota;

import java.time.Duration;
import java.time.Instant;

import dev.erpgraph.erp.ErpQuota;
import dev.erpgraph.erp.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The quota watch counts one system's requests per window against its ERP's quota, says
 * when 70 % of it is used (the system's health turns DEGRADED on that) and warns once per
 * window, and counts 429 answers and Retry-After headers in the same view.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuotaWatchTests {

    /** The start of a five-minute window. */
    private static final Instant WINDOW_START = Instant.parse("2026-12-06T10:00:00Z");

    private final MutableClock clock = new MutableClock(WINDOW_START);

    @Test
    void countsTheRequestsOfTheCurrentWindowAndStartsAgainInTheNext() {
        QuotaWatch watch = businessCentral(10);
        send(watch, 3);
        clock.advance(Duration.ofMinutes(4));
        send(watch, 2);

        assertThat(watch.usage())
            .isEqualTo(new QuotaUsage(ErpQuota.Measure.REQUESTS, 5, 10, Duration.ofMinutes(5), WINDOW_START, 0, 0));
        assertThat(watch.usage().ratio()).isEqualTo(0.5);

        clock.advance(Duration.ofMinutes(1));
        send(watch, 1);

        assertThat(watch.usage().used()).isEqualTo(1);
        assertThat(watch.usage().windowStart()).isEqualTo(WINDOW_START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void seventyPercentOfTheQuotaIsNearTheLimitAndWarnsOncePerWindow(CapturedOutput output) {
        QuotaWatch watch = businessCentral(10);
        send(watch, 6);
        assertThat(watch.isNearLimit()).as("60 %").isFalse();
        assertThat(output).doesNotContain("of its quota");

        send(watch, 1);
        assertThat(watch.isNearLimit()).as("70 %").isTrue();
        send(watch, 2);
        assertThat(output.getOut().split("ERP business-central has used", -1)).as("one warning in the window")
            .hasSize(2);
        assertThat(output).contains("ERP business-central has used 7 of its quota of 10 requests per PT5M (70%)");

        clock.advance(Duration.ofMinutes(5));
        assertThat(watch.isNearLimit()).as("a new window").isFalse();
        send(watch, 7);
        assertThat(output.getOut().split("ERP business-central has used", -1)).as("one more in the next window")
            .hasSize(3);
    }

    @Test
    void theShareThatCountsAsNearIsConfigurable() {
        QuotaWatch watch = new QuotaWatch("business-central", ErpQuota.requests(10, Duration.ofMinutes(5)), 0.5, clock);
        send(watch, 5);

        assertThat(watch.isNearLimit()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new QuotaWatch("x", ErpQuota.UNPUBLISHED, 1.5, clock))
            .withMessageContaining("degradedAt");
    }

    @Test
    void countsTooManyRequestsAnswersAndRetryAfterHeadersInTheSameWindow() {
        QuotaWatch watch = businessCentral(6000);
        watch.started();
        watch.finished(429, true);
        watch.started();
        watch.finished(503, true);
        watch.started();
        watch.finished(200, false);

        QuotaUsage usage = watch.usage();
        assertThat(usage.used()).isEqualTo(3);
        assertThat(usage.throttled()).isEqualTo(1);
        assertThat(usage.retryAfters()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(5));
        assertThat(watch.usage().throttled()).isZero();
        assertThat(watch.usage().retryAfters()).isZero();
    }

    @Test
    void aConcurrencyQuotaCountsTheMostRequestsInFlightAtOnceInTheWindow() {
        QuotaWatch watch = new QuotaWatch("netsuite", ErpQuota.concurrentRequests(15, Duration.ofMinutes(1)),
                QuotaWatch.DEFAULT_DEGRADED_AT, clock);
        for (int i = 0; i < 11; i++) {
            watch.started();
        }
        for (int i = 0; i < 11; i++) {
            watch.finished(200, false);
        }
        watch.started();
        watch.finished(200, false);

        assertThat(watch.usage().used()).as("the peak, not the 12 requests").isEqualTo(11);
        assertThat(watch.isNearLimit()).as("11 of 15 is 73 %").isTrue();

        watch.started();
        clock.advance(Duration.ofMinutes(1));
        assertThat(watch.usage().used()).as("a new window starts from what is still in flight").isEqualTo(1);
        assertThat(watch.isNearLimit()).isFalse();
    }

    @Test
    void withoutAKnownQuotaRequestsAreCountedAndNeverNearALimit() {
        QuotaWatch watch = new QuotaWatch("sap", ErpQuota.UNPUBLISHED, QuotaWatch.DEFAULT_DEGRADED_AT, clock);
        send(watch, 1000);

        assertThat(watch.usage().used()).isEqualTo(1000);
        assertThat(watch.usage().limit()).isZero();
        assertThat(watch.usage().ratio()).isNull();
        assertThat(watch.isNearLimit()).isFalse();
    }

    @Test
    void gaugesShowTheCurrentWindow() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        QuotaWatch watch = businessCentral(10).register(meters);
        send(watch, 4);
        watch.started();
        watch.finished(429, true);

        assertThat(meters.get("erp.quota.used").tag("erp", "business-central").gauge().value()).isEqualTo(5);
        assertThat(meters.get("erp.quota.limit").tag("erp", "business-central").gauge().value()).isEqualTo(10);
        assertThat(meters.get("erp.quota.ratio").tag("erp", "business-central").gauge().value()).isEqualTo(0.5);
        assertThat(meters.get("erp.quota.throttled").tag("erp", "business-central").gauge().value()).isEqualTo(1);
        assertThat(meters.get("erp.quota.retry-after").tag("erp", "business-central").gauge().value()).isEqualTo(1);
    }

    private QuotaWatch businessCentral(int limit) {
        return new QuotaWatch("business-central", ErpQuota.requests(limit, Duration.ofMinutes(5)),
                QuotaWatch.DEFAULT_DEGRADED_AT, clock);
    }

    private static void send(QuotaWatch watch, int requests) {
        for (int i = 0; i < requests; i++) {
            watch.started();
            watch.finished(200, false);
        }
    }

}
