package dev.erpgraph.erp.sxe;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SX.e's per-key fan-out lets its pool's threads go when the connector is closed. */
class SxeFanOutCloseTests {

    @Test
    void closingTheFanOutEndsItsPoolThreads() {
        SxeFanOut fanOut = new SxeFanOut("closing-sxe", 2);
        assertThat(fanOut.each(List.of("a", "b"), key -> key.toUpperCase())).hasEntrySatisfying("a",
                outcome -> assertThat(outcome.value()).isEqualTo("A"));
        assertThat(poolThreads()).isPositive();

        fanOut.close();

        await().atMost(5, TimeUnit.SECONDS).until(() -> poolThreads() == 0);
    }

    private static long poolThreads() {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .filter(thread -> thread.isAlive() && thread.getName().startsWith("sxe-closing-sxe-"))
            .count();
    }

}
