package dev.erpgraph.erp.http;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A connector's fan-out lets its threads go when the connector is closed. */
class ConnectorThreadsReleaseTests {

    @Test
    void closingAFanOutEndsItsHelperThreadsAndLaterCallsStillAnswer() throws InterruptedException {
        RequestFanOut fanOut = new RequestFanOut("closing-erp", 3);
        CountDownLatch allInFlight = new CountDownLatch(3);
        List<Supplier<String>> requests = IntStream.range(0, 3).<Supplier<String>>mapToObj(i -> () -> {
            allInFlight.countDown();
            await().until(() -> allInFlight.getCount() == 0);
            return Thread.currentThread().getName();
        }).toList();

        List<String> senders = fanOut.all(requests);
        assertThat(senders).filteredOn(name -> name.startsWith("closing-erp-requests-")).hasSize(2);
        assertThat(helperThreads()).isPositive();

        fanOut.close();

        await().atMost(5, TimeUnit.SECONDS).until(() -> helperThreads() == 0);
        assertThat(fanOut.all(List.of(() -> "a", () -> "b"))).containsExactly("a", "b");
    }

    private static long helperThreads() {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .filter(thread -> thread.isAlive() && thread.getName().startsWith("closing-erp-requests-"))
            .count();
    }

}
