package dev.erpgraph.erp.http;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connector's own threads carry the context of the thread that handed them work: any
 * thread-local registered in Micrometer's {@code ContextRegistry} (here a test one, in
 * production the MDC, the security context, ...), and nothing of an earlier caller's.
 */
class ConnectorThreadsTests {

    private static final ThreadLocal<String> PRINCIPAL = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance()
            .registerThreadLocalAccessor(ConnectorThreadsTests.class.getName(), PRINCIPAL::get, PRINCIPAL::set,
                    PRINCIPAL::remove);
    }

    private final ExecutorService pool = ConnectorThreads.pool("erp1-requests", 1);

    @AfterEach
    void release() {
        PRINCIPAL.remove();
        pool.shutdownNow();
    }

    @Test
    void aPooledTaskRunsWithItsSubmittersContext() throws Exception {
        PRINCIPAL.set("alice");

        String seen = pool.submit(() -> PRINCIPAL.get() + " on " + Thread.currentThread().getName())
            .get(10, TimeUnit.SECONDS);

        assertThat(seen).isEqualTo("alice on erp1-requests-1");
    }

    @Test
    void aPooledThreadKeepsNothingOfAnEarlierSubmitter() throws Exception {
        PRINCIPAL.set("alice");
        assertThat(pool.submit(PRINCIPAL::get).get(10, TimeUnit.SECONDS)).isEqualTo("alice");
        PRINCIPAL.set("bob");
        assertThat(pool.submit(PRINCIPAL::get).get(10, TimeUnit.SECONDS)).isEqualTo("bob");
        PRINCIPAL.remove();

        String seen = pool.submit(() -> PRINCIPAL.get() + " on " + Thread.currentThread().getName())
            .get(10, TimeUnit.SECONDS);

        assertThat(seen).isEqualTo("null on erp1-requests-1");
    }

    @Test
    void everyRequestOfAFannedOutCallIsSentWithTheCallersContext() {
        RequestFanOut fanOut = new RequestFanOut("erp1", 2);
        CountDownLatch bothInFlight = new CountDownLatch(2);
        Supplier<String> request = () -> {
            bothInFlight.countDown();
            try {
                // Each request waits for the other: they are sent on two threads.
                assertThat(bothInFlight.await(10, TimeUnit.SECONDS)).as("both requests in flight").isTrue();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return PRINCIPAL.get() + " on " + Thread.currentThread().getName();
        };
        PRINCIPAL.set("alice");

        List<String> seen = fanOut.all(List.of(request, request));

        assertThat(seen).containsExactlyInAnyOrder("alice on " + Thread.currentThread().getName(),
                "alice on erp1-requests-1");
    }

}
