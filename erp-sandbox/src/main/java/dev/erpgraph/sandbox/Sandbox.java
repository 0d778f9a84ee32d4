package dev.erpgraph.sandbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * One running sandbox ERP: its id (the path segment under {@code /sandbox/}), its kind's
 * wire-format knowledge, its own data set, the faults it injects, its stats, its tokens
 * and the orders created through its wire API.
 */
public final class Sandbox {

    /**
     * The request attribute that marks a wire request which created an order: the traffic
     * filter fails such an answer after the commit when the commit-then-fail fault says
     * so.
     */
    static final String CREATED_ORDER_ATTRIBUTE = Sandbox.class.getName() + ".createdOrder";

    private final String id;

    private final SandboxErp erp;

    private final DistributorDataSet data;

    private final AtomicReference<SandboxFaults> faults;

    private final SandboxStats stats = new SandboxStats();

    private final SandboxTokens tokens;

    private final CreatedOrders createdOrders;

    /**
     * Draws which creates commit and then fail: one draw per create, from the sandbox's
     * seed, so a run with the same seed and the same creates fails the same ones.
     */
    private final SplittableRandom commitFailures;

    Sandbox(String id, SandboxErp erp, DistributorDataSet data, SandboxFaults faults, SandboxTokens tokens, long seed,
            Clock clock) {
        this.id = Objects.requireNonNull(id);
        this.erp = Objects.requireNonNull(erp);
        this.data = Objects.requireNonNull(data);
        this.faults = new AtomicReference<>(faults);
        this.tokens = Objects.requireNonNull(tokens);
        this.createdOrders = new CreatedOrders(clock);
        this.commitFailures = new SplittableRandom(seed);
    }

    public String id() {
        return id;
    }

    public SandboxErp erp() {
        return erp;
    }

    public DistributorDataSet data() {
        return data;
    }

    public SandboxFaults faults() {
        return faults.get();
    }

    public void faults(SandboxFaults newFaults) {
        faults.set(Objects.requireNonNull(newFaults));
    }

    /**
     * Takes one 429 from the "rate limit the next N" budget; true if this request must be
     * answered 429.
     */
    boolean consumeRateLimit() {
        SandboxFaults current;
        do {
            current = faults.get();
            if (current.rateLimitNext() <= 0) {
                return false;
            }
        }
        while (!faults.compareAndSet(current,
                new SandboxFaults(current.latencyMs(), current.latencyJitterMs(), current.down(), current.errorRate(),
                        current.malformed(), current.rateLimitNext() - 1, current.retryAfterSeconds(),
                        current.tokenTtlSeconds(), current.commitThenFail())));
        return true;
    }

    /**
     * Enters an order created through the wire API: into the data set (so the ERP's reads
     * show it) and into {@link #createdOrders()} under the ERP's reference; marks the
     * current request as one that created an order.
     * @param reference what the ERP keeps in its reference field (for most ERPs the
     * customer PO itself)
     * @return the order's data set sequence
     */
    public int createOrder(int customerIndex, String customerPo, String reference, LocalDate requestedDate,
            List<DistributorDataSet.OrderLine> lines) {
        int sequence = data.createOrder(customerIndex, customerPo, requestedDate, lines);
        createdOrders.add(sequence, reference);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(CREATED_ORDER_ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        return sequence;
    }

    public CreatedOrders createdOrders() {
        return createdOrders;
    }

    /**
     * Whether this create's answer is lost after its commit: the next draw of the
     * sandbox's seeded sequence against {@link SandboxFaults#commitThenFail()} (so 1.0
     * fails every create and 0.0 none).
     */
    boolean commitThenFail() {
        double share = faults().commitThenFail();
        synchronized (commitFailures) {
            return commitFailures.nextDouble() < share;
        }
    }

    public SandboxStats stats() {
        return stats;
    }

    public SandboxTokens tokens() {
        return tokens;
    }

}
