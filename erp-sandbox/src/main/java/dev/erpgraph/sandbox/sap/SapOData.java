package dev.erpgraph.sandbox.sap;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.ODataFilter;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxKind;
import dev.erpgraph.sandbox.SandboxRegistry;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * OData v2 as SAP Gateway serves it, shared by the SAP sandbox's services: the
 * {@code {"d":{"results":[...]}}} envelope with {@code __metadata}, server-driven paging
 * ({@code $top}, {@code $skip}, {@code $skiptoken}, {@code __next},
 * {@code $inlinecount}), {@code $select}, {@code $expand}, Basic or bearer
 * authentication, the session cookie.
 */
final class SapOData {

    private SapOData() {
    }

    static final String ROOT = "/sap/opu/odata/sap";
    static final String SESSION_COOKIE = "SAP_SESSIONID_S4H_100";
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 5000;

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final SecureRandom RANDOM = new SecureRandom();

    static final LocalDate VALID_FROM = LocalDate.of(2024, 1, 1);

    static final LocalDate VALID_TO = LocalDate.of(9999, 12, 31);

    /** Data set indexes of these customer numbers (all customers for null), ascending. */
    static List<Integer> customerIndexes(Sandbox sandbox, Set<String> numbers) {
        List<Integer> indexes = new ArrayList<>();
        if (numbers == null) {
            for (int index = 0; index < sandbox.data().customerCount(); index++) {
                indexes.add(index);
            }
            return indexes;
        }
        numbers.forEach(number -> sandbox.erp().customerIndex(number).ifPresent(indexes::add));
        indexes.sort(null);
        return indexes;
    }

    /**
     * The SAP sandbox {@code erpSystemId} names, or the 404 SAP Gateway answers for a
     * service it does not know.
     */
    static Sandbox sandbox(SandboxRegistry registry, String erpSystemId) {
        return registry.find(erpSystemId, SandboxKind.SAP_S4HANA)
            .orElseThrow(() -> new SapODataError(404, "/IWFND/MED/170",
                    "No service found for namespace '', name '" + erpSystemId + "', version '0001'"));
    }

    /**
     * How every authenticated SAP endpoint starts: find the sandbox, count the call as
     * {@code resource} in its stats (refused calls count too, as on the real system's
     * gateway log), then check the caller's credentials.
     */
    static Sandbox authenticated(SandboxRegistry registry, String erpSystemId, String resource,
            HttpServletRequest request) {
        Sandbox sandbox = sandbox(registry, erpSystemId);
        sandbox.stats().record(resource);
        authenticate(sandbox, request);
        return sandbox;
    }

    /** The request's {@code $filter} over {@code properties}, in SAP's dialect. */
    static FilterExpression filter(HttpServletRequest request, Map<String, Class<?>> properties) {
        return ODataFilter.parse(request.getParameter("$filter"), properties, SapFilterDialect.INSTANCE);
    }

    static void authenticate(Sandbox sandbox, HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (SapWireValues.basic(SapSandboxErp.USER, SapSandboxErp.PASSWORD).equals(authorization)
                || sandbox.tokens().isValidBearer(authorization)) {
            return;
        }
        throw new SapODataError(401, "/IWFND/CM_CONSUMER/101", "Logon failed: user or password is not correct");
    }

    // ---- OData v2 mechanics

    /**
     * One page of a collection, the way RAP services page: 100 rows without {@code $top},
     * {@code $top} cut to 5000, {@code $skip} honoured, {@code $skiptoken} the offset of
     * the next page, and {@code d.__next} whenever rows within the requested range
     * remain.
     */
    static <T> ResponseEntity<String> page(HttpServletRequest request, List<T> matches,
            Function<T, ObjectNode> render) {
        int skip = integer(request, "$skip", 0);
        Integer top = request.getParameter("$top") == null ? null : integer(request, "$top", 0);
        int end = top == null ? matches.size() : (int) Math.min(matches.size(), (long) skip + top);
        int start = integer(request, "$skiptoken", skip);
        int pageSize = top == null ? DEFAULT_PAGE : Math.min(top, MAX_PAGE);
        int pageEnd = Math.min(end, start + pageSize);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode d = root.putObject("d");
        if ("allpages".equals(request.getParameter("$inlinecount"))) {
            d.put("__count", String.valueOf(matches.size()));
        }
        else if (request.getParameter("$inlinecount") != null && !"none".equals(request.getParameter("$inlinecount"))) {
            throw new SapODataError(400, "/IWBEP/CM_MGW_RT/022", "Invalid value for system query option $inlinecount");
        }
        ArrayNode results = d.putArray("results");
        for (int i = Math.max(0, start); i < pageEnd; i++) {
            results.add(render.apply(matches.get(i)));
        }
        if (pageEnd < end) {
            d.put("__next", nextLink(request, pageEnd));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(root));
    }

