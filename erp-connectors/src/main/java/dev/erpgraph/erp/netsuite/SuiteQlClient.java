package dev.erpgraph.erp.netsuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.ErpHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one SuiteQL statement through
 * {@code POST /services/rest/query/v1/suiteql?limit=N&offset=M} with
 * {@code Prefer: transient} and reads every page: it follows the {@code next} link while
 * {@code hasMore} is true (or, if the link is missing or points off the account's host,
 * the next offset). Statements must carry a stable ORDER BY, or rows may repeat or go
 * missing between pages.
 */
final class SuiteQlClient {

    static final String PATH = "/services/rest/query/v1/suiteql";

    /**
     * NetSuite's cap on rows per page, and on pages (1000 x 1000 = SuiteQL's 100,000-row
     * ceiling plus room).
     */
    static final int MAX_PAGE_SIZE = 1000;

    private static final int MAX_PAGES = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NetSuiteClient talk;

    private final int pageSize;

    SuiteQlClient(NetSuiteClient talk, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page-size must be within 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        this.talk = talk;
        this.pageSize = pageSize;
    }

    /** Every row of the statement; {@code resource} names it for the request metrics. */
    List<JsonNode> query(String resource, String sql) {
        String body = JSON.writeValueAsString(Map.of("q", sql));
        String systemId = talk.http().erpSystemId();
        List<JsonNode> rows = new ArrayList<>();
        String next = PATH + "?limit=" + pageSize + "&offset=0";
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw ErpException.badResponse(systemId, "SuiteQL paging did not end after " + MAX_PAGES + " pages",
                        null);
            }
            ErpHttpResponse response = talk.post(resource, next, Map.of("Prefer", "transient"), body);
            JsonNode answer = response.json();
            JsonNode items = answer.get("items");
            if (items == null || !items.isArray()) {
                throw ErpException.badResponse(systemId, "SuiteQL answer without items", null);
            }
            items.forEach(rows::add);
            JsonNode hasMore = answer.get("hasMore");
            if (hasMore == null || !hasMore.isBoolean() || !hasMore.booleanValue()) {
                next = null;
            }
            else if (items.isEmpty()) {
                throw ErpException.badResponse(systemId, "SuiteQL answered hasMore with an empty page", null);
            }
            else {
                next = nextPage(answer, rows.size());
            }
        }
        return rows;
    }

    private String nextPage(JsonNode answer, int read) {
        String base = talk.http().baseUrl();
        JsonNode links = answer.get("links");
        if (links != null && links.isArray()) {
            for (JsonNode link : links) {
                JsonNode href = link.get("href");
                if (link.hasNonNull("rel") && "next".equals(link.get("rel").asString()) && href != null
                        && href.isString() && href.asString().startsWith(base + PATH + "?")) {
                    // Only follow links on the account's own host: the bearer token goes
                    // with them.
                    return href.asString();
                }
            }
        }
        return PATH + "?limit=" + pageSize + "&offset=" + read;
    }

}
