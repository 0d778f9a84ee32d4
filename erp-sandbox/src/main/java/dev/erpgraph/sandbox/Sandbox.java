package dev.erpgraph.sandbox;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One running sandbox ERP: its id (the path segment under {@code /sandbox/}), its kind's
 * wire-format knowledge, its own data set, the faults it injects, its stats and its
 * tokens.
 */
public final class Sandbox {

    private final String id;

    private final SandboxErp erp;

    private final DistributorDataSet data;

    private final AtomicReference<SandboxFaults> faults;

    private final SandboxStats stats = new SandboxStats();

    private final SandboxTokens tokens;

    Sandbox(String id, SandboxErp erp, DistributorDataSet data, SandboxFaults faults, SandboxTokens tokens) {
        this.id = Objects.requireNonNull(id);
        this.erp = Objects.requireNonNull(erp);
        this.data = Objects.requireNonNull(data);
        this.faults = new AtomicReference<>(faults);
        this.tokens = Objects.requireNonNull(tokens);
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
                        current.tokenTtlSeconds())));
        return true;
    }

    public SandboxStats stats() {
        return stats;
    }

    public SandboxTokens tokens() {
        return tokens;
    }

}
