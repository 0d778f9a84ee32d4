package dev.erpgraph.erp.p21;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;

/**
 * Reads P21's read-only OData service ({@code /odataservice/odata/table/{table}} and
 * {@code /view/{view}}) with the system's bearer token, following
 * {@code $top}/{@code $skip} paging to the end.
 *
 * <p>
 * Paging: P21 sends no next link; the client asks {@code $count=true} on the first page
 * and keeps asking with a growing {@code $skip} until it has {@code @odata.count} rows
 * (or, if the service gave no count, until a short page). Counting makes it safe against
 * a server that caps pages below the {@code $top} asked. The service is described as
 * OData v3 in some places and answers v4-style JSON in others, so both the
 * {@code @odata.count} and the {@code odata.count}/{@code __count} spellings are read, as
 * are {@code value} and the verbose {@code d.results} envelope.
 *
 * <p>
 * A missing table or view: every read here addresses a table or view (keys travel in
 * {@code $filter}), and the OData service answers one it does not publish with 404
 * {@code {"error":{"code":"404","message":"Resource not found for the segment 'x'."}}}
 * (the OData library's text, [C]; that a view not published, or one the API user has no
 * Dataservice permission for, answers the same is [I]). That is {@code MISCONFIGURED},
 * with P21's words and the option that names the view, never "no such customer". IIS's
 * own 404 for an over-long query string (an HTML page, not this body) is not.
 */
final class P21Client {

    private static final int MAX_PAGES = 10_000;

    private final ErpHttpClient http;

    private final P21TokenClient tokens;

    private final int pageSize;

    private final Map<String, String> viewOptions;

    /**
     * @param viewOptions each view the connector reads, with the option that names it
     */
    P21Client(ErpHttpClient http, P21TokenClient tokens, int pageSize, Map<String, String> viewOptions) {
        this.viewOptions = Map.copyOf(viewOptions);
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    String systemId() {
        return http.erpSystemId();
    }

    /** All rows of a table that match {@code filter}, in {@code orderBy} order. */
    List<JsonNode> table(String resource, String table, String filter, String select, String orderBy) {
        return read(resource, "odataservice/odata/table/" + table, filter, select, orderBy);
    }

    /**
     * All rows of a view (custom SQL views published to the OData service) that match
     * {@code filter}.
     */
    List<JsonNode> view(String resource, String view, String filter, String select, String orderBy) {
        return read(resource, "odataservice/odata/view/" + view, filter, select, orderBy);
    }

    private List<JsonNode> read(String resource, String path, String filter, String select, String orderBy) {
        List<JsonNode> rows = new ArrayList<>();
        Long count = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            if (filter != null) {
                query.put("$filter", filter);
            }
            query.put("$select", select);
            query.put("$orderby", orderBy);
            query.put("$top", String.valueOf(pageSize));
            query.put("$skip", String.valueOf(rows.size()));
            if (page == 0) {
                query.put("$count", "true");
            }
            JsonNode body = get(resource, path, path + "?" + queryString(query));
            if (page == 0) {
                count = count(body);
            }
            List<JsonNode> pageRows = rows(body);
            rows.addAll(pageRows);
            boolean done = pageRows.isEmpty() || (count != null ? rows.size() >= count : pageRows.size() < pageSize);
            if (done) {
                return rows;
            }
        }
        throw ErpException.badResponse(http.erpSystemId(), "paging of " + path + " did not end", null);
    }

    /**
     * The cheapest read of a table or view, {@code $top=0}: no row, only whether it is
     * there. {@code path} is {@code odataservice/odata/table/x} or {@code .../view/x}.
     */
    void probe(String path) {
        get("self-check", path, path + "?$top=0");
    }

    private JsonNode get(String resource, String path, String pathAndQuery) {
        ErpHttpResponse response = authorized(resource, "GET", pathAndQuery, Map.of("Accept", "application/json"),
                null);
        if (!response.isSuccess()) {
            String message = P21ErrorBody.message(response);
            if (response.status() == 404 && message != null && message.startsWith("Resource not found")) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                String kind = path.substring("odataservice/odata/".length(), path.lastIndexOf('/'));
                throw ErpException.misconfigured(systemId(), message, kind + " " + name,
                        "view".equals(kind) ? viewOptions.get(name) : null,
                        "no option names it: P21's OData service must publish it, and the API user needs its"
                                + " Dataservice permission");
            }
            throw response.failure(message);
        }
        return response.json();
    }

    /**
     * Sends a request with the bearer token; on 401 forgets the token, fetches a new one
     * and sends once more. Used for the Transaction API as well.
     */
    ErpHttpResponse authorized(String resource, String method, String pathAndQuery, Map<String, String> headers,
            String body) {
        return tokens.authorized(token -> http.send(resource, method, pathAndQuery, withToken(headers, token), body));
    }

    private static Map<String, String> withToken(Map<String, String> headers, String token) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        return all;
    }

    private List<JsonNode> rows(JsonNode body) {
        JsonNode value = body.path("value");
        if (value.isMissingNode()) {
            JsonNode d = body.path("d");
            value = d.has("results") ? d.path("results") : d;
        }
        if (!value.isArray()) {
            throw ErpException.badResponse(http.erpSystemId(), "OData answer without a value array", null);
        }
        List<JsonNode> rows = new ArrayList<>(value.size());
        value.forEach(rows::add);
        return rows;
    }

    static Long count(JsonNode body) {
        for (JsonNode candidate : List.of(body.path("@odata.count"), body.path("odata.count"), body.path("__count"),
                body.path("d").path("__count"))) {
            if (candidate.isNumber()) {
                return candidate.asLong();
            }
            if (candidate.isString() && P21ODataFilter.numericKey(candidate.stringValue()).isPresent()) {
                return P21ODataFilter.numericKey(candidate.stringValue()).getAsLong();
            }
        }
        return null;
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder result = new StringBuilder();
        query.forEach((name, value) -> result.append(result.isEmpty() ? "" : "&")
            .append(name)
            .append('=')
            .append(QueryStrings.encode(value)));
        return result.toString();
    }

}
