package dev.erpgraph.ordersubmission;

import java.time.Duration;
import java.util.Map;

import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.config.ErpProperties;
import dev.erpgraph.erp.config.ErpSystemProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The worker's refusal of a lease an attempt could outlast. */
class OrderSubmissionWorkerTests {

    @Test
    void aLeaseLongerThanTwoCallsOfTheSlowestErpIsAccepted() {
        assertThatCode(() -> OrderSubmissionWorker.requireLeaseOutlivesAnAttempt(Duration.ofSeconds(30),
                erp(Duration.ofSeconds(2), Duration.ofSeconds(14))))
            .doesNotThrowAnyException();
    }

    @Test
    void aLeaseTwoCallsOfTheSlowestErpCouldOutlastIsRefusedNamingTheNumbers() {
        assertThatIllegalStateException()
            .isThrownBy(() -> OrderSubmissionWorker.requireLeaseOutlivesAnAttempt(Duration.ofSeconds(30),
                    erp(Duration.ofSeconds(2), Duration.ofSeconds(15))))
            .withMessageContaining("graph.order-submission.lease (PT30S)")
            .withMessageContaining("2 x PT15S");
        assertThatIllegalStateException().isThrownBy(() -> OrderSubmissionWorker
            .requireLeaseOutlivesAnAttempt(Duration.ofSeconds(3), erp(Duration.ofSeconds(2), null)));
    }

    private static ErpProperties erp(Duration timeout, Duration slowSystemTimeout) {
        ErpSystemProperties slow = new ErpSystemProperties(ErpKind.SAP_S4HANA, "slow", "http://127.0.0.1:1", null,
                slowSystemTimeout, null, Map.of());
        return new ErpProperties(Map.of("slow", slow), timeout, null, null, null);
    }

}
