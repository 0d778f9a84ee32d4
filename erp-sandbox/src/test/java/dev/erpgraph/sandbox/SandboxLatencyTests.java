package dev.erpgraph.sandbox;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.erpgraph.sandbox.sap.SapSandboxErp;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sandbox's latency is its answer time, as a real ERP's is: it does its work at once
 * and answers when the latency is up, so the latency a benchmark sets is the latency its
 * client sees.
 */
class SandboxLatencyTests extends SandboxServerTests {

    private static final long LATENCY_MS = 1500;

    private static final String CREDIT = "/sandbox/sap/sap/opu/odata/sap/API_CRDTMBUSINESSPARTNER/CreditManagementAccount"
            + "?$filter=BusinessPartner eq '17100001'";

    private String credit() {
        String basic = Base64.getEncoder()
            .encodeToString((SapSandboxErp.USER + ":" + SapSandboxErp.PASSWORD).getBytes());
        return http().get()
            .uri(CREDIT)
            .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
            .retrieve()
            .body(String.class);
    }

    @Test
    void aRequestIsWorkedOnAtOnceAndAnsweredWhenTheLatencyIsUp() {
        credit();
        sandbox("sap").faults(SandboxFaults.defaults(LATENCY_MS, 0));
        sandbox("sap").stats().reset();

        long started = System.nanoTime();
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(this::credit);

        await().atMost(Duration.ofMillis(LATENCY_MS))
            .until(() -> sandbox("sap").stats().snapshot().byResource().getOrDefault("credit", 0L) == 1);
        assertThat(answer).isNotDone();
        String credit = answer.join();
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(elapsedMs).isGreaterThanOrEqualTo(LATENCY_MS);
        assertThat(credit).contains("\"BusinessPartner\":\"17100001\"");
        // Not the warm-up's. The sandbox records an interval once the answer's last byte
        // is
        // out, which may be after the client has read it: awaited, not assumed.
        await().atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(sandbox("sap").stats()
                .intervals()
                .stream()
                .filter(interval -> interval.startNanos() >= started)
                .toList())
                .singleElement()
                .satisfies(interval -> assertThat(
                        TimeUnit.NANOSECONDS.toMillis(interval.endNanos() - interval.startNanos()))
                    .isGreaterThanOrEqualTo(LATENCY_MS)));
    }

}
