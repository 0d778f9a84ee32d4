package dev.erpgraph.errors;

import org.slf4j.MDC;

/**
 * The trace id of the request running on this thread, as Spring Boot's logging
 * correlation puts it in the MDC (and so in every log line of the request): what an error
 * a client sees quotes as {@code extensions.traceId}. Null where no trace is open
 * (tracing off).
 */
public final class TraceIds {

    /** The MDC key Micrometer Tracing's log correlation writes. */
    static final String MDC_KEY = "traceId";

    private TraceIds() {
    }

    public static String current() {
        String traceId = MDC.get(MDC_KEY);
        return traceId == null || traceId.isBlank() ? null : traceId;
    }

}
