package dev.erpgraph.erp.http;

/**
 * What marks an ERP request's span as failed when the ERP answered 429 or 5xx: the
 * request itself went through, so nothing was thrown, but the trace must show it red.
 * Never thrown; the connector maps the answer to its {@code ErpException}.
 */
final class ErpHttpStatusException extends RuntimeException {

    ErpHttpStatusException(String erpSystemId, String method, String resource, int status) {
        super("ERP " + erpSystemId + " answered " + method + " " + resource + " with HTTP " + status, null, false,
                false);
    }

}
