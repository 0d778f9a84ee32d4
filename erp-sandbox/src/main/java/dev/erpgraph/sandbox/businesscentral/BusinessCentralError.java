package dev.erpgraph.sandbox.businesscentral;

/**
 * What went wrong, as Business Central reports it: an HTTP status and
 * {@code {"error":{"code","message"}}}.
 */
final class BusinessCentralError extends RuntimeException {

    final int status;

    final String code;

    BusinessCentralError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

}
