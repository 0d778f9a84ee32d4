package dev.erpgraph.sandbox.netsuite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxKind;
import dev.erpgraph.sandbox.SandboxRegistry;
import dev.erpgraph.sandbox.WireError;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A NetSuite account's REST web services, under {@code /sandbox/{id}/services/rest/}:
 * <ul>
 * <li>{@code POST auth/oauth2/v1/token}: OAuth 2.0 client credentials (M2M) with a JWT
 * client assertion, checked like NetSuite does (kid = certificate id, ES256 signature by
 * the certificate's key, iss = client id, aud = the token URL, scope
 * {@code rest_webservices}, exp at most 60 minutes after iat); answers
 * {@code {"access_token","expires_in","token_type"}}.</li>
 * <li>{@code POST query/v1/suiteql?limit&offset} with {@code Prefer: transient} and
 * {@code {"q": ...}}: runs a SuiteQL subset ({@link SuiteQlParser}) over the data set
 * ({@link NetSuiteSandboxTables}); answers pages of at most 1000 with {@code links}
 * (self, next, last), {@code count}, {@code hasMore}, {@code offset},
 * {@code totalResults}, {@code items}.</li>
 * <li>{@code POST record/v1/salesOrder}: creates an order, answers 204 with its URL in
 * {@code Location}.</li>
 * </ul>
 * Every call but the token needs a live bearer token (401 {@code INVALID_LOGIN}
 * otherwise); more calls in flight than the account's concurrency limit are answered 429.
 * Errors use NetSuite's body.
 */
@RestController
@RequestMapping("/sandbox/{id}/services/rest")
@ConditionalOnSandboxMode
class NetSuiteSandbox {

    static final int MAX_PAGE = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final MediaType NETSUITE_JSON = MediaType
        .parseMediaType("application/vnd.oracle.resource+json; type=collection; charset=UTF-8");

    /** A refusal, rendered as NetSuite's error body. */
    static final class Refusal extends WireError {

        Refusal(int status, String code, String detail) {
            super(status, code, detail);
        }

    }

    private final SandboxRegistry registry;

    private final NetSuiteSandboxErp erp;

    private final Map<String, NetSuiteSandboxTables> tables = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    NetSuiteSandbox(SandboxRegistry registry, NetSuiteSandboxErp erp) {
        this.registry = registry;
        this.erp = erp;
    }

