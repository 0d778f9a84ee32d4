package dev.erpgraph.ordersubmission;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import dev.erpgraph.access.Caller;
import dev.erpgraph.audit.AccessLogEntry;
import dev.erpgraph.audit.AccessLogWriter;
import dev.erpgraph.audit.AccessedData;
import dev.erpgraph.changes.ActiveSubscriptions;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.opportunity.Opportunity;
import dev.erpgraph.crm.opportunity.OpportunityRepository;
import dev.erpgraph.crm.relay.GlobalId;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code Subscription.orderSubmissionChanged(opportunityId)}: the opportunity's
 * submission each time its state or attempts change. The opportunity is looked up in the
 * caller's scope when the subscription starts (another partner's is as missing as one
 * that does not exist). A change on this replica arrives as an
 * {@link OrderSubmissionChanged} event, one on another replica through
 * {@link #changed(long)} from the cluster channel; either way the row is read again from
 * the outbox (CRM data, not the ERP's) and sent when it differs from what the subscriber
 * last got, so a change heard twice is sent once.
 */
@Controller
public class OrderSubmissionWatch {

    static final String NAME = "orderSubmissionChanged";

    private final Map<Long, Set<Watcher>> watchers = new ConcurrentHashMap<>();

    private final OpportunityRepository opportunities;

    private final OrderSubmissions submissions;

    private final ActiveSubscriptions subscriptions;

    private final ApplicationEventPublisher events;

    private final AccessLogWriter accessLog;

    /** One subscription, and what it was last sent (null: nothing yet). */
    private static final class Watcher {

        private final FluxSink<OrderSubmission> sink;

        private final Runnable sent;

        private OrderSubmission last;

        Watcher(FluxSink<OrderSubmission> sink, Runnable sent) {
            this.sink = sink;
            this.sent = sent;
        }

        synchronized void offer(OrderSubmission submission) {
            if (last == null || last.state() != submission.state() || last.attempts() != submission.attempts()
                    || !Objects.equals(last.erpOrderNumber(), submission.erpOrderNumber())) {
                last = submission;
                sink.next(submission);
                sent.run();
            }
        }

    }

    OrderSubmissionWatch(OpportunityRepository opportunities, OrderSubmissions submissions,
            ActiveSubscriptions subscriptions, ApplicationEventPublisher events, AccessLogWriter accessLog) {
        this.events = events;
        this.accessLog = accessLog;
        this.opportunities = opportunities;
        this.submissions = submissions;
        this.subscriptions = subscriptions;
    }

    /**
     * Each push is logged as an answer holding the account's CRM data, as a query of the
     * opportunity's {@code orderSubmission} is.
     */
    @SubscriptionMapping
    Flux<OrderSubmission> orderSubmissionChanged(@Argument String opportunityId, DataFetchingEnvironment environment) {
        long id = GlobalId.decode(opportunityId, GlobalId.OPPORTUNITY, "opportunityId");
        Caller caller = Caller.current();
        Opportunity opportunity = opportunities.findById(id, caller.accountScope())
            .orElseThrow(() -> new RecordNotFoundException("No opportunity with this id."));
        String requestId = String.valueOf(environment.getExecutionId());
        Runnable sent = () -> accessLog
            .record(List.of(AccessLogEntry.pushed(caller, opportunity.accountId(), AccessedData.CRM, requestId)));
        return subscriptions.counted(NAME, Flux.create(sink -> {
            Watcher watcher = new Watcher(sink, sent);
            watchers.compute(id, (key, present) -> {
                Set<Watcher> set = (present != null) ? present : new CopyOnWriteArraySet<>();
                set.add(watcher);
                return set;
            });
            sink.onDispose(() -> watchers.computeIfPresent(id, (key, set) -> {
                set.remove(watcher);
                return set.isEmpty() ? null : set;
            }));
        }));
    }

    /** A change on this replica, as the worker publishes it. */
    @EventListener
    void on(OrderSubmissionChanged change) {
        changed(change.opportunityId());
    }

    /**
     * A submit or retry, once its transaction has committed: a change like the worker's
     * (the other replicas hear of it too).
     */
    @TransactionalEventListener
    void on(OrderSubmissionRequested requested) {
        events.publishEvent(new OrderSubmissionChanged(requested.opportunityId()));
    }

    /** The opportunity's submission changed, here or on another replica. */
    public void changed(long opportunityId) {
        Set<Watcher> set = watchers.get(opportunityId);
        if (set == null || set.isEmpty()) {
            return;
        }
        submissions.findByOpportunity(opportunityId).ifPresent(submission -> set.forEach(w -> w.offer(submission)));
    }

}
