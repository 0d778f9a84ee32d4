package dev.erpgraph.sandbox.p21;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.ODataFilter;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxJson;
import dev.erpgraph.sandbox.SandboxKind;
import dev.erpgraph.sandbox.SandboxRegistry;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A Prophet 21 middleware as its connector sees it, under {@code /sandbox/{id}/}:
 * <ul>
 * <li>{@code POST api/security/token/v2}: user credentials
 * ({@code username}/{@code password} → {@code ExpiresInSeconds} and a
 * {@code RefreshToken}) or a consumer key ({@code ClientSecret},
 * {@code GrantType: client_credentials} → {@code ExpiresIn}, empty {@code RefreshToken});
 * refusals are OAuth-style
 * {@code {"error":"invalid_grant"|"invalid_client","error_description"}};</li>
 * <li>{@code GET odataservice/odata/table/{table}} and {@code .../view/{view}}: the OData
 * service, with {@code $filter} (parsed by {@link P21SandboxFilter}), {@code $select},
 * {@code $orderby}, {@code $top} (at most 1000 rows a page, never more than asked),
 * {@code $skip}, {@code $count=true} → {@code @odata.count}; no next link; errors
 * {@code {"error":{"code","message"}}}; query strings over 2048 bytes refused with 404 as
 * IIS does;</li>
 * <li>{@code GET api/ui/router/v1/?urlType=external} → {@code {"Url"}} of the UI server
 * (without the trailing slash: 307 to it);</li>
 * <li>{@code POST uiserver/api/v2/transaction}: the Transaction API (see
 * {@link P21SandboxTransactions}).</li>
 * </ul>
 * Everything but the token endpoint needs a valid bearer token ({@code 401} otherwise).
 */
@RestController
@RequestMapping("/sandbox/{id}")
@ConditionalOnSandboxMode
class P21Sandbox {

    static final int MAX_PAGE = 1000;
    static final int MAX_QUERY_STRING = 2048;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final SandboxRegistry registry;

    private final Map<String, P21SandboxTables> tables = new ConcurrentHashMap<>();

    P21Sandbox(SandboxRegistry registry) {
        this.registry = registry;
    }

    // ---- token

