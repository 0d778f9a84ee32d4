package dev.erpgraph.federation;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.audit.AccessLogWriter;
import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erpfields.ColdErps;
import dev.erpgraph.sandbox.SandboxRegistry;
import dev.erpgraph.security.TrustedDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This server as an Apollo Federation v2 subgraph, asked what a gateway asks: its SDL
 * names the entities and their keys; {@code _entities} answers each representation with
 * the record {@code Query.account} (or an account's orders) answers directly, a whole
 * batch in one store statement and one request per ERP; and the rules of every other path
 * hold: partner scoping (another partner's record is null like a missing one), scopes,
 * trusted documents for partners, the cost limit.
 */
class FederationTests extends HttpGraphQlTests {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    SandboxRegistry sandboxes;

    @Autowired
    ErpGateway gateway;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccessLogWriter accessLog;

    @BeforeEach
    @AfterEach
    void coldAndCalm() {
        ColdErps.reset(sandboxes, gateway);
    }

    @Test
    void theSdlNamesEveryEntityWithItsKeysAndTheSharedErpSystem() {
        String sdl = graphQl.documentName("serviceSdl").execute().path("_service.sdl").entity(String.class).get();

        assertThat(sdl)
            .contains("@link(import : [\"@key\", \"@shareable\"], url : \"https://specs.apollo.dev/federation/v2.5\")")
            .contains("type Account implements Node @key(fields : \"id\", resolvable : true)")
            .contains("type Contact implements Node @key(fields : \"id\", resolvable : true)")
            .contains("type Opportunity implements Node @key(fields : \"id\", resolvable : true)")
            .contains(
                    "type Order @key(fields : \"erpSystem { id } number\", resolvable : true) @key(fields : \"id\", resolvable : false)")
            .contains("type ErpSystem @shareable");
    }

    @Test
    void eachRepresentationIsAnsweredWithTheRecordItsKeyNamesAsDirectly() {
        Map<String, Object> account = entityKeys("sap", 1).get(0);
        Map<String, Object> contact = first(account, "contacts");
        Map<String, Object> opportunity = first(account, "opportunities");
        Map<String, Object> order = onlyOrder(account);

        List<Map<String, Object>> entities = entities(graphQl,
                List.of(Map.of("__typename", "Account", "id", account.get("id")),
                        Map.of("__typename", "Contact", "id", contact.get("id")),
                        Map.of("__typename", "Opportunity", "id", opportunity.get("id")), orderKey(order)));

        assertThat(entities).containsExactly(
                typed("Account", Map.of("id", account.get("id"), "name", account.get("name"))),
                typed("Contact", contact), typed("Opportunity", opportunity), typed("Order", order));
    }

    @Test
    void unknownIdsIdsOfAnotherTypeAndUnknownOrdersAreNullWithoutError() {
        Map<String, Object> account = entityKeys("netsuite", 1).get(0);
        String contact = (String) first(account, "contacts").get("id");

        GraphQlTester.Response response = graphQl.documentName("entities")
            .variable("representations",
                    List.of(Map.of("__typename", "Account", "id", GlobalId.encode(GlobalId.ACCOUNT, 999_999_999)),
                            Map.of("__typename", "Account", "id", contact),
                            Map.of("__typename", "Account", "id", "not-an-id"),
                            Map.of("__typename", "Order", "erpSystem", Map.of("id", "netsuite"), "number", "SO-NONE"),
                            Map.of("__typename", "Order", "erpSystem", Map.of("id", "no-such-erp"), "number", "1"),
                            Map.of("__typename", "Order", "id", "4000123")))
            .execute();

        response.errors().verify();
        response.path("_entities")
            .entityList(Object.class)
            .hasSize(6)
            .satisfies(list -> assertThat(list).containsOnlyNulls());
    }

    @Test
    void aPartnerGetsItsOwnRecordsAndOrdersAndNullForTheOtherPartnersAsForMissingOnes() {
        String own = partnerAccount("partner-1");
        String foreign = partnerAccount("partner-2");
        Map<String, Object> ownOrder = orderKeyOf(own);
        Map<String, Object> foreignOrder = orderKeyOf(foreign);
        String missing = GlobalId.encode(GlobalId.ACCOUNT, 999_999_999);

        GraphQlTester.Response response = as("demo-partner-1").document(TrustedDocuments.read("partnerEntities"))
            .variable("representations",
                    List.of(Map.of("__typename", "Account", "id", own), Map.of("__typename", "Account", "id", foreign),
                            Map.of("__typename", "Account", "id", missing), ownOrder, foreignOrder))
            .execute();

        response.errors().verify();
        response.path("_entities[0].id").entity(String.class).isEqualTo(own);
        response.path("_entities[1]").valueIsNull();
        response.path("_entities[2]").valueIsNull();
        response.path("_entities[3].number").entity(String.class).isEqualTo((String) ownOrder.get("number"));
        response.path("_entities[4]").valueIsNull();
    }

    @Test
    void entitiesAreInTheAccessLogAsOnEveryOtherPath() throws Exception {
        List<Map<String, Object>> withOrders = entityKeys("sap", 10).stream()
            .filter(account -> !((List<?>) account.get("orders")).isEmpty())
            .limit(2)
            .toList();
        String recordOnly = (String) withOrders.get(0).get("id");
        String ordersOnly = (String) withOrders.get(1).get("id");
        accessLog.flush();
        long mark = jdbc.queryForObject("select coalesce(max(id), 0) from access_log", Long.class);

        entities(graphQl,
                List.of(Map.of("__typename", "Account", "id", recordOnly), orderKey(onlyOrder(withOrders.get(1)))));

        accessLog.flush();
        Map<String, String> logged = new LinkedHashMap<>();
        jdbc.query("select account_id, data_kinds from access_log where id > ? order by id", (ResultSet row) -> {
            logged.put(GlobalId.encode(GlobalId.ACCOUNT, row.getLong("account_id")), row.getString("data_kinds"));
        }, mark);
        assertThat(logged).isEqualTo(Map.of(recordOnly, "CRM", ordersOnly, "ORDERS"));
    }

    @Test
    void aBatchOfAccountsIsOneStoreStatement() {
        List<Map<String, Object>> representations = jdbc
            .queryForList("select id from accounts order by id limit 25", Long.class)
            .stream()
            .map(id -> Map.<String, Object>of("__typename", "Account", "id", GlobalId.encode(GlobalId.ACCOUNT, id)))
            .toList();
        statements.reset();

        List<Map<String, Object>> entities = entities(graphQl, representations);

        assertThat(entities).hasSize(25).doesNotContainNull();
        assertThat(statements.statements()).hasSize(1);
    }

    /**
     * One connector call per ERP for the whole batch: three orders of each ERP cost what
     * one costs (NetSuite's call is two SuiteQL statements, headers then lines, for one
     * order or a thousand).
     */
    @Test
    void aBatchOfOrdersIsOneCallPerErpAndOneStoreStatement() {
        List<String> erps = List.of("sap", "netsuite", "business-central");
        Map<String, List<Map<String, Object>>> orders = new LinkedHashMap<>();
        for (String erp : erps) {
            orders.put(erp,
                    entityKeys(erp, 10).stream()
                        .filter(account -> !((List<?>) account.get("orders")).isEmpty())
                        .limit(3)
                        .map(account -> orderKey(onlyOrder(account)))
                        .toList());
        }
        ColdErps.reset(sandboxes, gateway);
        assertThat(entities(graphQl, orders.values().stream().map(three -> three.get(0)).toList())).hasSize(3)
            .doesNotContainNull();
        Map<String, Map<String, Long>> forOne = requestsOf(erps);
        ColdErps.reset(sandboxes, gateway);
        statements.reset();

        List<Map<String, Object>> entities = entities(graphQl, orders.values().stream().flatMap(List::stream).toList());

        assertThat(entities).hasSize(9).doesNotContainNull();
        assertThat(statements.statements()).hasSize(1);
        assertThat(requestsOf(erps)).isEqualTo(forOne);
        forOne.forEach((erp, requests) -> assertThat(requests).as(erp).containsKey("orders"));
    }

    /**
     * The ERP fields below entities batch as below a page: an account 360 of five
     * accounts asked by key costs every ERP what the page of the same five costs, and
     * answers the same.
     */
    @Test
    void anAccount360OfEntitiesCostsEveryErpWhatThePageOfTheSameAccountsCosts() {
        List<String> erps = List.of("sap", "netsuite", "business-central", "p21", "sxe");
        List<Map<String, Object>> page = graphQl.documentName("account360Page")
            .variable("erpSystemId", "sap")
            .variable("first", 5)
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes")
            .entityList(OBJECT)
            .hasSize(5)
            .get();
        Map<String, Map<String, Long>> forThePage = requestsOf(erps);
        ColdErps.reset(sandboxes, gateway);

        List<Map<String, Object>> entities = graphQl.documentName("entitiesAccount360")
            .variable("representations",
                    page.stream().map(account -> Map.of("__typename", "Account", "id", account.get("id"))).toList())
            .execute()
            .errors()
            .verify()
            .path("_entities")
            .entityList(OBJECT)
            .get();

        assertThat(entities).isEqualTo(page);
        assertThat(requestsOf(erps)).isEqualTo(forThePage);
        assertThat(forThePage.get("sap")).containsKeys("orders", "credit", "prices", "inventory");
    }

    @Test
    void anEntityNeedsTheScopeOfItsData() {
        Map<String, Object> account = entityKeys("sap", 1).get(0);
        String crmOnly = "Bearer " + DemoTokens.fetch(port, "demo-rep", "crm:read");
        HttpGraphQlTester reader = graphQl.mutate()
            .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, crmOnly))
            .build();

        GraphQlTester.Response response = reader.documentName("entities")
            .variable("representations",
                    List.of(Map.of("__typename", "Account", "id", account.get("id")), orderKey(onlyOrder(account))))
            .execute();

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
            assertThat(error.getPath()).isEqualTo("_entities[1]");
        }));
        response.path("_entities[0].id").entity(String.class).isEqualTo((String) account.get("id"));
        response.path("_entities[1]").valueIsNull();
    }

    @Test
    void aPartnerMayNotReadTheSdlNorRunAnUnregisteredEntitiesDocument() {
        as("demo-partner-1").document(TrustedDocuments.read("partnerServiceSdl"))
            .execute()
            .errors()
            .satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));

        as("demo-partner-1").documentName("entities")
            .variable("representations", List.of(Map.of("__typename", "Account", "id", partnerAccount("partner-1"))))
            .execute()
            .errors()
            .satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(
                        error -> assertThat(error.getExtensions()).containsEntry("code", "PERSISTED_QUERY_NOT_FOUND")));
    }

    @Test
    void theCostLimitCountsEveryRepresentation() {
        List<Map<String, Object>> many = IntStream.rangeClosed(1, 15_000)
            .mapToObj(
                    id -> Map.<String, Object>of("__typename", "Account", "id", GlobalId.encode(GlobalId.ACCOUNT, id)))
            .toList();

        graphQl.documentName("entities")
            .variable("representations", many)
            .execute()
            .errors()
            .satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX")));
    }

    private Map<String, Map<String, Long>> requestsOf(List<String> erps) {
        Map<String, Map<String, Long>> requests = new LinkedHashMap<>();
        erps.forEach(erp -> requests.put(erp, sandboxes.find(erp).orElseThrow().stats().snapshot().byResource()));
        return requests;
    }

    private List<Map<String, Object>> entityKeys(String erpSystemId, int first) {
        return graphQl.documentName("entityKeys")
            .variable("erpSystemId", erpSystemId)
            .variable("first", first)
            .execute()
            .path("accounts.nodes")
            .entityList(OBJECT)
            .get();
    }

    private static List<Map<String, Object>> entities(HttpGraphQlTester tester,
            List<Map<String, Object>> representations) {
        GraphQlTester.Response response = tester.documentName("entities")
            .variable("representations", representations)
            .execute();
        response.errors().verify();
        return response.path("_entities").entityList(OBJECT).get();
    }

    private String partnerAccount(String partnerId) {
        Long id = jdbc.queryForObject(
                "select min(a.id) from accounts a where a.partner_id = ?"
                        + " and exists (select 1 from erp_customer_links l where l.account_id = a.id)",
                Long.class, partnerId);
        return GlobalId.encode(GlobalId.ACCOUNT, id);
    }

    private Map<String, Object> orderKeyOf(String accountId) {
        Map<String, Object> order = graphQl.documentName("accountOrderKeys")
            .variable("id", accountId)
            .execute()
            .path("account.orders[0]")
            .entity(OBJECT)
            .get();
        return orderKey(order);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> account, String connection) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) account.get(connection)).get("nodes")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyOrder(Map<String, Object> account) {
        return ((List<Map<String, Object>>) account.get("orders")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> orderKey(Map<String, Object> order) {
        Map<String, Object> system = (Map<String, Object>) order.get("erpSystem");
        return Map.of("__typename", "Order", "erpSystem", Map.of("id", system.get("id")), "number",
                order.get("number"));
    }

    private static Map<String, Object> typed(String type, Map<String, Object> fields) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("__typename", type);
        typed.putAll(fields);
        return typed;
    }

}
