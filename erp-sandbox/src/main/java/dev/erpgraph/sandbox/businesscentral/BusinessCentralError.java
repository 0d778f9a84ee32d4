package dev.erpgraph.sandbox.businesscentral;

import dev.erpgraph.sandbox.WireError;

/**
 * What went wrong, as Business Central reports it: an HTTP status and
 * {@code {"error":{"code","message"}}}.
 */
final class BusinessCentralError extends WireError {

    BusinessCentralError(int status, String code, String message) {
        super(status, code, message);
    }

}
