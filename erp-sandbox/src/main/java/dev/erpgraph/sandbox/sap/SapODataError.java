package dev.erpgraph.sandbox.sap;

/** A failure answered in SAP Gateway's error format (see {@link SapODataErrors}). */
final class SapODataError extends RuntimeException {

    final int status;

    final String code;

    SapODataError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

}
