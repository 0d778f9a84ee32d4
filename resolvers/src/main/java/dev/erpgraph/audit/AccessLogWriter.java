package dev.erpgraph.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import dev.erpgraph.access.PrincipalKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the access log off the request path. A request hands its entries to a bounded
 * queue; one background thread inserts them in JDBC batches of at most {@code batchSize}
 * rows, at the latest {@code flushInterval} after the first of them arrived.
 * <p>
 * Nothing is lost on a normal shutdown: {@link #stop()} lets the thread write everything
 * queued before it returns, and it runs in a phase below the web server's, so no request
 * is still being answered by then; an entry handed over after the stop is written on the
 * caller's thread.
 * <p>
 * A full queue (the database slower than the traffic for a while) makes the request wait
 * up to {@code enqueueTimeout} for room, and then write its entries itself: back-pressure
 * rather than loss, because an audit that drops entries under load answers "who has seen
 * this?" wrongly exactly when it is busiest, while a request that waits is a visible
 * cost. An insert the database refuses puts each of its entries in the server log at
 * {@code ERROR} instead.
 * <p>
 * Append-only: the application inserts rows and reads them ({@link AccessLogPages});
 * nothing in it updates or deletes one.
 */
@Component
public class AccessLogWriter implements SmartLifecycle {

    /**
     * Below the web server's phases (Spring Boot stops its graceful shutdown at
     * {@code DEFAULT_PHASE - 1024}, the server at {@code DEFAULT_PHASE - 2048}): stopped
     * after the last request has been answered, started before the first.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(AccessLogWriter.class);

    private static final String INSERT = "insert into access_log"
            + " (at, principal, principal_kind, partner_id, account_id, data_kinds, request_id)"
            + " values (?, ?, ?, ?, ?, ?, ?)";

    /**
     * Put in the queue by {@link #stop()} to wake a writer that waits for its batch to
     * fill up; never written.
     */
    private static final AccessLogEntry WAKE_UP = new AccessLogEntry(null, Instant.EPOCH, "", PrincipalKind.SERVICE,
            null, 0, List.of(), "");

    private final JdbcTemplate jdbc;

    private final AuditProperties properties;

    private final BlockingQueue<AccessLogEntry> queue;

    /**
     * Taken shared to hand entries to the queue, exclusively to stop: no entry enters the
     * queue after the writer thread was told to finish.
     */
    private final ReadWriteLock handing = new ReentrantReadWriteLock();

    /** How many {@link #flush()} calls wait: the writer then writes without waiting. */
    private final AtomicInteger flushing = new AtomicInteger();

    /** Entries handed over so far. */
    private final AtomicLong handed = new AtomicLong();

    private final Object progress = new Object();

    /** Entries written (or logged as unwritten) so far; guarded by {@link #progress}. */
    private long done;

    private volatile boolean running;

    private Thread writer;

    public AccessLogWriter(JdbcTemplate jdbc, AuditProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
    }

    /** Hands one answer's entries over to be written. */
    public void record(List<AccessLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        handed.addAndGet(entries.size());
        handing.readLock().lock();
        try {
            if (running) {
                for (int i = 0; i < entries.size(); i++) {
                    if (!enqueue(entries.get(i))) {
                        write(entries.subList(i, entries.size()));
                        return;
                    }
                }
                return;
            }
        }
        finally {
            handing.readLock().unlock();
        }
        write(entries);
    }

    /**
     * Writes everything handed over before this call, and returns once it is in the
     * table: for tests, which then read the log without waiting on a schedule.
     * @throws TimeoutException when that takes longer than {@code shutdownTimeout}
     */
    public void flush() throws TimeoutException, InterruptedException {
        long target = handed.get();
        if (!running) {
            return;
        }
        // The writer thread writes, so that the rows keep the order they were handed over
        // in.
        flushing.incrementAndGet();
        queue.offer(WAKE_UP);
        long deadline = System.nanoTime() + properties.shutdownTimeout().toNanos();
        try {
            synchronized (progress) {
                while (done < target) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new TimeoutException("The access log did not write " + (target - done) + " entries.");
                    }
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                }
            }
        }
        finally {
            flushing.decrementAndGet();
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::writeUntilStopped, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        handing.writeLock().lock();
        try {
            running = false;
        }
        finally {
            handing.writeLock().unlock();
        }
        // No room means the writer is not waiting anyway.
        queue.offer(WAKE_UP);
        if (writer == null) {
            return;
        }
        try {
            writer.join(properties.shutdownTimeout().toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.warn("The access-log writer did not finish within {}; writing what is queued on the stopping thread.",
                    properties.shutdownTimeout());
        }
        writeQueued();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private boolean enqueue(AccessLogEntry entry) {
        try {
            return queue.offer(entry, properties.enqueueTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The writer thread: batches until stopped, then whatever is still queued. */
    private void writeUntilStopped() {
        List<AccessLogEntry> batch = new ArrayList<>(properties.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                collect(batch);
            }
            catch (InterruptedException ex) {
                // Nobody interrupts this thread; if something does, finish as on stop.
                queue.drainTo(batch);
                running = false;
            }
            batch.removeIf(entry -> entry == WAKE_UP);
            if (!batch.isEmpty()) {
                write(batch);
                batch.clear();
            }
        }
    }

    /**
     * Waits up to one flush interval for an entry, then until the batch is full or the
     * interval since that entry has passed.
     */
    private void collect(List<AccessLogEntry> batch) throws InterruptedException {
        long interval = properties.flushInterval().toNanos();
        AccessLogEntry first = queue.poll(interval, TimeUnit.NANOSECONDS);
        if (first == null || first == WAKE_UP) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + interval;
        int size = properties.batchSize();
        while (batch.size() < size) {
            queue.drainTo(batch, size - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= size || left <= 0 || !running || flushing.get() > 0) {
                return;
            }
            AccessLogEntry next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null || next == WAKE_UP) {
                return;
            }
            batch.add(next);
        }
    }

    /** Writes what is queued now on the calling thread. */
    private void writeQueued() {
        List<AccessLogEntry> queued = new ArrayList<>();
        queue.drainTo(queued);
        queued.removeIf(entry -> entry == WAKE_UP);
        if (!queued.isEmpty()) {
            write(queued);
        }
    }

    private void write(List<AccessLogEntry> entries) {
        for (int from = 0; from < entries.size(); from += properties.batchSize()) {
            List<AccessLogEntry> batch = entries.subList(from, Math.min(entries.size(), from + properties.batchSize()));
            try {
                jdbc.batchUpdate(INSERT, batch, batch.size(), AccessLogWriter::bind);
            }
            catch (DataAccessException ex) {
                log.error("The access log could not be written ({} entries): {}", batch.size(), ex.getMessage(), ex);
                batch.forEach(entry -> log.error("Unwritten access-log entry: {}", entry));
            }
            finally {
                synchronized (progress) {
                    done += batch.size();
                    progress.notifyAll();
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, AccessLogEntry entry) throws SQLException {
        statement.setObject(1, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
        statement.setString(2, entry.principal());
        statement.setString(3, entry.principalKind().name());
        statement.setString(4, entry.partnerId());
        statement.setLong(5, entry.accountId());
        statement.setString(6, entry.dataKinds().stream().map(Enum::name).collect(Collectors.joining(" ")));
        statement.setString(7, entry.requestId());
    }

}
