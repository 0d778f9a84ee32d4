package dev.erpgraph.sandbox;

/**
 * A call a sandbox refuses, to be answered with an HTTP status and an error code in that
 * ERP's own error body. Each ERP subclasses it, so its handler catches its own refusals
 * only and writes them in its own format.
 */
public abstract class WireError extends RuntimeException {

    private final int status;

    private final String code;

    protected WireError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The ERP's own error code, e.g. {@code BadRequest_NotFound}. */
    public String code() {
        return code;
    }

}
