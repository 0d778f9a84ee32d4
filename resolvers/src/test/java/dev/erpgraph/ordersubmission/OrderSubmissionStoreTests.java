package dev.erpgraph.ordersubmission;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order outbox against a real database: a due submission goes to exactly one of
 * several workers, a lease that ran out is taken again with the attempt counted, a worker
 * whose lease was taken writes nothing, and failures move through their states.
 * Subclasses pick the database (H2 always; PostgreSQL when reachable). Not transactional:
 * the claims race on their own connections, as replicas do; every test writes rows of its
 * own.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(OrderSubmissions.class)
abstract class OrderSubmissionStoreTests {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired
    OrderSubmissions submissions;

    @Autowired
    JdbcTemplate jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void aDueSubmissionGoesToExactlyOneOfEightRacingWorkers() throws Exception {
        for (int round = 0; round < 10; round++) {
            long id = pending(opportunity());
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Optional<OrderSubmissions.Claimed>>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String owner = "worker-" + w;
                workers.add(() -> {
                    start.await();
                    return submissions.claim(id, owner, now, now.plus(LEASE));
                });
            }
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<Optional<OrderSubmissions.Claimed>>> claims = new ArrayList<>();
                workers.forEach(worker -> claims.add(threads.submit(worker)));
                start.countDown();
                int won = 0;
                for (Future<Optional<OrderSubmissions.Claimed>> claim : claims) {
                    won += claim.get().isPresent() ? 1 : 0;
                }
                assertThat(won).isOne();
            }
            finally {
                threads.shutdownNow();
            }
            assertThat(jdbc.queryForObject("select attempts from order_submissions where id = ?", Integer.class, id))
                .isOne();
        }
    }

    @Test
    void aClaimCarriesTheSubmissionWithItsLinesInOrderAndCountsTheAttempt() {
        long opportunity = opportunity();
        long id = pending(opportunity);

        OrderSubmissions.Claimed claimed = submissions.claim(id, "a", now, now.plus(LEASE)).orElseThrow();

        assertThat(claimed.leaseOwner()).isEqualTo("a");
        assertThat(claimed.submission().attempts()).isOne();
        assertThat(claimed.submission().state()).isEqualTo(OrderSubmissionState.PENDING);
        assertThat(claimed.submission().reference()).isEqualTo("REF-" + opportunity);
        assertThat(claimed.lines()).containsExactly(new OrderSubmissions.Line(1, "PVC-10000", new BigDecimal("3.0000")),
                new OrderSubmissions.Line(2, "BV-1-NPT", new BigDecimal("12.5000")));
    }

    @Test
    void aLeasedSubmissionIsNotDueUntilItsLeaseRunsOutThenItIsTakenAgainWithTheAttemptCounted() {
        long id = pending(opportunity());
        submissions.claim(id, "died", now, now.plus(LEASE)).orElseThrow();

        assertThat(submissions.due(now.plusSeconds(10), 1000)).doesNotContain(id);
        assertThat(submissions.claim(id, "b", now.plusSeconds(10), now.plusSeconds(40))).isEmpty();
        assertThat(submissions.due(now.plusSeconds(31), 1000)).contains(id);
        OrderSubmissions.Claimed again = submissions.claim(id, "b", now.plusSeconds(31), now.plusSeconds(61))
            .orElseThrow();

        assertThat(again.submission().attempts()).isEqualTo(2);
    }

    @Test
    void aWorkerWhoseLeaseWasTakenOverWritesNothingAndTheHolderSettlesIt() {
        long opportunity = opportunity();
        long id = pending(opportunity);
        OrderSubmissions.Claimed slow = submissions.claim(id, "slow", now, now.plus(LEASE)).orElseThrow();
        OrderSubmissions.Claimed holder = submissions.claim(id, "holder", now.plusSeconds(31), now.plusSeconds(61))
            .orElseThrow();

        assertThat(submissions.submitted(slow, "SO-1", now.plusSeconds(32))).isFalse();
        assertThat(submissions.rejected(slow, "ERP_REJECTED", "no", now.plusSeconds(32))).isFalse();
        assertThat(submissions.failed(slow, "ERP_TIMEOUT", "slow", now.plusSeconds(40), now.plusSeconds(32))).isFalse();
        assertThat(submissions.submitted(holder, "SO-2", now.plusSeconds(33))).isTrue();

        OrderSubmission settled = submissions.findByOpportunity(opportunity).orElseThrow();
        assertThat(settled.state()).isEqualTo(OrderSubmissionState.SUBMITTED);
        assertThat(settled.erpOrderNumber()).isEqualTo("SO-2");
        assertThat(settled.submittedAt()).isEqualTo(now.plusSeconds(33));
        assertThat(
                jdbc.queryForMap("select erp_system_id, erp_order_number from opportunities where id = ?", opportunity))
            .containsEntry("erp_system_id", "sap")
            .containsEntry("erp_order_number", "SO-2");
        assertThat(submissions.due(now.plusSeconds(1000), 1000)).doesNotContain(id);
    }

    @Test
    void aTransientFailureWaitsItsBackoffAndTheLastOneFailsUntilARetry() {
        long opportunity = opportunity();
        long id = pending(opportunity);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Instant at = now.plusSeconds(attempt * 100L);
            OrderSubmissions.Claimed claimed = submissions.claim(id, "w", at, at.plus(LEASE)).orElseThrow();
            assertThat(submissions.failed(claimed, "ERP_UNAVAILABLE", "down " + attempt, at.plusSeconds(5), at))
                .isTrue();
            assertThat(submissions.due(at.plusSeconds(4), 1000)).doesNotContain(id);
        }
        OrderSubmission failed = submissions.findByOpportunity(opportunity).orElseThrow();
        assertThat(failed.state()).isEqualTo(OrderSubmissionState.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("down 3");
        assertThat(failed.errorCode()).isEqualTo("ERP_UNAVAILABLE");
        assertThat(submissions.due(now.plusSeconds(10_000), 1000)).doesNotContain(id);

        assertThat(submissions.retry(opportunity, 3, now.plusSeconds(500))).isTrue();
        assertThat(submissions.retry(opportunity, 3, now.plusSeconds(500))).isFalse();

        OrderSubmission pending = submissions.findByOpportunity(opportunity).orElseThrow();
        assertThat(pending.state()).isEqualTo(OrderSubmissionState.PENDING);
        assertThat(pending.attemptLimit()).isEqualTo(6);
        assertThat(submissions.due(now.plusSeconds(500), 1000)).contains(id);
    }

    @Test
    void aRefusalIsFinal() {
        long opportunity = opportunity();
        long id = pending(opportunity);
        OrderSubmissions.Claimed claimed = submissions.claim(id, "w", now, now.plus(LEASE)).orElseThrow();

        assertThat(submissions.rejected(claimed, "ERP_REJECTED", "Customer is on credit hold", now)).isTrue();

        OrderSubmission rejected = submissions.findByOpportunity(opportunity).orElseThrow();
        assertThat(rejected.state()).isEqualTo(OrderSubmissionState.REJECTED);
        assertThat(rejected.lastError()).isEqualTo("Customer is on credit hold");
        assertThat(submissions.retry(opportunity, 3, now)).isFalse();
        assertThat(submissions.due(now.plusSeconds(10_000), 1000)).doesNotContain(id);
    }

    @Test
    void anOpportunityHasAtMostOneSubmission() {
        long opportunity = opportunity();
        pending(opportunity);

        assertThatThrownBy(() -> pending(opportunity, "REF-other-" + opportunity))
            .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void submissionsOfManyOpportunitiesAreReadTogether() {
        long first = opportunity();
        long second = opportunity();
        long without = opportunity();
        pending(first);
        pending(second);

        assertThat(submissions.findByOpportunities(List.of(first, second, without))).containsOnlyKeys(first, second);
    }

    // ---- rows of the test's own

    private long opportunity() {
        jdbc.update("insert into accounts (name, created_at, updated_at, version) values ('Outbox test', ?, ?, 0)",
                Timestamp.from(now), Timestamp.from(now));
        long account = jdbc.queryForObject("select max(id) from accounts", Long.class);
        jdbc.update(
                "insert into opportunities (account_id, name, stage, created_at, updated_at, version)"
                        + " values (?, 'Outbox test', 'CLOSED_WON', ?, ?, 0)",
                account, Timestamp.from(now), Timestamp.from(now));
        return jdbc.queryForObject("select max(id) from opportunities", Long.class);
    }

    private long pending(long opportunity) {
        return pending(opportunity, "REF-" + opportunity);
    }

    private long pending(long opportunity, String reference) {
        submissions.insert(new OrderSubmissions.NewSubmission(opportunity, "sap", "1000042", reference, null, null,
                "tester", 3, List.of(new OrderSubmissions.Line(1, "PVC-10000", new BigDecimal("3")),
                        new OrderSubmissions.Line(2, "BV-1-NPT", new BigDecimal("12.5")))),
                now);
        return jdbc.queryForObject("select id from order_submissions where opportunity_id = ?", Long.class,
                opportunity);
    }

}
