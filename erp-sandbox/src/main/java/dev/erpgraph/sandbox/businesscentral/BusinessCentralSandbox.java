package dev.erpgraph.sandbox.businesscentral;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
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

import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.util.UriUtils;

/**
 * A Business Central online tenant over the sandbox data set, on BC's real paths under
 * {@code /sandbox/{id}/}:
 * <ul>
 * <li>{@code POST oauth2/{tenant}/oauth2/v2.0/token}: Entra ID's client-credentials
 * endpoint, with Entra's {@code {"error","error_description","error_codes"}}
 * refusals;</li>
 * <li>{@code GET
 * v2.0/{tenant}/{environment}/api/v2.0/companies({id})/{salesOrders|customers|items|locations}}
 * and {@code POST .../salesOrders} (deep insert of {@code salesOrderLines});</li>
 * <li>{@code GET
 * v2.0/{tenant}/{environment}/api/erpgraph/distribution/v1.0/companies({id})/{itemLocationStocks|
 * customerPriceListLines|customerPricing}}: the distributor's custom API pages (names
 * [I], see the Business Central connector).</li>
 * </ul>
 * It speaks OData v4 as BC does:
 * {@code {"@odata.context","value":[...],"@odata.nextLink"}}, {@code @odata.etag} on
 * every entity, decimals as JSON numbers, dates {@code 2024-06-13} ({@code 0001-01-01}
 * for none), enums as strings. {@code $filter} is parsed for real ({@link ODataFilter} in
 * BC's dialect), {@code $expand}, {@code $select} (also nested) and {@code $top} are
 * applied, other query options are refused with 400. Pages hold at most 20,000 entities,
 * fewer on {@code Prefer: odata.maxpagesize=N}; the next link carries an opaque
 * {@code $skiptoken} (the last key, encoded). Requests need a bearer token it issued (401
 * with BC's body otherwise) and are limited per five-minute window (default 6,000,
 * {@code erp.sandbox.business-central
 * .requests-per-window}), answered 429 with {@code Retry-After} beyond it.
 *
 * <p>
 * The data set rendered as BC would hold it: cancelled orders are absent (BC deletes
 * them); on-hold orders are {@code "In Review"}; shipped and invoiced orders show in
 * {@code fullyShipped} and the lines' quantities; a customer on hold is
 * {@code blocked: "Ship"}. Prices are price list lines as BC assigns them: all-customer
 * lines per quantity break, customer price group lines ({@code DISC5}..{@code DISC15})
 * for some discounted customers, lines of their own for the others, and, for every fifth
 * item, an expired promotion that must be ignored; a customer's navigation to its payment
 * terms is {@code paymentTerm}, as in API v2.0.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/{id}")
class BusinessCentralSandbox {

    static final int MAX_PAGE_SIZE = 20_000;
    static final String CUSTOM_API = "erpgraph/distribution/v1.0";

    private static final Set<String> QUERY_OPTIONS = Set.of("$filter", "$expand", "$select", "$skiptoken", "$top");

    private final SandboxRegistry registry;

    private final int requestsPerWindow;

    private final Map<String, BusinessCentralRateLimit> rateLimits = new ConcurrentHashMap<>();

    BusinessCentralSandbox(SandboxRegistry registry,
            @Value("${erp.sandbox.business-central.requests-per-window:6000}") int requestsPerWindow) {
        this.registry = registry;
        this.requestsPerWindow = requestsPerWindow;
    }

    // ---- API v2.0 and the custom API pages

    @GetMapping("/v2.0/{tenant}/{environment}/api/v2.0/{company}/{entitySet}")
    ResponseEntity<String> standard(@PathVariable String id, @PathVariable String tenant,
            @PathVariable String environment, @PathVariable String company, @PathVariable String entitySet,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "Prefer", required = false) String prefer, HttpServletRequest request) {
        return serve(id, authorization, () -> {
            checkCompany(tenant, environment, company);
            BusinessCentralSandboxEntities.EntitySet set = entities(id).standard(entitySet)
                .orElseThrow(() -> notFound(request));
            return list(sandbox(id), set, prefer, request,
                    "/v2.0/" + tenant + "/" + environment + "/api/v2.0/$metadata#" + company + "/" + entitySet);
        });
    }

    @GetMapping("/v2.0/{tenant}/{environment}/api/{publisher}/{group}/{version}/{company}/{entitySet}")
    ResponseEntity<String> custom(@PathVariable String id, @PathVariable String tenant,
            @PathVariable String environment, @PathVariable String publisher, @PathVariable String group,
            @PathVariable String version, @PathVariable String company, @PathVariable String entitySet,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "Prefer", required = false) String prefer, HttpServletRequest request) {
        return serve(id, authorization, () -> {
            checkCompany(tenant, environment, company);
            if (!CUSTOM_API.equals(publisher + "/" + group + "/" + version)) {
                throw notFound(request);
            }
            BusinessCentralSandboxEntities.EntitySet set = entities(id).custom(entitySet)
                .orElseThrow(() -> notFound(request));
            return list(sandbox(id), set, prefer, request, "/v2.0/" + tenant + "/" + environment + "/api/" + CUSTOM_API
                    + "/$metadata#" + company + "/" + entitySet);
        });
    }

    @PostMapping("/v2.0/{tenant}/{environment}/api/v2.0/{company}/salesOrders")
    ResponseEntity<String> createSalesOrder(@PathVariable String id, @PathVariable String tenant,
            @PathVariable String environment, @PathVariable String company,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody(required = false) String body, HttpServletRequest request) {
        return serve(id, authorization, () -> {
            checkCompany(tenant, environment, company);
            Sandbox sandbox = sandbox(id);
            sandbox.stats().record("create-order");
            JsonNode order;
            try {
                order = SandboxJson.MAPPER.readTree(body == null ? "" : body);
            }
            catch (JacksonException ex) {
                throw new BusinessCentralError(400, "BadRequest", "Invalid Request Body");
            }
            if (order == null || !order.isObject()) {
                throw new BusinessCentralError(400, "BadRequest", "Invalid Request Body");
            }
            Map<String, Object> created = entities(id).create(order, sandbox);
            ObjectNode entity = SandboxJson.MAPPER.createObjectNode();
            entity.put("@odata.context",
                    request.getRequestURL()
                        .toString()
                        .replace("/salesOrders", "/$metadata#" + company + "/salesOrders/$entity"));
            BusinessCentralSandboxEntities.render(created, entity);
            return json(201, entity);
        });
    }

    // ---- paging and rendering

    private ResponseEntity<String> list(Sandbox sandbox, BusinessCentralSandboxEntities.EntitySet set, String prefer,
            HttpServletRequest request, String contextPath) {
        sandbox.stats().record(set.resource());
        for (String name : request.getParameterMap().keySet()) {
            if (name.startsWith("$") && !QUERY_OPTIONS.contains(name)) {
                throw new BusinessCentralError(400, "BadRequest",
                        "The query parameter '" + name + "' is not supported by this sandbox.");
            }
        }
        String skipToken = request.getParameter("$skiptoken");
        String after = skipToken == null ? null : decodeSkipToken(skipToken);
        int pageSize = pageSize(prefer);
        int top = top(request.getParameter("$top"));
        BusinessCentralQuery query = BusinessCentralQuery.parse(set, request.getParameter("$filter"),
                request.getParameter("$expand"), request.getParameter("$select"));
        List<BusinessCentralSandboxEntities.Row> rows = new ArrayList<>(
                top == 0 ? List.of() : set.rows(query.filter()));
        rows.sort(Comparator.comparing(BusinessCentralSandboxEntities.Row::key));
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        String root = request.getRequestURL().toString();
        body.put("@odata.context", root.substring(0, root.indexOf("/v2.0/")) + contextPath);
        ArrayNode value = body.putArray("value");
        String lastKey = null;
        int served = 0;
        boolean more = false;
        for (BusinessCentralSandboxEntities.Row row : rows) {
            if ((after != null && row.key().compareTo(after) <= 0) || !query.matches(row)) {
                continue;
            }
            if (served == top) {
                break;
            }
            if (served == pageSize) {
                more = true;
                break;
            }
            BusinessCentralSandboxEntities.render(query.shape(row, set), value.addObject());
            lastKey = row.key();
            served++;
        }
        if (more) {
            body.put("@odata.nextLink", nextLink(request, lastKey));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(200)
            .contentType(MediaType.parseMediaType("application/json; odata.metadata=minimal; charset=utf-8"))
            .header("OData-Version", "4.0");
        if (prefer != null && pageSize != MAX_PAGE_SIZE) {
            response.header("Preference-Applied", "odata.maxpagesize=" + pageSize);
        }
        return response.body(SandboxJson.MAPPER.writeValueAsString(body));
    }

    private static int top(String value) {
        if (value != null && !value.trim().matches("[0-9]{1,9}")) {
            throw new BusinessCentralError(400, "BadRequest", "The query parameter '$top' is invalid.");
        }
        return value == null ? Integer.MAX_VALUE : Integer.parseInt(value.trim());
    }

    private static int pageSize(String prefer) {
        if (prefer == null) {
            return MAX_PAGE_SIZE;
        }
        for (String preference : prefer.split(",")) {
            String[] parts = preference.trim().split("=", 2);
            if (parts.length == 2 && parts[0].trim().equalsIgnoreCase("odata.maxpagesize")) {
                try {
                    int size = Integer.parseInt(parts[1].trim());
                    if (size > 0) {
                        return Math.min(size, MAX_PAGE_SIZE);
                    }
                }
                catch (NumberFormatException ex) {
                    // an unusable preference is ignored, as preferences are
                }
            }
        }
        return MAX_PAGE_SIZE;
    }

    private static String nextLink(HttpServletRequest request, String lastKey) {
        StringBuilder link = new StringBuilder(request.getRequestURL()).append('?');
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("$skiptoken")) {
                for (String value : values) {
                    link.append(name).append('=').append(UriUtils.encode(value, StandardCharsets.UTF_8)).append('&');
                }
            }
        });
        return link.append("$skiptoken=")
            .append(Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8)))
            .toString();
    }

    private static String decodeSkipToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw new BusinessCentralError(400, "BadRequest", "The skip token value '" + token + "' is invalid.");
        }
    }

    // ---- plumbing

    private interface Handler {

        ResponseEntity<String> handle();

    }

    private ResponseEntity<String> serve(String id, String authorization, Handler handler) {
        Sandbox sandbox = sandbox(id);
        try {
            if (!sandbox.tokens().isValidBearer(authorization)) {
                return ResponseEntity.status(401)
                    .header("WWW-Authenticate",
                            "Bearer authorization_uri=\"https://login.microsoftonline.com/"
                                    + BusinessCentralSandboxErp.TENANT_ID + "/oauth2/authorize\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(errorBody("Authentication_InvalidCredentials",
                            "The server has rejected the client credentials."));
            }
            Duration wait = rateLimit(id).acquire();
            if (wait != null) {
                return ResponseEntity.status(429)
                    .header("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(errorBody("Application_TooManyRequests",
                            "The request exceeded the maximum number of requests allowed in a 5-minute window."));
            }
            return handler.handle();
        }
        catch (BusinessCentralError error) {
            return ResponseEntity.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(errorBody(error.code(), error.getMessage()));
        }
        catch (ODataFilter.Invalid error) {
            return ResponseEntity.status(400)
                .contentType(MediaType.APPLICATION_JSON)
                .body(errorBody("BadRequest", error.getMessage()));
        }
    }

    private BusinessCentralRateLimit rateLimit(String id) {
        return rateLimits.computeIfAbsent(id,
                key -> new BusinessCentralRateLimit(requestsPerWindow, Clock.systemUTC()));
    }

    private final Map<String, BusinessCentralSandboxEntities> entities = new ConcurrentHashMap<>();

    private BusinessCentralSandboxEntities entities(String id) {
        Sandbox sandbox = sandbox(id);
        return entities.computeIfAbsent(id, key -> new BusinessCentralSandboxEntities(sandbox.data(), sandbox.erp()));
    }

    private static void checkCompany(String tenant, String environment, String company) {
        if (!BusinessCentralSandboxErp.TENANT_ID.equals(tenant)
                || !BusinessCentralSandboxErp.ENVIRONMENT.equals(environment)) {
            throw new BusinessCentralError(404, "BadRequest_NotFound",
                    "The environment '" + environment + "' of tenant '" + tenant + "' does not exist.");
        }
        if (!("companies(" + BusinessCentralSandboxErp.COMPANY_ID + ")").equals(company)) {
            throw new BusinessCentralError(404, "BadRequest_NotFound", "The company '" + company + "' does not exist.");
        }
    }

    private static BusinessCentralError notFound(HttpServletRequest request) {
        return new BusinessCentralError(404, "BadRequest_NotFound",
                "No HTTP resource was found that matches the request URI '" + request.getRequestURL() + "'.");
    }

    private Sandbox sandbox(String id) {
        return registry.find(id, SandboxKind.BUSINESS_CENTRAL)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no sandbox " + id));
    }

    static String errorBody(String code, String message) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return SandboxJson.MAPPER.writeValueAsString(body);
    }

    static ResponseEntity<String> json(int status, ObjectNode body) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(SandboxJson.MAPPER.writeValueAsString(body));
    }

}
