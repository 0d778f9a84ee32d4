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
        NOT_FOUND,
        /**
         * The ERP answered that the resource itself (entity set, table, view, custom API
         * page, operation) does not exist: a configuration problem of this system, never
         * "no such record" and never an empty answer. {@link #erpMessage()} holds the
         * ERP's words and the option that names the resource.
         */
        MISCONFIGURED,
        /**
         * The ERP refused our credentials or their rights (401/403 even with a fresh
         * token): a configuration problem too, shown to clients as the ERP being
         * unavailable, and reported as such by the self-check.
         */
        UNAUTHORIZED

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

    /**
     * The resource a read needs does not exist on the ERP.
     * @param erpWords the ERP's own words (its error message), or null
     * @param resource the ERP's name of the resource (entity set, table, view, operation)
     * @param option the {@code erp.systems.<id>.options.*} key that names it, or null
     * when no option does (then {@code hint} says what makes it exist)
     * @param hint what makes the resource exist when no option names it; ignored
     * otherwise
     */
    public static ErpException misconfigured(String erpSystemId, String erpWords, String resource, String option,
            String hint) {
        String fix = option != null ? "option erp.systems." + erpSystemId + ".options." + option + " names it" : hint;
        String erpMessage = (erpWords == null || erpWords.isBlank() ? "'" + resource + "' does not exist"
                : erpWords.strip()) + " [" + resource + (fix == null ? "" : "; " + fix) + "]";
        return new ErpException(Kind.MISCONFIGURED, erpSystemId,
                "the ERP has no '" + resource + "': a configuration problem, " + erpMessage, erpMessage, null, null);
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

    /**
     * The ERP's own words, for {@link Kind#REJECTED} and {@link Kind#MISCONFIGURED}
     * (there with the option that names the missing resource); may be set for other
     * kinds, for logs.
     */
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
