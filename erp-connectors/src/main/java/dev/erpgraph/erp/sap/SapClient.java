package dev.erpgraph.erp.sap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import tools.jackson.databind.JsonNode;

/**
 * SAP's OData v2 protocol on top of {@link ErpHttpClient}: authorization (re-fetching a
 * bearer token once on a 401), the {@code {"d":{"results":[...]}}} envelope,
 * server-driven paging (RAP services page at 100 rows without {@code $top} and cut
 * {@code $top} to 5000; {@code d.__next} is followed to the end either way), the OData
 * error body ({@code error.message.value} becomes the {@code erpMessage}) and the CSRF
 * token a write needs.
 *
 * <p>
 * CSRF (SAP KBA 3048103): the token from {@code GET} with {@code X-CSRF-Token: Fetch} is
 * bound to the session cookies of that answer; {@link ErpHttpClient} keeps those cookies,
 * this class keeps the token, reuses it for later writes and re-fetches it once when SAP
 * answers 403 with {@code X-CSRF-Token: Required}.
 *
 * <p>
 * A missing entity set or service: every read here addresses a collection (keys travel in
 * {@code $filter}, never in the path), so a 404 on it means the collection itself does
 * not exist and is {@code MISCONFIGURED}, never "no such record". SAP Gateway answers an
 * unknown entity set of a known service with 404 and "Resource not found for segment
 * '...'" (the OData library's text, [C]: widely quoted from real systems), an unknown or
 * unexposed service with 404 {@code /IWFND/MED/170} "No service found for namespace ...,
 * name ..., version ..." ([I]); the body's words are kept either way, with the option
 * that names the set ({@link SapOptions#entitySetOptions()}).
 */
final class SapClient {

    /**
     * Guards against a next link that never ends (a broken gateway): far beyond any real
     * result.
     */
    private static final int MAX_PAGES = 10_000;

    private final ErpHttpClient http;

    private final SapTokenClient auth;

    private final String servicesPath;

    private final int pageSize;

    private final AtomicReference<String> csrfToken = new AtomicReference<>();

    private final Map<String, String> entitySetOptions;

    /**
     * @param pageSize the {@code $top} every collection read sends. {@code $top} caps the
     * whole result, so it is set far above any real one: its point is that RAP services
     * then answer their largest pages (5000 rows, with {@code __next}) instead of 100,
     * and a batch of a few hundred keys costs a round trip or two, not dozens one after
     * another; 0 sends no {@code $top}
     */
    SapClient(ErpHttpClient http, SapTokenClient auth, String servicesPath, int pageSize,
            Map<String, String> entitySetOptions) {
        this.entitySetOptions = Map.copyOf(entitySetOptions);
        this.http = http;
        this.auth = auth;
        this.servicesPath = servicesPath.endsWith("/") ? servicesPath : servicesPath + "/";
        this.pageSize = pageSize;
    }

    String systemId() {
        return http.erpSystemId();
    }

    /**
     * The URL of a service's entity set, e.g. {@code API_SALES_ORDER_SRV/A_SalesOrder},
     * for length budgeting.
     */
    String url(String serviceAndEntitySet) {
        return http.baseUrl() + servicesPath + serviceAndEntitySet;
    }

