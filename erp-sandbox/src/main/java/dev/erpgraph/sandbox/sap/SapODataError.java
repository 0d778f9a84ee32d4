package dev.erpgraph.sandbox.sap;

import dev.erpgraph.sandbox.WireError;

/** A failure answered in SAP Gateway's error format (see {@link SapODataErrors}). */
final class SapODataError extends WireError {

    SapODataError(int status, String code, String message) {
        super(status, code, message);
    }

}
