package dev.erpgraph.sandbox;

/**
 * The faults a sandbox injects, set through {@code PUT /sandbox/{id}/_admin/faults}.
 *
 * @param latencyMs how long each request takes to answer, as its client sees it: the
 * sandbox's own work runs inside this time, the way a real ERP's latency is its whole
 * answer time (work that takes longer than this answers when it is done)
 * @param latencyJitterMs up to this much more, at random (the default 30 + 50 gives a
 * realistic 30 to 80 ms)
 * @param down answer 503 to everything
 * @param errorRate fail this share of requests (0 to 1) with 500
 * @param malformed answer unparsable bodies
 * @param rateLimitNext answer the next N requests with 429 and {@code Retry-After}
 * @param retryAfterSeconds the {@code Retry-After} of those 429s
 * @param tokenTtlSeconds lifetime of access tokens issued from now on
 * @param commitThenFail this share (0 to 1) of the requests that create orders commit
 * them and then answer 500, the answer a client loses after the ERP committed; which ones
 * is deterministic given the sandbox's seed (see {@link Sandbox#commitThenFail()})
 */
public record SandboxFaults(long latencyMs, long latencyJitterMs, boolean down, double errorRate, boolean malformed,
        int rateLimitNext, int retryAfterSeconds, long tokenTtlSeconds, double commitThenFail) {

    /**
     * The faults without a commit-then-fail share, as they were before creates had one.
     */
    public SandboxFaults(long latencyMs, long latencyJitterMs, boolean down, double errorRate, boolean malformed,
            int rateLimitNext, int retryAfterSeconds, long tokenTtlSeconds) {
        this(latencyMs, latencyJitterMs, down, errorRate, malformed, rateLimitNext, retryAfterSeconds, tokenTtlSeconds,
                0.0);
    }

    public static SandboxFaults defaults(long latencyMs, long latencyJitterMs) {
        return new SandboxFaults(latencyMs, latencyJitterMs, false, 0.0, false, 0, 1, 3600, 0.0);
    }

}
