package dev.erpgraph.erp;

import java.time.Duration;
import java.util.Objects;

/**
 * The one failure type a connector throws. Its {@link Kind} decides what a client sees
 * (the API contract's {@code ERP_*} codes); its message is for logs and never carries
 * credentials or raw bodies.
 */
public class ErpException extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {

        /**
         * The ERP did not answer, refused the connection, answered 5xx or 429, or its
         * circuit is open.
         */
        UNAVAILABLE,
        /** The ERP took longer than its configured timeout. */
        TIMEOUT,
        /** The ERP answered something the connector cannot read. */
        BAD_RESPONSE,
        /**
         * The ERP understood and refused (validation, credit hold); {@link #erpMessage()}
         * says why.
         */
        REJECTED,
        /** The ERP does not know the key (customer, item, order). */
        NOT_FOUND

    }

    private final Kind kind;

    private final String erpSystemId;

    private final String erpMessage;

    private final Duration retryAfter;

    public ErpException(Kind kind, String erpSystemId, String message) {
        this(kind, erpSystemId, message, null, null, null);
    }

    public ErpException(Kind kind, String erpSystemId, String message, Throwable cause) {
        this(kind, erpSystemId, message, null, null, cause);
    }

    public ErpException(Kind kind, String erpSystemId, String message, String erpMessage, Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.erpSystemId = Objects.requireNonNull(erpSystemId, "erpSystemId");
        this.erpMessage = erpMessage;
        this.retryAfter = retryAfter;
    }

    public static ErpException rejected(String erpSystemId, String erpMessage) {
        return new ErpException(Kind.REJECTED, erpSystemId, "rejected by the ERP: " + erpMessage, erpMessage, null,
                null);
    }

    public static ErpException notFound(String erpSystemId, String what) {
        return new ErpException(Kind.NOT_FOUND, erpSystemId, what + " is not known to " + erpSystemId);
    }

    public static ErpException badResponse(String erpSystemId, String message, Throwable cause) {
        return new ErpException(Kind.BAD_RESPONSE, erpSystemId, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    public String erpSystemId() {
        return erpSystemId;
    }

    /** The ERP's own words, for {@link Kind#REJECTED}; null otherwise. */
    public String erpMessage() {
        return erpMessage;
    }

    /**
     * How long the ERP asked us to wait (HTTP 429 {@code Retry-After}); null if it did
     * not say.
     */
    public Duration retryAfter() {
        return retryAfter;
    }

}
