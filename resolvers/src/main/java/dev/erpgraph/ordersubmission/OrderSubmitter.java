package dev.erpgraph.ordersubmission;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.erpgraph.access.Caller;
import dev.erpgraph.access.PrincipalKind;
import dev.erpgraph.access.Scope;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erpfields.ErpFieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * One attempt at a submission a worker holds: the ERP is asked for the order, the outcome
 * written back.
 * <p>
 * Exactly once rests on the reference. A create whose answer was lost (a timeout, a
 * dropped connection, a 500 after the commit) may have made the order, so every attempt
 * after the first asks the ERP for an order with the submission's reference before it
 * creates one, and takes that order's number when there is one. Only a refusal (the ERP
 * answered no: credit hold, unknown item or customer) is final; everything else is tried
 * again after a backoff until the attempts run out.
 * <p>
 * The ERP calls go through the gateway's guard for the system, as reads do (breaker,
 * bulkhead, rate limit, timeout), on behalf of the worker's own service principal.
 */
@Component
class OrderSubmitter {

    static final Caller WORKER = new Caller("order-submission-worker", PrincipalKind.SERVICE, null,
            Set.of(Scope.ORDERS_SUBMIT, Scope.ERP_ORDERS));

    private static final Logger log = LoggerFactory.getLogger(OrderSubmitter.class);

    private final OrderSubmissions submissions;

    private final ErpGateway gateway;

    private final OrderSubmissionProperties properties;

    private final ApplicationEventPublisher events;

    private final Clock clock = Clock.systemUTC();

    OrderSubmitter(OrderSubmissions submissions, ErpGateway gateway, OrderSubmissionProperties properties,
            ApplicationEventPublisher events) {
        this.events = events;
        this.submissions = submissions;
        this.gateway = gateway;
        this.properties = properties;
    }

    void attempt(OrderSubmissions.Claimed claimed) {
        OrderSubmission submission = claimed.submission();
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(WORKER, null, null));
        MDC.put("orderSubmission", submission.reference());
        // Taken: one more attempt. Settled (or not, for a lost lease): its outcome.
        events.publishEvent(new OrderSubmissionChanged(submission.opportunityId()));
        try {
            send(claimed);
        }
        finally {
            events.publishEvent(new OrderSubmissionChanged(submission.opportunityId()));
            MDC.remove("orderSubmission");
            SecurityContextHolder.clearContext();
        }
    }

    private void send(OrderSubmissions.Claimed claimed) {
        OrderSubmission submission = claimed.submission();
        SalesOrderRequest request = request(claimed);
        try {
            Optional<String> earlier = (submission.attempts() > 1)
                    ? gateway.findSalesOrder(submission.erpSystemId(), request) : Optional.empty();
            earlier.ifPresent(number -> log.info("{}: the ERP already holds order {} from an earlier attempt",
                    submission.reference(), number));
            String number = earlier.orElseGet(() -> gateway.createSalesOrder(submission.erpSystemId(), request));
            if (submissions.submitted(claimed, number, clock.instant())) {
                log.info("{}: submitted to {} as order {}", submission.reference(), submission.erpSystemId(), number);
                gateway.evict(submission.erpSystemId(), ErpResource.ORDERS, submission.customerNumber());
                gateway.evict(submission.erpSystemId(), ErpResource.CREDIT, submission.customerNumber());
            }
            else {
                lostLease(submission);
            }
        }
        catch (ErpException ex) {
            failed(claimed, ex);
        }
        catch (RuntimeException ex) {
            // Not the ERP's answer (a bug, the database): the order may exist, so it is
            // treated like a lost answer and looked up before the next create.
            log.error("{}: attempt {} failed unexpectedly", submission.reference(), submission.attempts(), ex);
            retryLater(claimed, "INTERNAL_ERROR", "The attempt failed inside this server; it will be retried.");
        }
    }

    private void failed(OrderSubmissions.Claimed claimed, ErpException ex) {
        OrderSubmission submission = claimed.submission();
        if (ex.kind() == ErpException.Kind.REJECTED || ex.kind() == ErpException.Kind.NOT_FOUND) {
            String reason = ex.erpMessage() != null ? ex.erpMessage() : ex.getMessage();
            log.info("{}: {} rejected the order: {}", submission.reference(), submission.erpSystemId(), reason);
            if (!submissions.rejected(claimed, "ERP_REJECTED", reason, clock.instant())) {
                lostLease(submission);
            }
            return;
        }
        log.warn("{}: attempt {} of {} failed: {}", submission.reference(), submission.attempts(),
                submission.attemptLimit(), ex.getMessage());
        retryLater(claimed, ErpFieldError.code(ex.kind()), ex.getMessage());
    }

    private void retryLater(OrderSubmissions.Claimed claimed, String code, String message) {
        Instant now = clock.instant();
        Instant next = now.plus(properties.backoff(claimed.submission().attempts()));
        if (!submissions.failed(claimed, code, message, next, now)) {
            lostLease(claimed.submission());
        }
    }

    /**
     * The lease ran out during the attempt and another worker has the submission now: it
     * finds by the reference whatever this attempt made.
     */
    private static void lostLease(OrderSubmission submission) {
        log.warn("{}: the lease ran out during the attempt; the worker holding it now settles it",
                submission.reference());
    }

    private static SalesOrderRequest request(OrderSubmissions.Claimed claimed) {
        OrderSubmission submission = claimed.submission();
        return new SalesOrderRequest(submission.reference(), submission.customerNumber(),
                submission.customerPurchaseOrder(), submission.requestedDeliveryDate(),
                claimed.lines()
                    .stream()
                    .map(line -> new SalesOrderRequest.Line(line.sku(), line.quantity(), null))
                    .toList());
    }

}
