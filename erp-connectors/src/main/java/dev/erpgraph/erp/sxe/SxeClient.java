package dev.erpgraph.erp.sxe;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import dev.erpgraph.erp.http.ErpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SX.API's RPC-style REST: every operation is {@code POST
 * {base}/SX/rest/sxapirestservice/{operation}} with a body {@code {"request":
 * {companyNumber, operatorInit, ...}}}, and every answer is {@code {"response": {...}}}.
 * Business errors do NOT use HTTP status: they come back as 200 with a non-empty
 * {@code response.cErrorMessage} ("Customer # not set up in Customer Setup - ARSC"), so
 * this client hands them back as an {@link Answer} for the caller to judge per key. HTTP
 * errors are the ION API gateway's (401/403/429/5xx) and become {@link ErpException}s
 * here; a 401 fetches a new token and retries once.
 *
 * <p>
 * A missing operation: SX.API has no key-addressed resources (every key travels in the
 * body), so a 404 means the operation itself is not there (an SX.e release without it, or
 * an {@code operation.*} option naming a version the tenant lacks): that is
 * {@code MISCONFIGURED}, with the gateway's words and the option, never "not set up".
 * That ION answers an unknown operation with 404 is [I] (the OpenAPI document lists the
 * operations, not the gateway's answer for others).
 */
final class SxeClient {

    static final String SERVICE_PATH = "SX/rest/sxapirestservice/";

    /**
     * An SX.API answer: the {@code response} object and its {@code cErrorMessage} (null
     * when blank).
     */
    record Answer(JsonNode response, String errorMessage) {
        boolean failed() {
            return errorMessage != null;
        }
    }

    /**
     * What SX.API takes as a customer number; anything else is unknown and never sent.
     */
    static final Pattern CUSTOMER_NUMBER = Pattern.compile("[1-9][0-9]{0,11}");

    private final ErpHttpClient http;

    private final SxeTokenClient tokens;

    private final SxeOptions options;

    SxeClient(ErpHttpClient http, SxeTokenClient tokens, SxeOptions options) {
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.options = Objects.requireNonNull(options, "options");
    }

    String systemId() {
        return http.erpSystemId();
    }

    /**
     * A new request body's inner object, already carrying {@code companyNumber} and
     * {@code operatorInit}.
     */
    ObjectNode request() {
        ObjectNode request = ErpJson.MAPPER.createObjectNode();
        request.put("companyNumber", options.companyNumber());
        request.put("operatorInit", options.operatorInit());
        return request;
    }

    /**
     * Calls {@code operation} with {@code request} (from {@link #request()}), timing it
     * as {@code resource}. Throws for transport failures, gateway errors and unreadable
     * answers; returns business errors.
     */
    Answer call(String resource, String operation, ObjectNode request) {
        ObjectNode envelope = ErpJson.MAPPER.createObjectNode();
        envelope.set("request", request);
        String body = ErpJson.MAPPER.writeValueAsString(envelope);
        ErpHttpResponse response = tokens.authorized(token -> send(resource, operation, body, token));
        if (!response.isSuccess()) {
            throw response.missingResource(errorMessage(response), operation, options.operations().optionOf(operation),
                    null);
        }
        JsonNode root = response.json();
        JsonNode inner = root.path("response");
        if (!inner.isObject()) {
            throw ErpException.badResponse(systemId(), operation + " answered without a \"response\" object", null);
        }
        JsonNode error = inner.path("cErrorMessage");
        String message = error.isString() && !error.stringValue().isBlank() ? error.stringValue().trim() : null;
        return new Answer(inner, message);
    }

    /**
     * Whether an operation is there: called with keys that cannot exist, it answers (a
     * {@code cErrorMessage} such as "not set up" included) or fails as {@link #call}
     * does. The keys of every read operation are sent together, as each takes its own
     * ([I]: that SX.API ignores the request fields an operation does not declare).
     */
    void probe(String operation) {
        ObjectNode request = request();
        request.put("customerNumber", 0);
        request.put("orderNumber", 0);
        request.put("orderSuffix", 0);
        request.put("productCode", "");
        call("self-check", operation, request);
    }

    /**
     * The per-key failure a business error stands for: "not set up"/"not found" is a key
     * SX.e does not know (NOT_FOUND, that key only); anything else SX.e refused
     * (REJECTED), with its words as {@code erpMessage}.
     */
    ErpException businessFailure(String what, String erpMessage) {
        if (options.notFound().matcher(erpMessage).find()) {
            return new ErpException(ErpException.Kind.NOT_FOUND, systemId(),
                    what + " is not known to " + systemId() + ": " + erpMessage, erpMessage, null, null);
        }
        return ErpException.rejected(systemId(), erpMessage);
    }

    private ErpHttpResponse send(String resource, String operation, String body, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return http.post(resource, SERVICE_PATH + operation, headers, body);
    }

    /**
     * The words of an error answer: SX.API's own {@code response.cErrorMessage} when the
     * application answered, the gateway's OAuth-style
     * {@code error_description}/{@code error} when ION did, else a short plain-text body.
     */
    static String errorMessage(ErpHttpResponse response) {
        JsonNode json = response.jsonOrNull();
        if (json != null && json.isObject()) {
            JsonNode cError = json.path("response").path("cErrorMessage");
            if (cError.isString() && !cError.stringValue().isBlank()) {
                return cError.stringValue().trim();
            }
            for (String field : new String[] { "error_description", "error", "message" }) {
                JsonNode value = json.path(field);
                if (value.isString() && !value.stringValue().isBlank()) {
                    return value.stringValue().trim();
                }
            }
            return null;
        }
        String body = response.body();
        if (body == null || body.isBlank() || body.stripLeading().startsWith("<")) {
            return null;
        }
        String text = body.strip();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    /** The distinct keys that are SX.e customer numbers. */
    static List<String> numericCustomers(Collection<String> customerNumbers) {
        return customerNumbers.stream()
            .filter(Objects::nonNull)
            .filter(customer -> CUSTOMER_NUMBER.matcher(customer).matches())
            .distinct()
            .toList();
    }

}