    /** Reads every row of a collection request, following {@code __next} to the end. */
    List<JsonNode> readAll(String resource, String serviceAndEntitySet, String query) {
        List<JsonNode> rows = new ArrayList<>();
        String paged = query.contains("$top=") || pageSize == 0 ? query
                : (query.isEmpty() ? "" : query + "&") + "$top=" + pageSize;
        String next = servicesPath + serviceAndEntitySet + (paged.isEmpty() ? "" : "?" + paged);
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw ErpException.badResponse(systemId(), resource + ": paging did not end", null);
            }
            JsonNode d = envelope(resource, getCollection(resource, serviceAndEntitySet, next));
            JsonNode results = d.path("results");
            if (!results.isArray()) {
                throw ErpException.badResponse(systemId(), resource + ": collection without d.results", null);
            }
            results.values().forEach(rows::add);
            next = nextLink(resource, serviceAndEntitySet, d.path("__next").asString(null));
        }
        return rows;
    }

    /**
     * The cheapest read of an entity set, {@code $top=0}: no row, only whether the set is
     * there.
     */
    void probe(String serviceAndEntitySet) {
        envelope("self-check",
                getCollection("self-check", serviceAndEntitySet, servicesPath + serviceAndEntitySet + "?$top=0"));
    }

    /** Every entity set a read may use, with the option that names it (or null). */
    Map<String, String> entitySetOptions() {
        return entitySetOptions;
    }

    private ErpHttpResponse getCollection(String resource, String serviceAndEntitySet, String pathAndQuery) {
        ErpHttpResponse response = send(resource, "GET", pathAndQuery, Map.of(), null);
        if (!response.isSuccess()) {
            String option = entitySetOptions.getOrDefault(serviceAndEntitySet, "");
            throw response.missingResource(errorMessage(response), serviceAndEntitySet,
                    option.isEmpty() ? null : option,
                    "no option names it: SAP must expose this API to the communication user (its communication"
                            + " arrangement)");
        }
        return response;
    }

    /**
     * Creates an entity (a deep insert) with the CSRF token protocol; answers the created
     * entity ({@code d}).
     */
    JsonNode create(String resource, String service, String entitySet, String body) {
        String path = servicesPath + service + "/" + entitySet;
        String token = csrfToken.get();
        if (token == null) {
            token = fetchCsrfToken(service);
        }
        ErpHttpResponse response = post(resource, path, token, body);
        if (response.status() == 403 && "Required".equalsIgnoreCase(response.header("X-CSRF-Token").orElse(""))) {
            // The session behind the token expired (or never was ours): one fresh token,
            // then give up.
            csrfToken.compareAndSet(token, null);
            response = post(resource, path, fetchCsrfToken(service), body);
        }
        if (!response.isSuccess()) {
            throw failure(response);
        }
        return envelope(resource, response);
    }

    private ErpHttpResponse post(String resource, String path, String token, String body) {
        return send(resource, "POST", path, Map.of("X-CSRF-Token", token, "Content-Type", "application/json"), body);
    }

    private String fetchCsrfToken(String service) {
        ErpHttpResponse response = send("csrf-token", "GET", servicesPath + service + "/",
                Map.of("X-CSRF-Token", "Fetch"), null);
        if (!response.isSuccess()) {
            throw failure(response);
        }
        String token = response.header("X-CSRF-Token").orElse("");
        if (token.isBlank() || "Required".equalsIgnoreCase(token)) {
            throw ErpException.badResponse(systemId(), "no CSRF token in the fetch answer", null);
        }
        csrfToken.set(token);
        return token;
    }

    /**
     * One request with authorization; a 401 with a bearer token drops the token and tries
     * once more.
     */
    private ErpHttpResponse send(String resource, String method, String pathAndQuery, Map<String, String> extra,
            String body) {
        return auth.authorized(
                authorization -> http.send(resource, method, pathAndQuery, headers(authorization, extra), body));
    }

    private static Map<String, String> headers(String authorization, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Accept", "application/json");
        headers.putAll(extra);
        return headers;
    }

    private JsonNode envelope(String resource, ErpHttpResponse response) {
        JsonNode d = response.json().path("d");
        if (!d.isObject()) {
            throw ErpException.badResponse(systemId(), resource + ": answer without the OData v2 'd' envelope", null);
        }
        return d;
    }

    /**
     * The next page's address. SAP writes an absolute link; a relative one is resolved
     * against the entity set. A link to another host is refused: our credentials go to
     * the configured ERP only.
     */
    private String nextLink(String resource, String serviceAndEntitySet, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        if (link.startsWith("http://") || link.startsWith("https://")) {
            if (!link.startsWith(http.baseUrl() + "/")) {
                throw ErpException.badResponse(systemId(), resource + ": next link leaves the ERP's base URL", null);
            }
            return link;
        }
        if (link.startsWith(servicesPath)) {
            return link;
        }
        // Relative to the entity set: only its query (the $skiptoken) matters.
        int query = link.indexOf('?');
        return servicesPath + serviceAndEntitySet + (query < 0 ? "" : link.substring(query));
    }

    /**
     * The failure a non-2xx answer stands for, with SAP's own message from its OData
     * error body.
     */
    ErpException failure(ErpHttpResponse response) {
        return response.failure(errorMessage(response));
    }

    static String errorMessage(ErpHttpResponse response) {
        JsonNode body = response.jsonOrNull();
        if (body != null) {
            JsonNode message = body.path("error").path("message");
            String value = message.isObject() ? message.path("value").asString(null) : message.asString(null);
            if (value != null && !value.isBlank()) {
                return value;
            }
            return null;
        }
        // SAP answers a few refusals (CSRF) as one line of plain text; anything longer is
        // a proxy page.
        String text = response.body() == null ? "" : response.body().strip();
        return !text.isEmpty() && text.length() <= 200 && !text.contains("<") ? text : null;
    }

}
