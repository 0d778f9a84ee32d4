package dev.erpgraph.operations;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.erpgraph.DemoTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The quota watch as an operator sees it: {@code ErpSystem.quota} and {@code health} in
 * the API, the {@code erp} component of {@code /actuator/health} and the
 * {@code erp.quota.*} gauges. This context turns a system {@code DEGRADED} at 0.2 % of
 * its quota: 12 of Business Central's 6,000 requests per 5 minutes. Windows are fixed and
 * aligned to the epoch, so a test that counts keeps sending until its count is in one
 * window rather than assuming that it never meets a window's end.
 */
class ErpQuotaTests extends OperationsContext {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void calm() {
        faults("business-central", Map.of("rateLimitNext", 0, "retryAfterSeconds", 1));
    }

    @Test
    void aSystemThatHasUsedItsShareOfTheQuotaIsDegradedInTheApiTheHealthEndpointAndTheGauges() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            businessCentralPage();
            Map<String, Object> bc = system("business-central");
            assertThat(bc.get("health")).isEqualTo("DEGRADED");
            Map<String, Object> quota = quota(bc);
            assertThat(quota).containsEntry("measure", "REQUESTS")
                .containsEntry("limit", 6000)
                .containsEntry("window", "PT5M");
            int used = (Integer) quota.get("used");
            assertThat(used).isGreaterThanOrEqualTo(12);
            assertThat((Double) quota.get("ratio")).isCloseTo(used / 6000.0, within(1e-9));
        });

        Map<String, Object> erp = component(actuatorHealth(), "erp");
        Map<String, Object> details = component(erp, "business-central");
        assertThat(details).containsEntry("status", "UP");
        assertThat(field(details, "details")).containsEntry("health", "DEGRADED");
        assertThat(field(field(details, "details"), "quota")).containsEntry("limit", 6000)
            .containsEntry("measure", "REQUESTS");
        assertThat(meters.get("erp.quota.ratio").tag("erp", "business-central").gauge().value())
            .isGreaterThanOrEqualTo(0.002);
        assertThat(meters.get("erp.quota.limit").tag("erp", "business-central").gauge().value()).isEqualTo(6000);
    }

    @Test
    void eachKindHasItsVendorsQuotaAndAnErpWithoutOneIsNeverDegradedByIt() {
        Map<String, Object> netsuite = quota(system("netsuite"));
        assertThat(netsuite).containsEntry("measure", "CONCURRENT_REQUESTS")
            .containsEntry("limit", 15)
            .containsEntry("window", "PT1M");
        for (String erp : List.of("sap", "sxe", "p21")) {
            Map<String, Object> system = system(erp);
            assertThat(quota(system)).as(erp)
                .containsEntry("measure", "REQUESTS")
                .containsEntry("limit", null)
                .containsEntry("ratio", null)
                .containsEntry("window", "PT1M");
            assertThat(system.get("health")).as(erp).isEqualTo("UP");
        }
        assertThat(meters.find("erp.quota.ratio").tag("erp", "sap").gauge()).isNull();
        assertThat(meters.get("erp.quota.used").tag("erp", "sap").gauge()).isNotNull();
    }

    @Test
    void tooManyRequestsAnswersAndTheirRetryAfterHeadersAreCountedInTheSameView() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            // The next request is answered 429 with Retry-After: 0; the gateway retries
            // it at once, and the page is answered.
            faults("business-central", Map.of("rateLimitNext", 1, "retryAfterSeconds", 0));
            businessCentralPage();
            Map<String, Object> quota = quota(system("business-central"));
            assertThat((Integer) quota.get("throttled")).isPositive();
            assertThat((Integer) quota.get("retryAfters")).isPositive();
        });
        assertThat(meters.get("erp.quota.throttled").tag("erp", "business-central").gauge().value()).isPositive();
    }

    /** A cold page of Business Central's customers with their credit. */
    private void businessCentralPage() {
        coldCache();
        graphQl.documentName("account360AcrossErps")
            .variable("first", 2)
            .variable("sap", false)
            .variable("ns", false)
            .execute()
            .errors()
            .verify();
    }

    private Map<String, Object> system(String id) {
        return graphQl.documentName("erpQuota")
            .execute()
            .errors()
            .verify()
            .path("erpSystems")
            .entityList(MAP)
            .get()
            .stream()
            .filter(system -> id.equals(system.get("id")))
            .findFirst()
            .orElseThrow();
    }

    private Map<String, Object> actuatorHealth() {
        return RestClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .build()
            .get()
            .uri("/actuator/health")
            .header(HttpHeaders.AUTHORIZATION, DemoTokens.bearer(port, DemoTokens.MANAGER))
            .retrieve()
            .body(MAP);
    }

    private static Map<String, Object> quota(Map<String, Object> system) {
        return field(system, "quota");
    }

    private static Map<String, Object> component(Map<String, Object> health, String name) {
        return field(field(health, "components"), name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> map, String name) {
        assertThat(map).containsKey(name);
        return (Map<String, Object>) map.get(name);
    }

}