    static String nextLink(HttpServletRequest request, int skiptoken) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        List<String> parts = new ArrayList<>();
        for (String part : query.split("&")) {
            if (!part.isEmpty() && !part.startsWith("$skiptoken=") && !part.startsWith("%24skiptoken=")) {
                parts.add(part);
            }
        }
        parts.add("$skiptoken=" + skiptoken);
        return request.getRequestURL() + "?" + String.join("&", parts);
    }

    static int integer(HttpServletRequest request, String name, int fallback) {
        String value = request.getParameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        }
        catch (NumberFormatException ex) {
            throw new SapODataError(400, "/IWBEP/CM_MGW_RT/022",
                    "Invalid value '" + value + "' for system query option " + name);
        }
    }

    static boolean expand(HttpServletRequest request, String allowed) {
        String expand = request.getParameter("$expand");
        if (expand == null || expand.isBlank()) {
            return false;
        }
        for (String navigation : expand.split(",")) {
            if (!navigation.trim().equals(allowed)) {
                throw new SapODataError(400, "/IWBEP/CM_MGW_RT/023",
                        "Navigation property '" + navigation.trim() + "' not supported in $expand");
            }
        }
        return true;
    }

    /**
     * The {@code $select}ed properties (null: all), each checked against the entity type.
     * A path into an expanded navigation property ({@code to_Item/Material}) selects the
     * navigation property itself.
     */
    static Set<String> select(HttpServletRequest request, Map<String, Class<?>> properties) {
        List<String> paths = selectPaths(request);
        if (paths == null) {
            return null;
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String path : paths) {
            int slash = path.indexOf('/');
            String property = slash < 0 ? path : path.substring(0, slash);
            if (!properties.containsKey(property) && !property.startsWith("to_")) {
                throw notInSelect(path);
            }
            fields.add(property);
        }
        return fields;
    }

    /**
     * The properties {@code $select} asks of the entities expanded under
     * {@code navigation} ({@code to_Item/Material}), each checked against their entity
     * type; null (all) when it names none of them, or the navigation property itself or
     * {@code navigation/*}.
     */
    static Set<String> selectBelow(HttpServletRequest request, String navigation, Map<String, Class<?>> properties) {
        List<String> paths = selectPaths(request);
        Set<String> fields = new LinkedHashSet<>();
        for (String path : paths == null ? List.<String>of() : paths) {
            if (path.equals(navigation) || path.equals(navigation + "/*")) {
                return null;
            }
            if (path.startsWith(navigation + "/")) {
                String property = path.substring(navigation.length() + 1);
                if (!properties.containsKey(property)) {
                    throw notInSelect(path);
                }
                fields.add(property);
            }
        }
        return fields.isEmpty() ? null : fields;
    }

    private static List<String> selectPaths(HttpServletRequest request) {
        String select = request.getParameter("$select");
        return select == null || select.isBlank() ? null : Stream.of(select.split(",")).map(String::trim).toList();
    }

    private static SapODataError notInSelect(String path) {
        return new SapODataError(400, "/IWBEP/CM_MGW_RT/024", "Property '" + path + "' not found in $select");
    }

    /**
     * An entity as SAP writes it: {@code __metadata} first, then every (or every
     * selected) property.
     */
    /**
     * A page of flat rows of one entity set: the request's {@code $select} over
     * {@code properties}, each row rendered as an entity under the key {@code key} gives
     * it.
     */
    static ResponseEntity<String> rows(HttpServletRequest request, List<Map<String, Object>> matches,
            Map<String, Class<?>> properties, String service, String entitySet,
            Function<Map<String, Object>, String> key) {
        Set<String> select = select(request, properties);
        return page(request, matches, row -> entity(request, service, entitySet, key.apply(row), row, select));
    }

    static ObjectNode entity(HttpServletRequest request, String service, String entitySet, String key,
            Map<String, Object> values, Set<String> select) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode metadata = node.putObject("__metadata");
        String uri = serviceUrl(request, service) + "/" + key;
        metadata.put("id", uri);
        metadata.put("uri", uri);
        metadata.put("type", service + "." + entitySet + "Type");
        Map<String, Object> all = values instanceof LazyEntity lazy ? lazy.materialize() : values;
        all.forEach((property, value) -> {
            if (select != null && !select.contains(property)) {
                return;
            }
            if (value == null) {
                node.putNull(property);
            }
            else if (value instanceof LocalDate date) {
                node.put(property, SapWireValues.date(date));
            }
            else if (value instanceof Instant instant) {
                node.put(property, SapWireValues.dateTimeOffset(instant));
            }
            else if (value instanceof BigDecimal number) {
                node.put(property, number.toPlainString());
            }
            else if (value instanceof Boolean flag) {
                node.put(property, flag);
            }
            else {
                node.put(property, value.toString());
            }
        });
        return node;
    }

    static String serviceUrl(HttpServletRequest request, String service) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf(ROOT) + ROOT.length()) + "/" + service;
    }

    static String session(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null
                : Arrays.stream(cookies)
                    .filter(c -> SESSION_COOKIE.equals(c.getName()))
                    .map(Cookie::getValue)
                    .findFirst()
                    .orElse(null);
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    static ResponseEntity<String> json(int status, ObjectNode body) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(JSON.writeValueAsString(body));
    }

    static Map<String, Class<?>> types(Object... namesAndTypes) {
        Map<String, Class<?>> types = new HashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            for (String name : ((String) namesAndTypes[i]).split(" ")) {
                types.put(name, (Class<?>) namesAndTypes[i + 1]);
            }
        }
        return Map.copyOf(types);
    }

    /**
     * A read-only entity whose properties are computed on access (see {@link #validity}).
     */
    static final class LazyEntity extends AbstractMap<String, Object> {

        private final Set<String> names;

        private final Function<String, Object> values;

        LazyEntity(Set<String> names, Function<String, Object> values) {
            this.names = names;
            this.values = values;
        }

        @Override
        public Object get(Object key) {
            return values.apply((String) key);
        }

        Map<String, Object> materialize() {
            Map<String, Object> all = new LinkedHashMap<>();
            names.stream().sorted().forEach(name -> all.put(name, values.apply(name)));
            return all;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return materialize().entrySet();
        }

    }

}
