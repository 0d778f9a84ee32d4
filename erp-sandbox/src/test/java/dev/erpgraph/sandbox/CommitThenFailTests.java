package dev.erpgraph.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit-then-fail fault: which creates lose their answer is drawn from the sandbox's
 * seed, and the admin API takes only a share between 0 and 1.
 */
class CommitThenFailTests extends SandboxServerTests {

    private List<Boolean> draws(long seed, double share, int creates) {
        Sandbox template = sandbox("sap");
        Sandbox sandbox = new Sandbox("sap", template.erp(), template.data(),
                new SandboxFaults(0, 0, false, 0.0, false, 0, 1, 3600, share), new SandboxTokens(Clock.systemUTC()),
                seed, Clock.systemUTC());
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < creates; i++) {
            failed.add(sandbox.commitThenFail());
        }
        return failed;
    }

    @Test
    void theSameSeedLosesTheAnswersOfTheSameCreates() {
        List<Boolean> first = draws(42, 0.3, 40);
        List<Boolean> again = draws(42, 0.3, 40);
        List<Boolean> otherSeed = draws(43, 0.3, 40);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).contains(true, false);
        assertThat(draws(42, 1.0, 40)).containsOnly(true);
        assertThat(draws(42, 0.0, 40)).containsOnly(false);
    }

    @Test
    void theAdminApiKeepsTheShareAndRefusesOneOutsideZeroToOne() {
        ResponseEntity<String> tooHigh = http().put()
            .uri("/sandbox/sap/_admin/faults")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("commitThenFail", 1.5))
            .retrieve()
            .onStatus(status -> true, (req, res) -> {
            })
            .toEntity(String.class);
        commitThenFail("sap", 0.25);

        assertThat(tooHigh.getStatusCode().value()).isEqualTo(400);
        assertThat(SandboxJson.MAPPER
            .readTree(http().get().uri("/sandbox/sap/_admin/faults").retrieve().body(String.class))
            .path("commitThenFail")
            .asDouble()).isEqualTo(0.25);
        assertThat(sandbox("sap").faults().errorRate()).isZero();
    }

}