    @PostMapping(path = "/api/security/token/v2", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> token(@PathVariable String id, @RequestBody(required = false) String body) {
        Sandbox sandbox = sandbox(id);
        sandbox.stats().record("token");
        JsonNode request;
        try {
            request = body == null ? SandboxJson.MAPPER.createObjectNode() : SandboxJson.MAPPER.readTree(body);
        }
        catch (JacksonException ex) {
            return oauthError(HttpStatus.BAD_REQUEST, "invalid_request", "The request body is not valid JSON.");
        }
        long ttl = sandbox.faults().tokenTtlSeconds();
        ObjectNode answer = SandboxJson.MAPPER.createObjectNode();
        String secret = field(request, "ClientSecret");
        if (secret != null) {
            if (!"client_credentials".equals(field(request, "GrantType"))) {
                return oauthError(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                        "GrantType must be client_credentials for a consumer key.");
            }
            if (!P21SandboxErp.DEMO_CONSUMER_KEY.equals(secret)) {
                return oauthError(HttpStatus.UNAUTHORIZED, "invalid_client", "The consumer key is invalid.");
            }
            String user = field(request, "username");
            answer.put("AccessToken", sandbox.tokens().issue(ttl));
            answer.put("RefreshToken", "");
            answer.put("ExpiresIn", ttl);
            answer.put("TokenType", "Bearer");
            answer.put("UserName", user == null ? "api" : user);
            answer.put("Scope", "p21.api");
            answer.put("SessionId", UUID.randomUUID().toString());
            return json(HttpStatus.OK, answer);
        }
        if (!P21SandboxErp.DEMO_USERNAME.equalsIgnoreCase(String.valueOf(field(request, "username")))
                || !P21SandboxErp.DEMO_PASSWORD.equals(field(request, "password"))) {
            return oauthError(HttpStatus.UNAUTHORIZED, "invalid_grant", "The user name or password is incorrect.");
        }
        answer.put("AccessToken", sandbox.tokens().issue(ttl));
        answer.put("RefreshToken", UUID.randomUUID().toString().replace("-", ""));
        answer.put("ExpiresInSeconds", ttl);
        answer.put("TokenType", "Bearer");
        return json(HttpStatus.OK, answer);
    }

    // ---- OData

    @GetMapping(path = "/odataservice/odata/table/{table}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> table(@PathVariable String id, @PathVariable String table, HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        return odata(id, P21SandboxTables.TABLES.get(table), table, request, auth);
    }

    @GetMapping(path = "/odataservice/odata/view/{view}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> view(@PathVariable String id, @PathVariable String view, HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        return odata(id, P21SandboxTables.VIEWS.get(view), view, request, auth);
    }

    private ResponseEntity<String> odata(String id, P21SandboxTables.Table table, String name,
            HttpServletRequest request, String auth) {
        Sandbox sandbox = sandbox(id);
        sandbox.stats().record(table == null ? "odata" : table.resource());
        if (!sandbox.tokens().isValidBearer(auth)) {
            return error(HttpStatus.UNAUTHORIZED, "Authorization has been denied for this request.");
        }
        if (request.getQueryString() != null && request.getQueryString().length() > MAX_QUERY_STRING) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML)
                .body("<html><body><h2>HTTP Error 404.15 - Not Found</h2><p>The request filtering module is "
                        + "configured to deny a request where the query string is too long.</p></body></html>");
        }
        if (table == null) {
            return error(HttpStatus.NOT_FOUND, "Resource not found for the segment '" + name + "'.");
        }
        try {
            FilterExpression filter = ODataFilter.parse(request.getParameter("$filter"), table.columns(),
                    P21FilterDialect.INSTANCE);
            List<String> select = select(request.getParameter("$select"), table);
            Comparator<Map<String, Object>> order = orderBy(request.getParameter("$orderby"), table);
            int top = Math.min(number(request.getParameter("$top"), MAX_PAGE, "$top"), MAX_PAGE);
            int skip = number(request.getParameter("$skip"), 0, "$skip");
            boolean count = "true".equalsIgnoreCase(request.getParameter("$count"))
                    || "allpages".equalsIgnoreCase(request.getParameter("$inlinecount"));

            List<Map<String, Object>> rows = new ArrayList<>(
                    tables(sandbox).rows(table.name(), filter).filter(filter::test).toList());
            rows.sort(order);
            ObjectNode body = SandboxJson.MAPPER.createObjectNode();
            body.put("@odata.context",
                    ServletUriComponentsBuilder.fromContextPath(request)
                        .path("/sandbox/" + id + "/odataservice/odata/$metadata#" + name)
                        .build()
                        .toUriString());
            if (count) {
                body.put("@odata.count", rows.size());
            }
            ArrayNode value = body.putArray("value");
            rows.stream().skip(skip).limit(top).forEach(row -> write(value.addObject(), row, select));
            return json(HttpStatus.OK, body);
        }
        catch (ODataFilter.Invalid ex) {
            return error(HttpStatus.valueOf(ex.status()), ex.getMessage());
        }
    }

    // ---- Transaction API

    @GetMapping(path = "/api/ui/router/v1/", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> router(@PathVariable String id, HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        Sandbox sandbox = sandbox(id);
        sandbox.stats().record("router");
        if (!sandbox.tokens().isValidBearer(auth)) {
            return error(HttpStatus.UNAUTHORIZED, "Authorization has been denied for this request.");
        }
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("Url",
                ServletUriComponentsBuilder.fromContextPath(request)
                    .path("/sandbox/" + id + "/uiserver")
                    .build()
                    .toUriString());
        return json(HttpStatus.OK, body);
    }

    /**
     * The middleware only serves the router with a trailing slash; without it, a
     * redirect.
     */
    @GetMapping(path = "/api/ui/router/v1")
    ResponseEntity<String> routerWithoutSlash(@PathVariable String id, HttpServletRequest request) {
        sandbox(id).stats().record("router");
        String query = request.getQueryString();
        return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
            .header(HttpHeaders.LOCATION, request.getRequestURI() + "/" + (query == null ? "" : "?" + query))
            .build();
    }

    @PostMapping(path = "/uiserver/api/v2/transaction", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> transaction(@PathVariable String id, @RequestBody(required = false) String body,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        Sandbox sandbox = sandbox(id);
        sandbox.stats().record("create-order");
        if (!sandbox.tokens().isValidBearer(auth)) {
            return error(HttpStatus.UNAUTHORIZED, "Authorization has been denied for this request.");
        }
        return new P21SandboxTransactions(sandbox).run(body)
            .map(answer -> json(HttpStatus.OK, answer))
            // Some Transaction API faults are an HTTP 500 with no body at all.
            .orElseGet(() -> ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build());
    }

    // ---- helpers

    private Sandbox sandbox(String id) {
        return registry.find(id, SandboxKind.EPICOR_P21)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no P21 sandbox '" + id + "'"));
    }

    private P21SandboxTables tables(Sandbox sandbox) {
        return tables.computeIfAbsent(sandbox.id(),
                key -> new P21SandboxTables(sandbox.data(), (P21SandboxErp) sandbox.erp(), sandbox.createdOrders()));
    }

    private static List<String> select(String select, P21SandboxTables.Table table) {
        if (select == null || select.isBlank()) {
            return List.copyOf(table.columns().keySet());
        }
        List<String> columns = new ArrayList<>();
        for (String column : select.split(",")) {
            String name = column.trim();
            if (!table.columns().containsKey(name)) {
                throw new ODataFilter.Invalid(400,
                        "Could not find a property named '" + name + "' on type 'P21." + table.name() + "'.");
            }
            columns.add(name);
        }
        return columns;
    }

    private static Comparator<Map<String, Object>> orderBy(String orderBy, P21SandboxTables.Table table) {
        String spec = orderBy == null || orderBy.isBlank() ? table.keyOrder() : orderBy;
        Comparator<Map<String, Object>> result = null;
        for (String part : spec.split(",")) {
            String[] words = part.trim().split("\\s+");
            String column = words[0];
            if (!table.columns().containsKey(column) || words.length > 2 || (words.length == 2
                    && !Map.of("asc", 1, "desc", 1).containsKey(words[1].toLowerCase(Locale.ROOT)))) {
                throw new ODataFilter.Invalid(400, "Invalid $orderby: '" + part.trim() + "'");
            }
            Comparator<Map<String, Object>> next = Comparator.comparing(row -> row.get(column),
                    Comparator.nullsFirst(P21Sandbox::compareValues));
            if (words.length == 2 && words[1].equalsIgnoreCase("desc")) {
                next = next.reversed();
            }
            result = result == null ? next : result.thenComparing(next);
        }
        return result;
    }

    private static int compareValues(Object left, Object right) {
        if (left instanceof String a && right instanceof String b) {
            return a.compareToIgnoreCase(b);
        }
        if (left instanceof LocalDateTime a && right instanceof LocalDateTime b) {
            return a.compareTo(b);
        }
        return new BigDecimal(left.toString()).compareTo(new BigDecimal(right.toString()));
    }

    private static int number(String value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw new ODataFilter.Invalid(400, "Invalid value for " + name + ": '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static void write(ObjectNode target, Map<String, Object> row, List<String> columns) {
        for (String column : columns) {
            Object value = row.get(column);
            if (value == null) {
                target.putNull(column);
            }
            else if (value instanceof String text) {
                target.put(column, text);
            }
            else if (value instanceof Long number) {
                target.put(column, number);
            }
            else if (value instanceof BigDecimal decimal) {
                target.put(column, decimal);
            }
            else if (value instanceof LocalDateTime time) {
                target.put(column, DATE_TIME.format(time));
            }
            else {
                throw new IllegalStateException("unexpected value in " + column + ": " + value.getClass());
            }
        }
    }

    private static String field(JsonNode request, String name) {
        for (Map.Entry<String, JsonNode> entry : request.properties()) {
            if (entry.getKey().equalsIgnoreCase(name) && entry.getValue().isString()) {
                return entry.getValue().stringValue();
            }
        }
        return null;
    }

    private static ResponseEntity<String> error(HttpStatus status, String message) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(P21SandboxErp.errorBody(status.value(), message));
    }

    private static ResponseEntity<String> oauthError(HttpStatus status, String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(SandboxJson.MAPPER.writeValueAsString(body));
    }

    private static ResponseEntity<String> json(HttpStatus status, JsonNode body) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(SandboxJson.MAPPER.writeValueAsString(body));
    }

}
