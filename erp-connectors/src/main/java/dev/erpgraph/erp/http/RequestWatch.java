package dev.erpgraph.erp.http;

import java.net.HttpURLConnection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends one blocking ERP request, until its answer's headers are in, when its time is up
 * or its thread is interrupted, by disconnecting it: a thread blocked on a socket notices
 * neither. The connection's read timeout bounds each read, not the wait for an answer,
 * and the gateway's time limiter and {@link RequestFanOut} end a request by interrupting
 * its thread. The body is not watched: a disconnect waits for a body read in progress and
 * cannot end it, so {@link ErpHttpClient}'s body reads check the deadline and the
 * interrupt themselves, between reads.
 * <p>
 * One daemon thread serves every watch in the process; it looks at each request in flight
 * every {@value #CHECK_MILLIS} ms, and at its deadline, and holds nothing once the
 * request is done.
 */
final class RequestWatch {

    /** How soon an interrupt ends a request, at the latest. */
    static final long CHECK_MILLIS = 10;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "erp-request-watch");
        thread.setDaemon(true);
        return thread;
    });

    /** Why a request was ended. */
    enum Ending {

        /** Its deadline passed. */
        TIMED_OUT,

        /** Its thread was interrupted. */
        INTERRUPTED

    }

    private final HttpURLConnection connection;

    private final Thread caller;

    private final long deadlineNanos;

    private volatile Ending ending;

    private boolean done;

    private ScheduledFuture<?> next;

    private RequestWatch(HttpURLConnection connection, Thread caller, long deadlineNanos) {
        this.connection = connection;
        this.caller = caller;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Watches {@code connection}, used by the current thread, until {@link #done()}.
     */
    static RequestWatch start(HttpURLConnection connection, long deadlineNanos) {
        RequestWatch watch = new RequestWatch(connection, Thread.currentThread(), deadlineNanos);
        watch.scheduleCheck();
        return watch;
    }

    /** Why the request was ended, or null if it was not. */
    Ending ending() {
        return ending;
    }

    /**
     * The answer's headers are in: no more checks. From here a disconnect would wait for
     * the body read in progress, holding the one watch thread, and could not end it.
     */
    synchronized void done() {
        done = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private synchronized void scheduleCheck() {
        if (done) {
            return;
        }
        long untilDeadline = deadlineNanos - System.nanoTime();
        long delay = Math.max(0, Math.min(untilDeadline, TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS)));
        next = TIMER.schedule(this::check, delay, TimeUnit.NANOSECONDS);
    }

    /**
     * Under the watch's lock, so that a request already done is never disconnected: its
     * connection may be reading its body, or back in the keep-alive cache serving another
     * request.
     */
    private synchronized void check() {
        if (done) {
            return;
        }
        if (System.nanoTime() - deadlineNanos >= 0) {
            end(Ending.TIMED_OUT);
        }
        else if (caller.isInterrupted()) {
            end(Ending.INTERRUPTED);
        }
        else {
            scheduleCheck();
        }
    }

    private void end(Ending why) {
        ending = why;
        // Closes the socket under a blocked read, which then fails with an IOException.
        connection.disconnect();
    }

}
