package dev.erpgraph.erp.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.erpgraph.erp.ConnectorOptions;
import dev.erpgraph.erp.ErpException;

/**
 * Sends the independent requests of one connector call side by side instead of one after
 * another. A URL or query length limit cuts a long {@code or}-chain into several
 * requests, and some calls read two things neither of which needs the other's answer;
 * sent in turn, each of those costs a full round trip, so a batch's latency grows with
 * its size. Sent together, the batch costs about one round trip per
 * {@code maxParallelRequests} of them, and sends exactly the same requests.
 *
 * <p>
 * How many of one call are in flight is bounded ({@code maxParallelRequests}, a connector
 * option), because an ERP's concurrency allowance is per user and shared with everything
 * else that talks to it. The calling thread sends requests itself, and at most
 * {@code maxParallelRequests − 1} threads of the connector's own pool help it: with 1, a
 * call is exactly the sequential loop it replaces and uses no other thread. Concurrent
 * calls share those helper threads, so together they add at most that many requests to
 * the ones their callers send; a call whose helpers are busy with another call still
 * progresses on its own thread, so no call waits for a thread another call holds.
 *
 * <p>
 * Answers come back in the order the requests were given, so merging them is as
 * deterministic as the loop it replaces. The first request to fail fails the call:
 * requests not yet sent are not sent, those in flight are interrupted and their answers
 * dropped, and that failure (an {@link ErpException}, or whatever else was thrown)
 * reaches the caller as it was thrown. Interrupting the caller ends the call as a
 * {@code TIMEOUT}, as an interrupted request does.
 */
public final class RequestFanOut implements AutoCloseable {

    /** The connector option bounding how many requests of one call are in flight. */
    public static final String OPTION = "maxParallelRequests";

    /** Far above any ERP's allowance for one user: a typo, not a setting. */
    static final int MAX_PARALLEL_REQUESTS = 64;

    private final String erpSystemId;

    private final int maxParallelRequests;

    /** The helper threads; null when the caller sends every request itself. */
    private final ExecutorService helpers;

    public RequestFanOut(String erpSystemId, int maxParallelRequests) {
        this.erpSystemId = Objects.requireNonNull(erpSystemId, "erpSystemId");
        if (maxParallelRequests < 1) {
            throw new IllegalArgumentException(
                    erpSystemId + ": " + OPTION + " must be positive, was " + maxParallelRequests);
        }
        this.maxParallelRequests = maxParallelRequests;
        this.helpers = maxParallelRequests == 1 ? null
                : ConnectorThreads.pool(erpSystemId + "-requests", maxParallelRequests - 1);
    }

    /**
     * A connector's option {@value #OPTION} if set (1 to 64), else the given default: for
     * each ERP's options record.
     */
    public static int maxParallelRequests(ConnectorOptions options, int defaultMaxParallelRequests) {
        return options.wholeNumber(OPTION, defaultMaxParallelRequests, 1, MAX_PARALLEL_REQUESTS);
    }

    public int maxParallelRequests() {
        return maxParallelRequests;
    }

    /**
     * Stops the helper threads (interrupting any still sending); calls after this send
     * every request on the caller's thread.
     */
    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /**
     * {@code request} applied to each input (a chunk of keys, a path), sent side by side;
     * answers in input order.
     */
    public <I, T> List<T> each(List<I> inputs, Function<? super I, ? extends T> request) {
        List<Supplier<T>> requests = new ArrayList<>(inputs.size());
        for (I input : inputs) {
            requests.add(() -> request.apply(input));
        }
        return all(requests);
    }

    /**
     * Sends every request, at most {@code maxParallelRequests} at once; answers in the
     * order given.
     */
    public <T> List<T> all(List<? extends Supplier<? extends T>> requests) {
        if (requests.size() < 2 || helpers == null || helpers.isShutdown()) {
            List<T> answers = new ArrayList<>(requests.size());
            for (Supplier<? extends T> request : requests) {
                answers.add(request.get());
            }
            return answers;
        }
        Call<T> call = new Call<>(requests);
        int helping = Math.min(maxParallelRequests, requests.size()) - 1;
        List<Future<?>> helped = new ArrayList<>(helping);
        for (int i = 0; i < helping; i++) {
            try {
                helped.add(helpers.submit(call::send));
            }
            catch (RejectedExecutionException ex) {
                // Closed meanwhile: the caller sends what is left itself.
                break;
            }
        }
        call.send();
        try {
            call.settled.await();
        }
        catch (InterruptedException ex) {
            ErpException timeout = new ErpException(ErpException.Kind.TIMEOUT, erpSystemId,
                    "interrupted while waiting for " + requests.size() + " requests", ex);
            call.fail(timeout);
            helped.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw timeout;
        }
        Throwable failure = call.failure.get();
        // Helpers still queued behind another call find nothing left to send; after a
        // failure, in-flight ones stop.
        helped.forEach(future -> future.cancel(failure != null));
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return call.answers();
    }

    /**
     * One call's requests, taken in order by whichever thread is free: the caller's or a
     * helper.
     */
    private static final class Call<T> {

        private final List<? extends Supplier<? extends T>> requests;

        private final AtomicReferenceArray<T> answers;

        private final AtomicInteger next = new AtomicInteger();

        private final AtomicInteger unanswered;

        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        /** Opens when every request is answered or one has failed. */
        private final CountDownLatch settled = new CountDownLatch(1);

        Call(List<? extends Supplier<? extends T>> requests) {
            this.requests = requests;
            this.answers = new AtomicReferenceArray<>(requests.size());
            this.unanswered = new AtomicInteger(requests.size());
        }

        /** Sends requests not yet taken until none is left or the call has failed. */
        void send() {
            while (failure.get() == null) {
                int index = next.getAndIncrement();
                if (index >= requests.size()) {
                    return;
                }
                try {
                    answers.set(index, requests.get(index).get());
                }
                catch (RuntimeException | Error ex) {
                    fail(ex);
                    return;
                }
                if (unanswered.decrementAndGet() == 0) {
                    settled.countDown();
                }
            }
        }

        void fail(Throwable cause) {
            if (failure.compareAndSet(null, cause)) {
                settled.countDown();
            }
        }

        List<T> answers() {
            List<T> list = new ArrayList<>(answers.length());
            for (int i = 0; i < answers.length(); i++) {
                list.add(answers.get(i));
            }
            return list;
        }

    }

}
