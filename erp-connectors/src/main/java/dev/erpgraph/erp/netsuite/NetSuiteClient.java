package dev.erpgraph.erp.netsuite;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import tools.jackson.databind.JsonNode;

/**
 * Authorized requests to NetSuite's REST web services: adds the bearer token, and on a
 * 401 fetches a new token once and repeats the request once (a token can be revoked or
 * expire early). Every non-2xx answer becomes an {@link ErpException} whose
 * {@code erpMessage} is the {@code detail} of NetSuite's first {@code o:errorDetails}
 * entry.
 */
final class NetSuiteClient {

    private final ErpHttpClient http;

    private final NetSuiteTokenClient tokens;

    NetSuiteClient(ErpHttpClient http, NetSuiteTokenClient tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    ErpHttpClient http() {
        return http;
    }

    ErpHttpResponse post(String resource, String pathAndQuery, Map<String, String> extraHeaders, String json) {
        ErpHttpResponse response = send(resource, pathAndQuery, extraHeaders, json);
        if (!response.isSuccess()) {
            throw failure(response);
        }
        return response;
    }

    /**
     * Like {@link #post} but hands back a refusal for the caller to read (e.g. a
     * duplicate external id).
     */
    ErpHttpResponse send(String resource, String pathAndQuery, Map<String, String> extraHeaders, String json) {
        return tokens.authorized(token -> http.post(resource, pathAndQuery, headers(token, extraHeaders), json));
    }

    private static Map<String, String> headers(String token, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.putAll(extra);
        return headers;
    }

    static ErpException failure(ErpHttpResponse response) {
        return response.failure(errorMessage(response));
    }

    /** The o:errorCode of NetSuite's first error entry, or null. */
    static String errorCode(ErpHttpResponse response) {
        JsonNode entry = firstDetail(response.jsonOrNull());
        JsonNode code = entry == null ? null : entry.get("o:errorCode");
        return code == null || code.isNull() ? null : code.asString();
    }

    /**
     * NetSuite's own words: {@code o:errorDetails[0].detail}, else {@code title}; an
     * OAuth {@code error} from the token endpoint; null when the body is not JSON (a
     * proxy's page).
     */
    static String errorMessage(ErpHttpResponse response) {
        JsonNode body = response.jsonOrNull();
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode entry = firstDetail(body);
        if (entry != null && entry.hasNonNull("detail")) {
            return entry.get("detail").asString();
        }
        if (body.hasNonNull("error")) {
            return body.get("error").asString()
                    + (body.hasNonNull("error_description") ? ": " + body.get("error_description").asString() : "");
        }
        return body.hasNonNull("title") ? body.get("title").asString() : null;
    }

    private static JsonNode firstDetail(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode details = body.get("o:errorDetails");
        return details != null && details.isArray() && !details.isEmpty() ? details.get(0) : null;
    }

}
