package dev.erpgraph.erp.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import dev.erpgraph.erp.ConnectorOptions;
import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.config.ErpAuthProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The fan-out of a connector's independent requests: order of answers, the bound,
 * failures, interruption.
 */
class RequestFanOutTests {

    private static final long WAIT_SECONDS = 10;

    /**
     * Waits for a latch a test opens; a latch never opened fails the test instead of
     * hanging it.
     */
    private static void awaitOpen(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("latch opened").isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ErpException(ErpException.Kind.TIMEOUT, "sys", "interrupted", ex);
        }
    }

    /**
     * A request that says it is in flight, then hangs until it is interrupted, as a
     * cancelled HTTP request does.
     */
    private static String hangUntilInterrupted(CountDownLatch inFlight, AtomicBoolean interrupted) {
        inFlight.countDown();
        try {
            new CountDownLatch(1).await(WAIT_SECONDS, TimeUnit.SECONDS);
            return "not interrupted";
        }
        catch (InterruptedException ex) {
            interrupted.set(true);
            throw new ErpException(ErpException.Kind.TIMEOUT, "sys", "interrupted", ex);
        }
    }

    @Test
    void answersInTheOrderGivenWhateverOrderTheyFinishIn() {
        RequestFanOut fanOut = new RequestFanOut("sys", 5);
        List<CountDownLatch> finished = IntStream.range(0, 5).mapToObj(i -> new CountDownLatch(1)).toList();
        List<Integer> finishOrder = new ArrayList<>();

        // Each waits for the one after it: the last finishes first, the first last.
        List<String> answers = fanOut.each(List.of(0, 1, 2, 3, 4), i -> {
            if (i < 4) {
                awaitOpen(finished.get(i + 1));
            }
            synchronized (finishOrder) {
                finishOrder.add(i);
            }
            finished.get(i).countDown();
            return "answer " + i;
        });

        assertThat(finishOrder).containsExactly(4, 3, 2, 1, 0);
        assertThat(answers).containsExactly("answer 0", "answer 1", "answer 2", "answer 3", "answer 4");
    }

    @Test
    void neverHasMoreThanTheBoundInFlightAndTheCallerSendsToo() {
        RequestFanOut fanOut = new RequestFanOut("sys", 3);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicReference<Thread> caller = new AtomicReference<>();

        CompletableFuture<List<Integer>> answers = CompletableFuture.supplyAsync(() -> {
            caller.set(Thread.currentThread());
            return fanOut.each(IntStream.range(0, 12).boxed().toList(), i -> {
                threads.add(Thread.currentThread());
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                awaitOpen(release);
                inFlight.decrementAndGet();
                return i * 10;
            });
        });
        await().atMost(Duration.ofSeconds(WAIT_SECONDS)).until(() -> inFlight.get() == 3);
        release.countDown();

        assertThat(answers.join()).containsExactlyElementsOf(IntStream.range(0, 12).map(i -> i * 10).boxed().toList());
        assertThat(maxInFlight).hasValue(3);
        assertThat(threads).hasSize(3).contains(caller.get());
        threads.stream().filter(thread -> thread != caller.get()).forEach(helper -> {
            assertThat(helper.getName()).startsWith("sys-requests-");
            assertThat(helper.isDaemon()).isTrue();
        });
    }

    @Test
    void withOneInFlightSendsEverythingInTurnOnTheCallersThread() {
        RequestFanOut fanOut = new RequestFanOut("sys", 1);
        Thread caller = Thread.currentThread();
        List<Integer> sent = new ArrayList<>();

        List<Integer> answers = fanOut.each(List.of(3, 1, 2), i -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            sent.add(i);
            return i;
        });

        assertThat(sent).containsExactly(3, 1, 2);
        assertThat(answers).containsExactly(3, 1, 2);
    }

    @Test
    void theFirstFailureReachesTheCallerAsThrownAndNothingMoreIsSent() {
        RequestFanOut fanOut = new RequestFanOut("sys", 2);
        ErpException failure = new ErpException(ErpException.Kind.UNAVAILABLE, "sys", "503 from the ERP");
        Thread caller = Thread.currentThread();
        CountDownLatch helperSending = new CountDownLatch(1);
        AtomicBoolean helperInterrupted = new AtomicBoolean();
        AtomicInteger laterSent = new AtomicInteger();
        // With two in flight the first two go one to the caller, one to the helper: the
        // helper's hangs until it is
        // interrupted, the caller's fails once the helper's is in flight.
        Supplier<String> hangOrFail = () -> {
            if (Thread.currentThread() == caller) {
                awaitOpen(helperSending);
                throw failure;
            }
            return hangUntilInterrupted(helperSending, helperInterrupted);
        };
        List<Supplier<String>> requests = new ArrayList<>(List.of(hangOrFail, hangOrFail));
        for (int i = 0; i < 6; i++) {
            requests.add(() -> {
                laterSent.incrementAndGet();
                return "later";
            });
        }

        assertThatThrownBy(() -> fanOut.all(requests)).isSameAs(failure);
        await().atMost(Duration.ofSeconds(WAIT_SECONDS)).untilTrue(helperInterrupted);
        assertThat(laterSent).hasValue(0);
    }

    @Test
    void anyRuntimeExceptionReachesTheCallerAsThrown() {
        RequestFanOut fanOut = new RequestFanOut("sys", 4);
        IllegalStateException failure = new IllegalStateException("unreadable answer");

        assertThatThrownBy(() -> fanOut.each(List.of(1, 2, 3), i -> {
            if (i == 2) {
                throw failure;
            }
            return i;
        })).isSameAs(failure);
    }

    @Test
    void anInterruptedCallerEndsTheCallAsATimeout() throws InterruptedException {
        RequestFanOut fanOut = new RequestFanOut("sys", 2);
        CountDownLatch helperSending = new CountDownLatch(1);
        AtomicBoolean helperInterrupted = new AtomicBoolean();
        AtomicReference<Thread> callerThread = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Supplier<String> hangOnHelper = () -> {
            if (Thread.currentThread() == callerThread.get()) {
                awaitOpen(helperSending);
                return "caller's";
            }
            return hangUntilInterrupted(helperSending, helperInterrupted);
        };
        Thread caller = new Thread(() -> {
            try {
                fanOut.all(List.of(hangOnHelper, hangOnHelper));
            }
            catch (RuntimeException ex) {
                thrown.set(ex);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        callerThread.set(caller);

        caller.start();
        awaitOpen(helperSending);
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertThat(thrown.get()).isInstanceOfSatisfying(ErpException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ErpException.Kind.TIMEOUT);
            assertThat(ex.erpSystemId()).isEqualTo("sys");
        });
        assertThat(stillInterrupted).isTrue();
        await().atMost(Duration.ofSeconds(WAIT_SECONDS)).untilTrue(helperInterrupted);
    }

    @Test
    void theOptionIsAPositiveNumberWithTheConnectorsDefault() {
        assertThat(RequestFanOut.maxParallelRequests(ConnectorOptions.of(settings(Map.of())), 4)).isEqualTo(4);
        assertThat(
                RequestFanOut.maxParallelRequests(ConnectorOptions.of(settings(Map.of("maxParallelRequests", "1"))), 4))
            .isEqualTo(1);
        for (String bad : List.of("0", "-2", "four", "")) {
            assertThatThrownBy(() -> RequestFanOut
                .maxParallelRequests(ConnectorOptions.of(settings(Map.of("maxParallelRequests", bad))), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxParallelRequests");
        }
    }

    private static ConnectorSettings settings(Map<String, String> options) {
        return new ConnectorSettings("sys", ErpKind.BUSINESS_CENTRAL, null, ErpAuthProperties.none(),
                Duration.ofSeconds(2), 4, options);
    }

}
