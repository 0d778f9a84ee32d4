package dev.erpgraph.erp.netsuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *
 * <p>
 * A table the account does not have (a feature that is off, a table the integration's
 * role may not see, or an option naming one that does not exist) is refused by NetSuite
 * with 400 {@code INVALID_PARAMETER} "Invalid search query. ... Record 'x' was not
 * found." (the SuiteQL text seen from real accounts, [C]): that is {@code MISCONFIGURED},
 * with NetSuite's words and the option that names the table, never a refused key or an
 * empty answer.
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

    /** NetSuite's words for a table it does not have. */
    private static final Pattern MISSING_TABLE = Pattern.compile("Record '([A-Za-z0-9_]+)' was not found");

    private final int pageSize;

    private final Map<String, String> tableOptions;

    /**
     * @param tableOptions each table the connector reads, with the option that names it
     * ({@code ""} for none)
     */
    SuiteQlClient(NetSuiteClient talk, int pageSize, Map<String, String> tableOptions) {
        this.tableOptions = Map.copyOf(tableOptions);
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
            ErpHttpResponse response = talk.send(resource, next, Map.of("Prefer", "transient"), body);
            if (!response.isSuccess()) {
                throw failure(response);
            }
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

    /**
     * The cheapest statement that shows a table is there: one column, a condition no row
     * meets (internal ids start at 1), one row per page.
     */
    void probe(String table, String column) {
        String body = JSON.writeValueAsString(
                Map.of("q", "SELECT t." + column + " FROM " + table + " t WHERE t." + column + " IN (0)"));
        ErpHttpResponse response = talk.send("self-check", PATH + "?limit=1&offset=0", Map.of("Prefer", "transient"),
                body);
        if (!response.isSuccess()) {
            throw failure(response);
        }
    }

    private ErpException failure(ErpHttpResponse response) {
        String message = NetSuiteClient.errorMessage(response);
        Matcher missing = MISSING_TABLE.matcher(message == null ? "" : message);
        if (response.status() == 400 && missing.find()) {
            String table = missing.group(1);
            String option = tableOptions.getOrDefault(table.toLowerCase(Locale.ROOT), "");
            return ErpException.misconfigured(talk.http().erpSystemId(), message, table,
                    option.isEmpty() ? null : option,
                    "no option names it: the account must have the feature that provides this table, and the"
                            + " integration's role the permission to read it");
        }
        return NetSuiteClient.failure(response);
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
