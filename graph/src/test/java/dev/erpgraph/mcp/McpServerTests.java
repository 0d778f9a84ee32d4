package dev.erpgraph.mcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.erpgraph.DemoTokens;
import dev.erpgraph.audit.AccessLogWriter;
import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.erpfields.ContextSightings;
import dev.erpgraph.erpfields.ContextSightings.Sighting;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpResource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The MCP server as an AI agent uses it, with the MCP Java SDK's own client over HTTP
 * against the running server and its sandbox ERPs: the tools and their input schemas,
 * each tool on the demo data (answering what {@code /graphql} answers for the tool's
 * document, freshness made plain), partner scoping and audit, the credential, and an ERP
 * outage.
 */
class McpServerTests extends HttpGraphQlTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private static final String SKU = "PVC-10000";

    private static final String WAREHOUSE = "CLE";

    /**
     * The header the test context's AuditPrincipal interceptor reads into the request's
     * context.
     */
    private static final String AUDIT_PRINCIPAL = "X-Audit-Principal";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccessLogWriter accessLog;

    @Autowired
    ErpGateway gateway;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    JWKSource<SecurityContext> demoSigningKey;

    @Autowired
    ContextSightings sightings;

    private McpAgent manager;

    @BeforeEach
    void connect() {
        manager = McpAgent.connected(port, DemoTokens.bearer(port, DemoTokens.MANAGER));
    }

    @AfterEach
    void disconnect() {
        manager.close();
    }

    @Test
    void listsFourReadOnlyToolsWithTheArgumentsAnAgentFillsIn() {
        List<Tool> tools = manager.tools();

        assertThat(tools).extracting(Tool::name).containsExactly("find_accounts", "account_360", "stock", "price");
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.description()).contains("freshness").contains("errors");
            assertThat(tool.annotations().readOnlyHint()).isTrue();
            assertThat(tool.inputSchema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
        });
        assertThat(tools).extracting(tool -> (Object) ((Map<?, ?>) tool.inputSchema().get("properties")).keySet())
            .containsExactly(keys("name", "first"), keys("accountId"), keys("skus", "warehouse"),
                    keys("accountId", "sku", "quantity"));
        assertThat(tools).extracting(tool -> tool.inputSchema().get("required"))
            .containsExactly(List.of("name"), List.of("accountId"), List.of("skus"), List.of("accountId", "sku"));
    }

    @Test
    void findAccountsFindsTheAccountsWhoseNameContainsTheText() {
        String word = uniqueWord();
        String first = createAccount("Alpha " + word + " Supply");
        String second = createAccount("Beta " + word.toUpperCase() + " Pipe");
        createAccount("Gamma Fittings " + uniqueWord());

        Map<String, Object> answer = manager.answer("find_accounts", Map.of("name", word));

        assertThat(answer).containsOnlyKeys("accounts");
        assertThat(path(answer, "accounts.totalCount")).isEqualTo(2);
        assertThat(nodes(answer, "accounts")).extracting(account -> account.get("id"), account -> account.get("name"))
            .containsExactly(tuple(first, "Alpha " + word + " Supply"),
                    tuple(second, "Beta " + word.toUpperCase() + " Pipe"));
    }

    @Test
    void account360AnswersWhatGraphQlAnswersWithEveryErpValuesFreshness() {
        Account account = linkedAccount("sap");

        Map<String, Object> answer = manager.answer("account_360", Map.of("accountId", account.id()));

        assertThat(answer).containsOnlyKeys("account");
        assertThat(withoutFreshness(answer))
            .isEqualTo(withoutFreshness(viaGraphQl("mcpAccount360", "account", Map.of("accountId", account.id()))));
        assertThat(path(answer, "account.name")).isEqualTo(account.name());
        assertFresh(path(answer, "account.creditStatus.freshness"), "sap");
        List<Map<String, Object>> orders = list(path(answer, "account.orders"));
        assertThat(orders).as("the demo account has orders").isNotEmpty();
        assertThat(orders).allSatisfy(order -> assertFresh(order.get("freshness"), "sap"));
        assertThat(nodes(answer, "account.opportunities"))
            .allSatisfy(opportunity -> assertThat(opportunity.get("stage")).isIn("PROSPECTING", "QUALIFICATION",
                    "PROPOSAL", "NEGOTIATION"));
    }

    @Test
    void stockAnswersEachErpsLevelOfTheItemsInTheWarehouseWithItsFreshness() {
        Map<String, Object> arguments = Map.of("skus", List.of(SKU), "warehouse", WAREHOUSE);

        Map<String, Object> answer = manager.answer("stock", arguments);

        List<Map<String, Object>> levels = list(answer.get("inventory"));
        assertThat(levels).as("every demo ERP stocks it at Cleveland").hasSize(5);
        assertThat(levels).allSatisfy(level -> {
            assertThat(level).containsEntry("sku", SKU).containsEntry("warehouse", WAREHOUSE);
            assertThat(freshness(level).get("stale")).isEqualTo(false);
        });
        assertThat(levels).extracting(level -> freshness(level).get("erpSystem"))
            .containsExactlyInAnyOrder("sap", "netsuite", "business-central", "p21", "sxe");
        assertThat(withoutFreshness(answer))
            .isEqualTo(withoutFreshness(viaGraphQl("mcpStock", "inventory", arguments)));
    }

    @Test
    void priceAnswersTheAccountsOwnPriceFromItsErp() {
        Account account = linkedAccount("netsuite");
        Map<String, Object> arguments = Map.of("accountId", account.id(), "sku", SKU, "quantity", 10);

        Map<String, Object> answer = manager.answer("price", arguments);

        assertThat(path(answer, "account.price.sku")).isEqualTo(SKU);
        assertThat(path(answer, "account.price.quantity")).isEqualTo("10");
        assertFresh(path(answer, "account.price.freshness"), "netsuite");
        assertThat(withoutFreshness(answer)).isEqualTo(withoutFreshness(viaGraphQl("mcpPrice", "account", arguments)));
    }

    @Test
    void anUnknownAccountIsAToolErrorNamingNotFound() {
        String unknown = GlobalId.encode("Account", 987_654_321L);

        assertThat(manager.error("account_360", Map.of("accountId", unknown))).containsEntry("code", "NOT_FOUND")
            .containsEntry("path", "account");
        assertThat(manager.error("price", Map.of("accountId", unknown, "sku", SKU))).containsEntry("code", "NOT_FOUND")
            .containsEntry("path", "account");
    }

    @Test
    void argumentsOutsideAToolsInputSchemaAreRefusedAsBadUserInput() {
        assertThat(manager.error("stock", Map.of("skus", List.of()))).containsEntry("code", "BAD_USER_INPUT")
            .hasEntrySatisfying("message", message -> assertThat((String) message).contains("skus"));
        assertThat(manager.error("find_accounts", Map.of())).containsEntry("code", "BAD_USER_INPUT")
            .hasEntrySatisfying("message", message -> assertThat((String) message).contains("name"));
        assertThat(manager.error("price", Map.of("accountId", "x", "sku", SKU, "discount", 5))).containsEntry("code",
                "BAD_USER_INPUT");
    }

    @Test
    void aPartnersAgentSeesOnlyThePartnersAccountsAndAnotherPartnersAnswersExactlyAsAMissingOne() {
        Account own = partnerAccount("partner-1");
        Account others = partnerAccount("partner-2");
        String unknown = GlobalId.encode("Account", 987_654_321L);
        try (McpAgent partner = McpAgent.connected(port, DemoTokens.bearer(port, "demo-partner-1"))) {
            assertThat(path(partner.answer("account_360", Map.of("accountId", own.id())), "account.id"))
                .isEqualTo(own.id());

            assertThat(partner.call("account_360", Map.of("accountId", others.id())))
                .isEqualTo(partner.call("account_360", Map.of("accountId", unknown)));
            assertThat(partner.error("price", Map.of("accountId", others.id(), "sku", SKU)))
                .isEqualTo(partner.error("price", Map.of("accountId", unknown, "sku", SKU)));

            Map<String, Object> found = partner.answer("find_accounts", Map.of("name", others.name(), "first", 50));
            assertThat(nodes(found, "accounts")).extracting(account -> account.get("id"))
                .containsExactlyElementsOf(idsNamed(others.name(), "partner-1"))
                .doesNotContain(others.id());
        }
    }

    @Test
    void aPartnersAgentIsHeldToItsScopesAndAuditedAsThePartner() throws Exception {
        Account own = partnerAccount("partner-1");
        try (McpAgent partner = McpAgent.connected(port, DemoTokens.bearer(port, "demo-partner-1"))) {
            Map<String, Object> answer = partner.answer("account_360", Map.of("accountId", own.id()));

            // No erp:credit scope: the credit is refused, the rest answered.
            assertThat(path(answer, "account.creditStatus")).isNull();
            assertThat(list(answer.get("errors"))).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("path", "account.creditStatus")
                    .containsEntry("code", "FORBIDDEN"));
            assertThat(path(answer, "account.name")).isEqualTo(own.name());
        }
        accessLog.flush();

        Map<String, Object> entry = jdbc.queryForMap("select principal, principal_kind, partner_id, data_kinds"
                + " from access_log where account_id = ? order by id desc limit 1", own.key());
        assertThat(entry).containsEntry("principal", "demo-partner-1")
            .containsEntry("principal_kind", "PARTNER")
            .containsEntry("partner_id", "partner-1");
        assertThat((String) entry.get("data_kinds")).startsWith("CRM").doesNotContain("CREDIT");
    }

    @Test
    void theAgentsPrincipalReachesEveryLoaderAndErpCallThoughTheSdkRunsToolsOnThreadsOfItsOwn() {
        Account account = linkedAccount("sxe");
        coldCache("sxe");
        sightings.clear();
        Map<String, String> headers = Map.of(HttpHeaders.AUTHORIZATION, DemoTokens.bearer(port, "demo-rep"),
                AUDIT_PRINCIPAL, "agent-7");
        try (McpAgent agent = McpAgent.connected(port, headers)) {
            agent.answer("account_360", Map.of("accountId", account.id()));
        }

        List<Sighting> seen = sightings.sightings();
        assertThat(seen).extracting(Sighting::where)
            .contains("loader accountOrders", "loader creditStatus", "sxe orders", "sxe credit");
        assertThat(seen).allSatisfy(sighting -> {
            assertThat(sighting.caller()).as(sighting.toString()).isEqualTo("demo-rep");
            assertThat(sighting.principal()).as(sighting.toString()).isEqualTo("agent-7");
            assertThat(sighting.mdc()).as(sighting.toString()).isEqualTo("agent-7");
        });
        sightings.clear();
    }

    @Test
    void withoutACredentialTheEndpointAnswers401AsGraphQlDoes() throws IOException, InterruptedException {
        HttpResponse<String> response = initialize(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains("UNAUTHENTICATED");
        try (McpAgent anonymous = McpAgent.of(port, Map.of())) {
            assertThatThrownBy(() -> anonymous.client().initialize()).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void everyRequestOfAnAgentCountsAgainstItsPrincipalsRateLimit() throws IOException, InterruptedException {
        // Its limit is 2 a minute.
        String bearer = "Bearer " + DemoTokens.minted(demoSigningKey, "mcp-rate-limit-probe", "crm:read");

        assertThat(initialize(bearer).statusCode()).isEqualTo(200);
        assertThat(initialize(bearer).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = initialize(bearer);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("RATE_LIMITED");
        // Other principals are not held back by it.
        assertThat(manager.answer("find_accounts", Map.of("name", "Supply", "first", 1))).containsKey("accounts");
    }

    @Test
    void anErpDownLeavesItsValuesNullWithATypedErrorAndEveryCrmValueInPlace() {
        Account account = linkedAccount("p21");
        Map<String, Object> crmOnly = viaGraphQl("mcpAccount360", "account", Map.of("accountId", account.id()));
        try {
            faults("p21", Map.of("down", true));
            coldCache("p21");

            Map<String, Object> answer = manager.answer("account_360", Map.of("accountId", account.id()));

            assertThat(path(answer, "account.creditStatus")).isNull();
            assertThat(path(answer, "account.orders")).isEqualTo(List.of());
            assertThat(list(answer.get("errors"))).extracting(error -> error.get("path"))
                .containsExactlyInAnyOrder("account.creditStatus", "account.orders");
            assertThat(list(answer.get("errors")))
                .allSatisfy(error -> assertThat(error).containsEntry("code", "ERP_UNAVAILABLE")
                    .containsEntry("erpSystemId", "p21"));
            for (String crmField : List.of("id", "name", "industry", "phone", "website", "billingAddress", "erpLinks",
                    "opportunities")) {
                assertThat(path(answer, "account." + crmField)).as(crmField)
                    .isEqualTo(path(crmOnly, "account." + crmField));
            }
            // Where the ERP's value is the whole answer, its failure is the tool's.
            assertThat(manager.error("price", Map.of("accountId", account.id(), "sku", SKU)))
                .containsEntry("code", "ERP_UNAVAILABLE")
                .containsEntry("path", "account.price");
        }
        finally {
            faults("p21", Map.of("down", false));
            coldCache("p21");
            breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        }
    }

    // --- the demo data

    /** A demo account: its global id, its database key and its name. */
    record Account(String id, long key, String name) {
    }

    /** An internal (non-partner) account linked to one ERP system only. */
    private Account linkedAccount(String erpSystemId) {
        return account(jdbc.queryForObject(
                "select min(a.id) from accounts a join erp_customer_links l"
                        + " on l.account_id = a.id where l.erp_system_id = ? and a.partner_id is null"
                        + " and (select count(*) from erp_customer_links m where m.account_id = a.id) = 1"
                        + " and exists (select 1 from opportunities o where o.account_id = a.id)",
                Long.class, erpSystemId));
    }

    private Account partnerAccount(String partnerId) {
        return account(jdbc.queryForObject(
                "select min(a.id) from accounts a where a.partner_id = ?"
                        + " and exists (select 1 from erp_customer_links l where l.account_id = a.id)",
                Long.class, partnerId));
    }

    private Account account(long key) {
        String name = jdbc.queryForObject("select name from accounts where id = ?", String.class, key);
        return new Account(GlobalId.encode("Account", key), key, name);
    }

    /** The ids of one partner's accounts whose name contains a text, oldest first. */
    private List<String> idsNamed(String text, String partnerId) {
        return jdbc
            .queryForList("select id from accounts where partner_id = ? and lower(name) like ? order by id", Long.class,
                    partnerId, "%" + text.toLowerCase() + "%")
            .stream()
            .map(key -> GlobalId.encode("Account", key))
            .toList();
    }

    // --- helpers

    /** What /graphql answers for a tool's document, as its data (one root field). */
    private Map<String, Object> viaGraphQl(String document, String field, Map<String, Object> variables) {
        try {
            String text = new ClassPathResource("trusted-documents/" + document + ".graphql")
                .getContentAsString(StandardCharsets.UTF_8);
            return Map.of(field,
                    graphQl.document(text).variables(variables).execute().path(field).entity(Object.class).get());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** An MCP initialize request as any client sends it, with a credential or none. */
    private HttpResponse<String> initialize(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}", StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void faults(String erp, Map<String, Object> faults) {
        RestClient.create("http://127.0.0.1:" + port)
            .put()
            .uri("/sandbox/{id}/_admin/faults", erp)
            .contentType(MediaType.APPLICATION_JSON)
            .body(faults)
            .retrieve()
            .toBodilessEntity();
    }

    private void coldCache(String erp) {
        for (ErpResource resource : ErpResource.values()) {
            gateway.evictAll(erp, resource);
        }
    }

    private static void assertFresh(Object freshness, String erp) {
        assertThat(freshness).isInstanceOf(Map.class);
        Map<?, ?> plain = (Map<?, ?>) freshness;
        assertThat(new ArrayList<Object>(plain.keySet())).containsExactly("erpSystem", "fetchedAt", "ageSeconds",
                "fromCache", "stale");
        assertThat(plain.get("erpSystem")).isEqualTo(erp);
        assertThat(plain.get("stale")).isEqualTo(false);
        assertThat(((Number) plain.get("ageSeconds")).longValue()).isBetween(0L, 300L);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> freshness(Map<String, Object> value) {
        return (Map<String, Object>) value.get("freshness");
    }

    /** The same answer without its freshness, which differs from call to call. */
    private static Object withoutFreshness(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> without = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                if (!"freshness".equals(key)) {
                    without.put(key, withoutFreshness(item));
                }
            });
            return without;
        }
        if (value instanceof List<?> list) {
            List<Object> without = new ArrayList<>();
            list.forEach(item -> without.add(withoutFreshness(item)));
            return without;
        }
        return value;
    }

    private static Object path(Map<String, Object> answer, String path) {
        Object value = answer;
        for (String field : path.split("\\.")) {
            value = ((Map<?, ?>) value).get(field);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<Map<String, Object>> nodes(Map<String, Object> answer, String connection) {
        return list(path(answer, connection + ".nodes"));
    }

    private static Set<String> keys(String... names) {
        return Set.of(names);
    }

}
