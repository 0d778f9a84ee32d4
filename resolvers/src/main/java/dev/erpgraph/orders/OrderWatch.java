package dev.erpgraph.orders;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Collectors;

import dev.erpgraph.access.Caller;
import dev.erpgraph.audit.AccessLogEntry;
import dev.erpgraph.audit.AccessLogWriter;
import dev.erpgraph.audit.AccessedData;
import dev.erpgraph.changes.ActiveSubscriptions;
import dev.erpgraph.changes.ErpChanges;
import dev.erpgraph.crm.account.AccountRepository;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpEviction;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erp.gateway.OrderRef;
import dev.erpgraph.erpsystems.AccountErpLinks;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Subscription.orderChanged(accountId)}: an order of the account each time its ERP
 * reports a change that names the order. The account is looked up in the caller's scope
 * when the subscription starts (a partner's subscription to another partner's account
 * fails as a missing one does), with its ERP customers. On a change, the orders it names
 * are read once, by number through the order loader's gateway call, for every subscriber
 * of that ERP, and each order goes to the subscribers whose account is its customer,
 * which the access log records as a query's answer would be.
 */
@Controller
class OrderWatch {

    static final String NAME = "orderChanged";

    private static final Logger logger = LoggerFactory.getLogger(OrderWatch.class);

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    /** One subscription: its account's customers, where orders go, whose they are. */
    private record Watcher(long accountId, Set<CustomerRef> customers, FluxSink<OrderView> sink,
            ContextSnapshot context, Caller caller, String requestId) {

        boolean buysIn(String erpSystemId) {
            return customers.stream().anyMatch(customer -> customer.erpSystemId().equals(erpSystemId));
        }

    }

    private final Set<Watcher> watchers = new CopyOnWriteArraySet<>();

    private final AccountRepository accounts;

    private final AccountErpLinks links;

    private final OrderByNumberLoader loader;

    private final AccessLogWriter accessLog;

    private final ActiveSubscriptions subscriptions;

    OrderWatch(AccountRepository accounts, AccountErpLinks links, OrderByNumberLoader loader, AccessLogWriter accessLog,
            ActiveSubscriptions subscriptions, ErpChanges changes) {
        this.accounts = accounts;
        this.links = links;
        this.loader = loader;
        this.accessLog = accessLog;
        this.subscriptions = subscriptions;
        changes.listen(this::changed);
    }

    @SubscriptionMapping
    Flux<OrderView> orderChanged(@Argument String accountId, DataFetchingEnvironment environment) {
        Caller caller = Caller.current();
        long id = GlobalId.decode(accountId, GlobalId.ACCOUNT, "accountId");
        accounts.findById(id, caller.accountScope())
            .orElseThrow(() -> new RecordNotFoundException("No account with this id."));
        Set<CustomerRef> customers = Set.copyOf(links.of(List.of(id)).get(id));
        ContextSnapshot context = SNAPSHOTS.captureAll();
        String requestId = String.valueOf(environment.getExecutionId());
        return subscriptions.counted(NAME, Flux.create(sink -> {
            Watcher watcher = new Watcher(id, customers, sink, context, caller, requestId);
            watchers.add(watcher);
            sink.onDispose(() -> watchers.remove(watcher));
        }));
    }

    /**
     * Only events that name orders: one that names a customer alone does not say which of
     * its orders changed.
     */
    private void changed(ErpEviction eviction) {
        if (eviction.resource() != ErpResource.ORDERS || eviction.scope() != ErpEviction.Scope.ORDER_NUMBERS) {
            return;
        }
        Set<Watcher> touched = watchers.stream()
            .filter(watcher -> watcher.buysIn(eviction.erpSystemId()))
            .collect(Collectors.toCollection(LinkedHashSet::new));
        if (touched.isEmpty()) {
            return;
        }
        Set<OrderRef> refs = eviction.keys()
            .stream()
            .map(number -> new OrderRef(eviction.erpSystemId(), number))
            .collect(Collectors.toSet());
        CompletableFuture<Map<OrderRef, ErpOutcome<SalesOrder>>> read;
        try (ContextSnapshot.Scope scope = touched.iterator().next().context().setThreadLocals()) {
            read = loader.load(refs);
        }
        read.whenComplete((outcomes, failure) -> {
            if (failure != null) {
                logger.warn("orders {} not read after a change: {}", refs, failure.getMessage());
                return;
            }
            outcomes.forEach((ref, outcome) -> send(ref, outcome, touched));
        });
    }

    private void send(OrderRef ref, ErpOutcome<SalesOrder> outcome, Set<Watcher> touched) {
        if (outcome == null || !outcome.isSuccess()) {
            logger.info("order {} not read after a change: {}", ref,
                    (outcome != null) ? outcome.failure().getMessage() : "no answer");
            return;
        }
        SalesOrder order = outcome.value();
        CustomerRef customer = new CustomerRef(ref.erpSystemId(), order.customerNumber());
        OrderView view = OrderView.of(order, outcome.freshness());
        for (Watcher watcher : touched) {
            if (watcher.customers().contains(customer)) {
                watcher.sink().next(view);
                accessLog.record(List.of(AccessLogEntry.pushed(watcher.caller(), watcher.accountId(),
                        AccessedData.ORDERS, watcher.requestId())));
            }
        }
    }

}
