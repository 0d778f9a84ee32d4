package dev.erpgraph.erp.events;

/**
 * An ERP event refused before it changed anything. {@link #status()} is the HTTP status
 * the events endpoint answers: 400 malformed, 401 missing credentials, 403 wrong
 * signature or client state, 404 unknown system.
 */
public class ErpEventException extends RuntimeException {

    private final int status;

    ErpEventException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static ErpEventException malformed(String message) {
        return new ErpEventException(400, message);
    }

    public static ErpEventException unauthenticated(String message) {
        return new ErpEventException(401, message);
    }

    public static ErpEventException forbidden(String message) {
        return new ErpEventException(403, message);
    }

    public static ErpEventException unknownSystem(String erpSystemId) {
        return new ErpEventException(404, "no ERP system '" + erpSystemId + "'");
    }

    public int status() {
        return status;
    }

}