    @PostMapping(path = "/auth/oauth2/v1/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        Sandbox sandbox = sandbox(id);
        sandbox.stats().record("token");
        return limited(id, () -> {
            if (!"client_credentials".equals(form.getFirst("grant_type"))) {
                return oauthError("unsupported_grant_type");
            }
            if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                .equals(form.getFirst("client_assertion_type"))) {
                return oauthError("invalid_request");
            }
            String audience = request.getRequestURL().toString();
            if (!erp.verifies(form.getFirst("client_assertion"), audience)) {
                return oauthError("invalid_grant");
            }
            long ttl = sandbox.faults().tokenTtlSeconds();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", sandbox.tokens().issue(ttl));
            // NetSuite sends expires_in as a string.
            body.put("expires_in", String.valueOf(ttl));
            body.put("token_type", "bearer");
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        });
    }

    @PostMapping("/query/v1/suiteql")
    ResponseEntity<Map<String, Object>> suiteQl(@PathVariable String id, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body, HttpServletRequest request) {
        Sandbox sandbox = sandbox(id);
        return limited(id, () -> {
            authorize(sandbox, authorization);
            if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("transient")) {
                sandbox.stats().record("suiteql-refused");
                throw new Refusal(400, "INVALID_HEADER",
                        "Invalid Prefer header. The header must be set to 'transient' for SuiteQL queries.");
            }
            int pageSize = parameter("limit", limit, MAX_PAGE, 1, MAX_PAGE);
            int start = parameter("offset", offset, 0, 0, Integer.MAX_VALUE);
            if (start % pageSize != 0) {
                throw new Refusal(400, "INVALID_PARAMETER",
                        "Invalid value for the parameter 'offset'. The offset must be a multiple of the limit.");
            }
            String q = query(body);
            SuiteQlStatement statement;
            List<Map<String, String>> rows;
            try {
                statement = SuiteQlParser.parse(q);
                sandbox.stats().record(resource(statement, q));
                rows = SuiteQlExecutor.execute(statement, tables(sandbox));
            }
            catch (SuiteQlParser.InvalidQuery ex) {
                sandbox.stats().record("suiteql-refused");
                throw new Refusal(400, "INVALID_PARAMETER",
                        "Invalid search query. Detailed unprocessed " + "description follows. " + ex.getMessage());
            }
            return ResponseEntity.ok()
                .contentType(NETSUITE_JSON)
                .body(page(rows, start, pageSize, request.getRequestURL().toString()));
        });
    }

    @PostMapping("/record/v1/salesOrder")
    ResponseEntity<Map<String, Object>> createSalesOrder(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body, HttpServletRequest request) {
        Sandbox sandbox = sandbox(id);
        sandbox.stats().record("create-order");
        return limited(id, () -> {
            authorize(sandbox, authorization);
            JsonNode order = json(body);
            NetSuiteSandboxTables data = tables(sandbox);
            String entity = text(order.path("entity").path("id"));
            OptionalInt customer = erp.customerIndex(entity);
            if (customer.isEmpty()) {
                throw new Refusal(400, "USER_ERROR",
                        "Invalid Field Value " + entity + " for the following field: entity");
            }
            if (data.data().customer(customer.getAsInt()).orElseThrow().onHold()) {
                throw new Refusal(400, "USER_ERROR", "This customer is on credit hold. The order cannot be saved.");
            }
            String externalId = text(order.path("externalId"));
            LocalDate shipDate = null;
            if (text(order.path("shipDate")) != null) {
                try {
                    shipDate = LocalDate.parse(text(order.path("shipDate")));
                }
                catch (DateTimeParseException ex) {
                    throw new Refusal(400, "INVALID_CONTENT", "Invalid date value for field shipDate.");
                }
            }
            JsonNode items = order.path("item").path("items");
            if (!items.isArray() || items.isEmpty()) {
                throw new Refusal(400, "USER_ERROR", "You must enter at least one line item for this transaction.");
            }
            List<DistributorDataSet.OrderLine> lines = new ArrayList<>();
            int lineNumber = 0;
            for (JsonNode line : items) {
                String path = "item.items[" + lineNumber + "]";
                lineNumber++;
                String sku = data.sku(String.valueOf(text(line.path("item").path("id"))))
                    .orElseThrow(() -> new Refusal(400, "INVALID_KEY_OR_REF", "Invalid item reference key "
                            + text(line.path("item").path("id")) + " at " + path + ".item"));
                BigDecimal quantity;
                try {
                    quantity = new BigDecimal(String.valueOf(text(line.path("quantity"))));
                }
                catch (NumberFormatException ex) {
                    throw new Refusal(400, "INVALID_CONTENT", "Invalid quantity at " + path + ".quantity");
                }
                if (quantity.signum() <= 0) {
                    throw new Refusal(400, "INVALID_CONTENT", "Invalid quantity at " + path + ".quantity");
                }
                String locationId = text(line.path("location").path("id"));
                String warehouse = locationId == null ? "CLE"
                        : data.warehouse(locationId)
                            .orElseThrow(() -> new Refusal(400, "INVALID_KEY_OR_REF",
                                    "Invalid location reference key " + locationId + " at " + path + ".location"));
                DistributorDataSet.Item item = data.data().item(sku).orElseThrow();
                BigDecimal price = data.data().unitPrice(customer.getAsInt(), sku, quantity).orElseThrow();
                lines.add(new DistributorDataSet.OrderLine(lineNumber, sku, item.description(), quantity,
                        BigDecimal.ZERO, price, warehouse));
            }
            String po = text(order.path("otherRefNum"));
            int sequence;
            // Checked and claimed together: two concurrent creates with one external id
            // make one order, as NetSuite's unique key does.
            synchronized (data) {
                if (externalId != null && data.orderOfExternalId(externalId).isPresent()) {
                    throw new Refusal(400, "DUP_RCRD", "A record with the same external ID already exists.");
                }
                sequence = sandbox.createOrder(customer.getAsInt(), po, externalId, shipDate, lines);
                if (externalId != null) {
                    data.externalId(externalId, sequence);
                }
            }
            String location = request.getRequestURL() + "/" + NetSuiteSandboxErp.orderId(sequence);
            return ResponseEntity.noContent().header(HttpHeaders.LOCATION, location).build();
        });
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Refusal refusal) {
        return ResponseEntity.status(refusal.status())
            .contentType(MediaType.parseMediaType("application/vnd.oracle.resource+json; type=error; charset=UTF-8"))
            .body(NetSuiteSandboxErp.errorBody(refusal.status(), refusal.code(), refusal.getMessage()));
    }

    private ResponseEntity<Map<String, Object>> limited(String id, Supplier<ResponseEntity<Map<String, Object>>> call) {
        AtomicInteger running = inFlight.computeIfAbsent(id, key -> new AtomicInteger());
        try {
            if (running.incrementAndGet() > erp.concurrencyLimit()) {
                throw new Refusal(429, "CONCURRENCY_LIMIT_EXCEEDED",
                        "Concurrent request limit exceeded. Request " + "blocked.");
            }
            return call.get();
        }
        finally {
            running.decrementAndGet();
        }
    }

    private static ResponseEntity<Map<String, Object>> oauthError(String error) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }

    private Sandbox sandbox(String id) {
        return registry.find(id, SandboxKind.NETSUITE)
            .orElseThrow(() -> new Refusal(404, "NONEXISTENT_ID", "No sandbox account " + id));
    }

    private NetSuiteSandboxTables tables(Sandbox sandbox) {
        return tables.computeIfAbsent(sandbox.id(), key -> new NetSuiteSandboxTables(sandbox.data(), erp));
    }

    private static void authorize(Sandbox sandbox, String authorization) {
        if (!sandbox.tokens().isValidBearer(authorization)) {
            throw new Refusal(401, "INVALID_LOGIN", "Invalid login attempt. For more details, see the Login Audit "
                    + "Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.");
        }
    }

    private static Map<String, Object> page(List<Map<String, String>> rows, int start, int pageSize, String url) {
        int total = rows.size();
        int end = Math.min(total, start + pageSize);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = start; i < end; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("links", List.of());
            item.putAll(rows.get(i));
            items.add(item);
        }
        boolean hasMore = end < total;
        List<Map<String, String>> links = new ArrayList<>();
        links.add(link("self", url, pageSize, start));
        if (hasMore) {
            links.add(link("next", url, pageSize, end));
        }
        int last = total == 0 ? 0 : ((total - 1) / pageSize) * pageSize;
        links.add(link("last", url, pageSize, last));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", links);
        body.put("count", items.size());
        body.put("hasMore", hasMore);
        body.put("items", items);
        body.put("offset", start);
        body.put("totalResults", total);
        return body;
    }

    private static Map<String, String> link(String rel, String url, int limit, int offset) {
        return Map.of("rel", rel, "href", url + "?limit=" + limit + "&offset=" + offset);
    }

    private static int parameter(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        }
        catch (NumberFormatException ex) {
            // answered below
        }
        throw new Refusal(400, "INVALID_PARAMETER", "Invalid value for the parameter '" + name + "'.");
    }

    private static String query(String body) {
        String q = text(json(body).path("q"));
        if (q == null || q.isBlank()) {
            throw new Refusal(400, "INVALID_PARAMETER", "Invalid search query. The query is missing.");
        }
        return q;
    }

    private static JsonNode json(String body) {
        try {
            JsonNode node = body == null ? null : JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new Refusal(400, "INVALID_CONTENT", "The request body is not a JSON object.");
            }
            return node;
        }
        catch (JacksonException ex) {
            throw new Refusal(400, "INVALID_CONTENT", "The request body is not valid JSON.");
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    /**
     * The stats resource of a query: by the table it is about (stock and prices start
     * from or join others).
     */
    static String resource(SuiteQlStatement statement, String sql) {
        // Fulfillments and invoices are transactions too: told apart by the type asked
        // for, or by the line links only fulfillment lines are read through.
        if (sql.contains("'ItemShip'") || sql.contains("previoustransactionlinelink")) {
            return "shipments";
        }
        if (sql.contains("'CustInvc'")) {
            return "invoices";
        }
        List<String> tables = new ArrayList<>();
        SuiteQlStatement.Table from = statement.from();
        while (from.subquery() != null) {
            from = from.subquery().from();
        }
        tables.add(from.name());
        statement.joins().forEach(join -> tables.add(join.table().name()));
        if (tables.contains("inventoryitemlocations")) {
            return "inventory";
        }
        return switch (tables.get(0)) {
            case "transaction" -> "orders";
            case "transactionline" -> "order-lines";
            case "inventoryitemlocations" -> "inventory";
            case "pricingwithcustomers", "pricing" -> "prices";
            case "customer" -> "credit";
            case "item" -> "items";
            case "location" -> "locations";
            default -> "suiteql";
        };
    }

}
