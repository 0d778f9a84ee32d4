package dev.erpgraph.ordersubmission;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.erpgraph.erp.config.ErpProperties;
import dev.erpgraph.erp.config.ErpSystemProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends pending submissions to their ERPs, in the background of every replica. One thread
 * polls the outbox every {@code pollInterval}, or at once when a submit on this replica
 * woke it; it takes each due submission under a lease ({@link OrderSubmissions#claim})
 * and hands it to {@link OrderSubmitter} on a small pool, so that a slow ERP holds up
 * only as many submissions as the pool has threads.
 * <p>
 * Crash-safe by construction: nothing is held in memory that the outbox does not hold. A
 * process that dies mid-attempt leaves its rows leased; when the lease runs out another
 * worker (or this one, restarted) takes them, and since their attempt count shows an
 * earlier attempt, asks the ERP for the order by its reference before creating one.
 */
@Component
class OrderSubmissionWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderSubmissionWorker.class);

    private final OrderSubmissions submissions;

    private final OrderSubmitter submitter;

    private final OrderSubmissionProperties properties;

    private final Clock clock = Clock.systemUTC();

    /** This process in the outbox's lease columns: which host and process held a row. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    /** A permit means "look now": a submit's wake-up, or the stop. */
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;

    private Thread poller;

    private ExecutorService senders;

    OrderSubmissionWorker(OrderSubmissions submissions, OrderSubmitter submitter, OrderSubmissionProperties properties,
            ErpProperties erp) {
        this.submissions = submissions;
        this.submitter = submitter;
        this.properties = properties;
        requireLeaseOutlivesAnAttempt(properties.lease(), erp);
    }

    /**
     * An attempt makes up to two ERP calls (the lookup, the create), each bounded by its
     * system's timeout. A lease shorter than that could run out while a create is still
     * on its way, and another worker, finding no order yet, would make a second one: a
     * configuration that risks double orders does not start.
     */
    static void requireLeaseOutlivesAnAttempt(Duration lease, ErpProperties erp) {
        Duration longest = erp.systems()
            .values()
            .stream()
            .map(ErpSystemProperties::timeout)
            .filter(Objects::nonNull)
            .reduce(erp.timeout(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        if (lease.compareTo(longest.multipliedBy(2)) <= 0) {
            throw new IllegalStateException("graph.order-submission.lease (" + lease
                    + ") must be longer than two ERP calls (2 x " + longest
                    + ", the longest ERP timeout): a shorter lease could let two workers create one order twice");
        }
    }

    /**
     * A submit or retry on this replica committed: look now rather than at the next poll.
     */
    @TransactionalEventListener
    void wakeUp(OrderSubmissionRequested requested) {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        if (running || !properties.workerEnabled()) {
            return;
        }
        running = true;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("order-submission-");
        threads.setDaemon(true);
        senders = Executors.newFixedThreadPool(properties.concurrency(), threads);
        poller = threads.newThread(this::poll);
        poller.start();
        log.info("Sending won opportunities' orders as {}", owner);
    }

    /**
     * Waits for the attempts under way to end: a submission interrupted here would only
     * wait for its lease, but a clean stop should not make anyone wait.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUps.release();
        try {
            poller.join(properties.lease().toMillis());
            senders.shutdown();
            senders.awaitTermination(properties.lease().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void poll() {
        while (running) {
            try {
                sendDue();
            }
            catch (RuntimeException ex) {
                // The database is away (or worse): nothing can be taken or settled until
                // it
                // is back, and the poller must outlive it.
                log.warn("Could not read the order outbox: {}", ex.getMessage());
            }
            try {
                wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Sends what is due, taking each submission only when a sender is free for it (so its
     * lease starts with its attempt), and waits for those attempts before it looks again.
     */
    private void sendDue() {
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (long id : submissions.due(clock.instant(), properties.batchSize())) {
            attempts.add(CompletableFuture.runAsync(() -> send(id), senders));
        }
        CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).join();
    }

    private void send(long id) {
        try {
            Instant now = clock.instant();
            Optional<OrderSubmissions.Claimed> claimed = submissions.claim(id, owner, now,
                    now.plus(properties.lease()));
            claimed.ifPresent(submitter::attempt);
        }
        catch (RuntimeException ex) {
            // Its lease (if it was taken) runs out and the submission is tried again.
            log.warn("Could not send order submission {}: {}", id, ex.getMessage());
        }
    }

}
