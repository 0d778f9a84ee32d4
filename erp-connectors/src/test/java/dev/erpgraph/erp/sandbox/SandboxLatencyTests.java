package dev.erpgraph.erp.sandbox;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.SandboxServerTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sandbox's latency is its answer time, as a real ERP's is: it does its work at once
 * and answers when the latency is up, so the latency a benchmark sets is the latency its
 * client sees.
 */
class SandboxLatencyTests extends SandboxServerTests {

    private static final long LATENCY_MS = 1500;

    @Test
    void aRequestIsWorkedOnAtOnceAndAnsweredWhenTheLatencyIsUp() {
        connector("business-central").credit(Set.of("10000"));
        sandbox("business-central").faults(SandboxFaults.defaults(LATENCY_MS, 0));
        sandbox("business-central").stats().reset();

        long started = System.nanoTime();
        CompletableFuture<ErpBatch<String, CreditStatus>> answer = CompletableFuture
            .supplyAsync(() -> connector("business-central").credit(Set.of("10000")));

        await().atMost(Duration.ofMillis(LATENCY_MS))
            .until(() -> sandbox("business-central").stats()
                .snapshot()
                .byResource()
                .getOrDefault("customers", 0L) == 1);
        assertThat(answer).isNotDone();
        ErpBatch<String, CreditStatus> credit = answer.join();
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(elapsedMs).isGreaterThanOrEqualTo(LATENCY_MS);
        assertThat(credit.values()).containsOnlyKeys("10000");
        // Not the warm-up's: the sandbox records an interval once the answer's last byte
        // is out, which may be after
        // the client has read it and the stats were reset.
        assertThat(sandbox("business-central").stats()
            .intervals()
            .stream()
            .filter(interval -> interval.startNanos() >= started)
            .toList()).singleElement()
            .satisfies(
                    interval -> assertThat(TimeUnit.NANOSECONDS.toMillis(interval.endNanos() - interval.startNanos()))
                        .isGreaterThanOrEqualTo(LATENCY_MS));
    }

}
