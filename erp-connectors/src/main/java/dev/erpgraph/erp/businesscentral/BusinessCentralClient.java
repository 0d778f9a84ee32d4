package dev.erpgraph.erp.businesscentral;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP side of the Business Central connector: where each entity set lives, the
 * bearer token on every request (re-fetched once on a 401), server-driven paging followed
 * to the end, and BC's error body turned into an {@link ErpException}.
 *
 * <p>
 * Paths are relative to the configured base URL, the API host
 * ({@code https://api.businesscentral.dynamics.com}): standard API v2.0 entity sets under
 * {@code /v2.0/{tenantId}/{environment}/api/v2.0/companies({companyId})/}, custom API
 * pages under
 * {@code /v2.0/{tenantId}/{environment}/api/{publisher}/{group}/{version}/companies({companyId})/}.
 *
 * <p>
 * Paging: BC answers at most 20,000 entities per page online and a client may ask for
 * fewer with {@code Prefer: odata.maxpagesize=N} (option {@code maxPageSize}). The
 * {@code @odata.nextLink} carries an opaque {@code $skiptoken}: it is followed exactly as
 * given, never rebuilt with {@code $skip}, and only if it points at the same origin (it
 * will receive our bearer token).
 *
 * <p>
 * A missing entity set: every read here addresses a collection (keys travel in
 * {@code $filter}), so a 404 on a read means the collection itself is not there and is
 * {@code MISCONFIGURED}, never "no such record". BC answers a custom API page it does not
 * have (an extension not installed, a wrong publisher, group, version or entity set name)
 * with 404 {@code BadRequest_NotFound} "No HTTP resource was found that matches the
 * request URI ..." (seen on BC online, microsoft/AL#8283, [C]), and an unknown segment
 * inside a known API with "Resource not found for the segment '...'" (the OData library's
 * text, [C]); an unknown company or environment is a 404 too ([I]). The ERP's words are
 * kept, with the option that names the page.
 */
final class BusinessCentralClient {

    private final ErpHttpClient http;

    private final BusinessCentralTokenClient tokens;

    private final String apiRoot;

    private final String customApiRoot;

    private final Integer maxPageSize;

    private final String customApiPath;

    private final Map<String, String> customPageOptions;

    /**
     * @param customPageOptions each custom API page's entity set, with the option that
     * names it
     */
    BusinessCentralClient(ErpHttpClient http, BusinessCentralTokenClient tokens, String tenantId, String environment,
            String companyId, String customApiPath, Integer maxPageSize, Map<String, String> customPageOptions) {
        this.customApiPath = customApiPath;
        this.customPageOptions = Map.copyOf(customPageOptions);
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        // Checked names (BusinessCentralOptions): nothing here can add a path segment.
        String environmentRoot = "/v2.0/" + tenantId + "/" + environment;
        String company = "/companies(" + companyId + ")";
        this.apiRoot = environmentRoot + "/api/v2.0" + company;
        this.customApiRoot = environmentRoot + "/api/" + customApiPath + company;
        this.maxPageSize = maxPageSize;
    }

    String erpSystemId() {
        return http.erpSystemId();
    }

    /** A standard API v2.0 entity set (with query), relative to the base URL. */
    String api(String entitySetAndQuery) {
        return apiRoot + "/" + entitySetAndQuery;
    }

    /**
     * An entity set of the distributor's custom API pages (with query), relative to the
     * base URL.
     */
    String customApi(String entitySetAndQuery) {
        return customApiRoot + "/" + entitySetAndQuery;
    }

    /** The full URL a relative path resolves to: what URL-length chunking measures. */
    String absolute(String pathAndQuery) {
        return http.baseUrl() + pathAndQuery;
    }

    /**
     * Every entity of a collection, following {@code @odata.nextLink} to the last page.
     */
    List<JsonNode> getAll(String resource, String pathAndQuery) {
        List<JsonNode> entities = new ArrayList<>();
        String next = pathAndQuery;
        while (next != null) {
            JsonNode page = read(resource, next).json();
            JsonNode value = page.path("value");
            if (!value.isArray()) {
                throw ErpException.badResponse(erpSystemId(), "collection answer without a 'value' array", null);
            }
            value.forEach(entities::add);
            JsonNode nextLink = page.path("@odata.nextLink");
            next = nextLink.isString() ? sameOrigin(nextLink.stringValue()) : null;
        }
        return entities;
    }

    /**
     * The cheapest read of an entity set, {@code $top=0}: no entity, only whether it is
     * there.
     */
    void probe(String entitySetPath) {
        read("self-check", entitySetPath + "?$top=0");
    }

    private ErpHttpResponse read(String resource, String pathAndQuery) {
        ErpHttpResponse response = tokens
            .authorized(token -> http.send(resource, "GET", pathAndQuery, headers(token, false), null));
        if (!response.isSuccess()) {
            String path = URI.create(pathAndQuery).getPath();
            String entitySet = path.substring(path.lastIndexOf('/') + 1);
            boolean custom = path.startsWith(customApiRoot + "/") || path.contains("/api/" + customApiPath + "/");
            String message = BusinessCentralFields.errorMessage(response);
            if (custom) {
                throw response.missingResource(message, "api/" + customApiPath + "/" + entitySet,
                        customPageOptions.getOrDefault(entitySet, "customApiPublisher"), null);
            }
            throw response.missingResource(message, "api/v2.0/" + entitySet, null,
                    "no option names it: tenantId, environment and companyId must name a company that exists");
        }
        return response;
    }

    /** POSTs a JSON entity and answers the created entity. */
    JsonNode post(String resource, String path, String json) {
        return send(resource, "POST", path, json).json();
    }

    private ErpHttpResponse send(String resource, String method, String pathAndQuery, String body) {
        // Expired early or revoked: one new token, one retry; a second 401 is a
        // configuration problem.
        ErpHttpResponse response = tokens
            .authorized(token -> http.send(resource, method, pathAndQuery, headers(token, body != null), body));
        if (!response.isSuccess()) {
            throw response.failure(BusinessCentralFields.errorMessage(response));
        }
        return response;
    }

    private Map<String, String> headers(String token, boolean hasBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/json");
        if (hasBody) {
            headers.put("Content-Type", "application/json");
        }
        if (maxPageSize != null) {
            headers.put("Prefer", "odata.maxpagesize=" + maxPageSize);
        }
        return headers;
    }

    private String sameOrigin(String nextLink) {
        URI base = URI.create(http.baseUrl());
        URI next;
        try {
            next = URI.create(nextLink);
        }
        catch (IllegalArgumentException ex) {
            throw ErpException.badResponse(erpSystemId(), "unparsable @odata.nextLink", ex);
        }
        if (!next.isAbsolute()) {
            return nextLink;
        }
        if (!Objects.equals(base.getScheme(), next.getScheme()) || !Objects.equals(base.getHost(), next.getHost())
                || base.getPort() != next.getPort()) {
            throw ErpException.badResponse(erpSystemId(), "@odata.nextLink points at another host", null);
        }
        return nextLink;
    }

}
