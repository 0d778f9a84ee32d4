package dev.erpgraph.erp.http;

import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;

/**
 * Which attempt of a gateway call is running (1 for the first, 2 for the first retry,
 * ...), so that each ERP request's span says whether it was a retry. A thread-local
 * registered in Micrometer's {@code ContextRegistry}, as the request's MDC and security
 * context are: it reaches a connector's helper threads through
 * {@link ConnectorThreads#propagating} like them.
 */
public final class RetryAttempt {

    private static final String KEY = "erp.retry.attempt";

    private static final ThreadLocal<Integer> CURRENT = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, CURRENT);
    }

    private RetryAttempt() {
    }

    /** Runs {@code call} as attempt {@code attempt}. */
    public static <T> T during(int attempt, Supplier<T> call) {
        Integer outer = CURRENT.get();
        CURRENT.set(attempt);
        try {
            return call.get();
        }
        finally {
            if (outer == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(outer);
            }
        }
    }

    /** The running attempt; 1 outside a gateway call. */
    public static int current() {
        Integer attempt = CURRENT.get();
        return attempt == null ? 1 : attempt;
    }

}
