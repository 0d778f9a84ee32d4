package dev.erpgraph.erp.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

import dev.erpgraph.erp.ErpException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An ERP's answer: status, headers and body, with the failure mapping every connector
 * starts from.
 */
public record ErpHttpResponse(String erpSystemId, int status, HttpHeaders headers, String body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * The body as JSON, decimals read exactly ({@link ErpJson}). An unparsable body (an
     * HTML error page from a proxy, a truncated answer) is the ERP answering garbage:
     * {@link ErpException.Kind#BAD_RESPONSE}.
     */
    public JsonNode json() {
        if (body == null || body.isBlank()) {
            throw ErpException.badResponse(erpSystemId, "empty body where JSON was expected (HTTP " + status + ")",
                    null);
        }
        try {
            return ErpJson.MAPPER.readTree(body);
        }
        catch (JacksonException ex) {
            throw ErpException.badResponse(erpSystemId, "unparsable JSON body (HTTP " + status + ")", ex);
        }
    }

    /**
     * The body as JSON, or null if it is not JSON: for reading error bodies, which may be
     * anything.
     */
    public JsonNode jsonOrNull() {
        try {
            return body == null || body.isBlank() ? null : ErpJson.MAPPER.readTree(body);
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    /** The {@code Retry-After} delay (seconds form) if the ERP sent one. */
    public Duration retryAfter() {
        return header("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            }
            catch (NumberFormatException ex) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /**
     * The failure this non-2xx answer stands for, with {@code erpMessage} read from the
     * ERP's own error body by the connector: 429 and 5xx are the ERP being unavailable
     * (retry later), 404 a key it does not know, 401 and 403 credentials or rights it
     * refused, other 4xx a request it refused. A connector whose request addresses a
     * resource rather than a key (a collection, a table, an operation) reads a 404 with
     * {@link #missingResource} instead: the resource is missing, not a record.
     */
    public ErpException failure(String erpMessage) {
        String message = "HTTP " + status + (erpMessage == null ? "" : ": " + erpMessage);
        if (status == 429 || status >= 500) {
            return new ErpException(ErpException.Kind.UNAVAILABLE, erpSystemId, message, erpMessage, retryAfter(),
                    null);
        }
        if (status == 404) {
            return new ErpException(ErpException.Kind.NOT_FOUND, erpSystemId, message, erpMessage, null, null);
        }
        if (status == 401 || status == 403) {
            // Credentials we could not fix by fetching a new token: a configuration
            // problem, not the caller's.
            return new ErpException(ErpException.Kind.UNAUTHORIZED, erpSystemId, message, erpMessage, null, null);
        }
        return new ErpException(ErpException.Kind.REJECTED, erpSystemId, message, erpMessage, null, null);
    }

    /**
     * The failure of this non-2xx answer to a request that addresses a resource, not a
     * key: a 404 is {@link ErpException.Kind#MISCONFIGURED} (see
     * {@link ErpException#misconfigured}), anything else as {@link #failure}.
     */
    public ErpException missingResource(String erpMessage, String resource, String option, String hint) {
        if (status == 404) {
            return ErpException.misconfigured(erpSystemId, erpMessage, resource, option, hint);
        }
        return failure(erpMessage);
    }

}
