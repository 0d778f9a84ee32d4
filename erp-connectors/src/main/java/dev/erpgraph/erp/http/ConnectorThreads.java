package dev.erpgraph.erp.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * The threads a connector sends requests on besides its caller's. The connector shuts its
 * pools down when it is closed (at the application's shutdown); until then its threads
 * are daemons that never keep the JVM alive; they carry the system's name, so a thread
 * dump says which ERP a stuck request is waiting for; and most systems are idle most of
 * the time, so an idle pool holds no thread at all. Work runs with the context of the
 * thread that handed it over (see {@link #propagating}), so a request a helper thread
 * sends is logged and authorized as the caller's own would be.
 */
public final class ConnectorThreads {

    private static final long IDLE_SECONDS = 30;

    private ConnectorThreads() {
    }

    /**
     * A pool of at most {@code threads} threads named {@code name-1}, {@code name-2},
     * ...: started only when work comes, each let go after 30 idle seconds. Work beyond
     * {@code threads} waits in the pool's queue.
     */
    public static ExecutorService pool(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(name + ": a pool needs at least one thread, was " + threads);
        }
        AtomicInteger started = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + started.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return propagating(pool);
    }

    /**
     * {@code pool}, running each task with the thread-local values its submitter had:
     * every {@code ThreadLocalAccessor} registered in Micrometer's
     * {@code ContextRegistry} (the SLF4J MDC, the security context, Spring for GraphQL's
     * request values) is captured at submission and restored around the task. Values the
     * submitter did not have are cleared for the task, so a pooled thread never carries
     * an earlier caller's.
     */
    public static ExecutorService propagating(ExecutorService pool) {
        return ContextExecutorService.wrap(pool, ContextSnapshotFactory.builder().clearMissing(true).build());
    }

}
