package dev.erpgraph.audit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.security.TrustedDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who has seen which account's data, over real HTTP: every answer that holds an account's
 * record or ERP-owned fields is in the access log with the kinds it held, and nothing
 * else is; {@code accessLog} pages it newest first, for {@code audit:read} only. Each
 * test looks at the entries written after it started ({@link AccessLogWriter#flush()}
 * writes what its requests handed over).
 */
class AccessLogTests extends HttpGraphQlTests {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    AccessLogWriter writer;

    @Autowired
    JdbcTemplate jdbc;

    private long mark;

    @BeforeEach
    void markTheLog() throws Exception {
        writer.flush();
        mark = jdbc.queryForObject("select coalesce(max(id), 0) from access_log", Long.class);
    }

    @Test
    void aManagerReadingOrdersAndCreditIsLoggedForExactlyThoseAccounts() throws Exception {
        List<Map<String, Object>> nodes = graphQl.document("""
                { accounts(first: 3, filter: { erpSystemId: "sap" }) {
                    nodes { id name orders(first: 1) { number } creditStatus { onHold } } } }""")
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes")
            .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
            })
            .get();
        assertThat(nodes).hasSize(3).allSatisfy(node -> assertThat(node.get("creditStatus")).isNotNull());

        List<Logged> logged = loggedSinceMark();
        assertThat(logged).extracting(Logged::accountId)
            .containsExactlyElementsOf(sortedByRowId(nodes.stream().map(node -> (String) node.get("id")).toList()));
        assertThat(logged).allSatisfy(entry -> {
            assertThat(entry.dataKinds()).isEqualTo("CRM ORDERS CREDIT");
            assertThat(entry.principal()).isEqualTo("demo-manager");
            assertThat(entry.principalKind()).isEqualTo("USER");
            assertThat(entry.partnerId()).isNull();
        });
        assertThat(logged).extracting(Logged::requestId).containsOnly(logged.get(0).requestId());
    }

    @Test
    void aPartnerRefusedTheCreditStatusIsLoggedForTheRecordOnly() throws Exception {
        GraphQlTester.Response response = as("demo-partner-1").document(TrustedDocuments.read("partnerCreditOfTwo"))
            .execute();
        response.errors()
            .satisfy(errors -> assertThat(errors).hasSize(2)
                .allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
        List<String> ids = response.path("accounts.nodes[*].id").entityList(String.class).hasSize(2).get();

        List<Logged> logged = loggedSinceMark();
        assertThat(logged).extracting(Logged::accountId).containsExactlyElementsOf(sortedByRowId(ids));
        assertThat(logged).allSatisfy(entry -> {
            assertThat(entry.dataKinds()).isEqualTo("CRM");
            assertThat(entry.principal()).isEqualTo("demo-partner-1");
            assertThat(entry.principalKind()).isEqualTo("PARTNER");
            assertThat(entry.partnerId()).isEqualTo("partner-1");
        });
    }

    @Test
    void anAccount360LogsTheErpKindsItsAnswerHeldNestedOnesIncluded() throws Exception {
        List<Map<String, Object>> nodes = graphQl.documentName("account360")
            .variable("erpSystemId", "sap")
            .variable("first", 5)
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes")
            .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
            })
            .get();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map<String, Object> node : nodes) {
            List<?> orders = (List<?>) node.get("orders");
            boolean lines = orders.stream().anyMatch(order -> !((List<?>) ((Map<?, ?>) order).get("lines")).isEmpty());
            String kinds = "CRM ORDERS" + (lines ? " INVENTORY" : "") + ((node.get("price") != null) ? " PRICES" : "")
                    + ((node.get("creditStatus") != null) ? " CREDIT" : "");
            expected.put((String) node.get("id"), kinds);
        }
        // The page holds order lines, so the nested OrderLine.inventory is exercised.
        assertThat(expected.values()).anyMatch(kinds -> kinds.contains("INVENTORY"));

        assertThat(loggedSinceMark().stream().collect(Collectors.toMap(Logged::accountId, Logged::dataKinds)))
            .isEqualTo(expected);
    }

    @Test
    void anOpportunityLinesPriceIsLoggedForItsAccount() throws Exception {
        List<Map<String, Object>> nodes = graphQl.document("""
                { opportunities(first: 10) { nodes { account { id } lines { price { unitPrice { amount } } } } } }""")
            .execute()
            .errors()
            .verify()
            .path("opportunities.nodes")
            .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
            })
            .get();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map<String, Object> node : nodes) {
            String account = (String) ((Map<?, ?>) node.get("account")).get("id");
            boolean priced = ((List<?>) node.get("lines")).stream()
                .anyMatch(line -> ((Map<?, ?>) line).get("price") != null);
            expected.merge(account, priced ? "CRM PRICES" : "CRM",
                    (one, other) -> one.length() > other.length() ? one : other);
        }
        assertThat(expected.values()).contains("CRM PRICES");

        assertThat(loggedSinceMark().stream().collect(Collectors.toMap(Logged::accountId, Logged::dataKinds)))
            .isEqualTo(expected);
    }

    @Test
    void answersWithoutAnAccountLogNothing() throws Exception {
        graphQl.document("{ erpSystems { id health } }").execute().errors().verify();
        graphQl.document("{ inventory(skus: [\"PVC-10000\"], warehouse: \"CLE\") { onHand } }")
            .execute()
            .errors()
            .verify();
        graphQl.document("{ accounts(first: 5) { pageInfo { hasNextPage } } }").execute().errors().verify();

        assertThat(loggedSinceMark()).isEmpty();
    }

    @Test
    void accessLogAnswersNewestFirstWithCursors() throws Exception {
        String id = createAccount(uniqueWord() + " Audited Supply");
        String read = "query($id: ID!) { account(id: $id) { name } }";
        as("demo-rep").document(read).variable("id", id).execute().errors().verify();
        graphQl.document(read).variable("id", id).execute().errors().verify();
        writer.flush();

        String page = """
                query($id: ID!, $after: String) { accessLog(accountId: $id, first: 2, after: $after) {
                  edges { cursor node { at principal principalKind partnerId dataKinds requestId } }
                  pageInfo { hasNextPage hasPreviousPage endCursor } } }""";
        GraphQlTester.Traversable first = graphQl.document(page).variable("id", id).execute().errors().verify();
        first.path("accessLog.edges[*].node.principal")
            .entityList(String.class)
            .containsExactly("demo-manager", "demo-rep");
        first.path("accessLog.edges[0].node")
            .entity(OBJECT)
            .satisfies(entry -> assertThat(entry).containsEntry("principalKind", "USER")
                .containsEntry("partnerId", null)
                .containsEntry("dataKinds", List.of("CRM"))
                .containsKeys("at", "requestId"));
        first.path("accessLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        first.path("accessLog.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String endCursor = first.path("accessLog.pageInfo.endCursor").entity(String.class).get();
        first.path("accessLog.edges[1].cursor").entity(String.class).isEqualTo(endCursor);

        // The oldest entry: the answer of the createAccount mutation, which held the
        // record.
        GraphQlTester.Traversable second = graphQl.document(page)
            .variable("id", id)
            .variable("after", endCursor)
            .execute()
            .errors()
            .verify();
        second.path("accessLog.edges[*].node.principal").entityList(String.class).containsExactly("demo-manager");
        second.path("accessLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        second.path("accessLog.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void anotherPartnersOrAnUnknownAccountHasAnEmptyLog() {
        String unknown = GlobalId.encode(GlobalId.ACCOUNT, Long.MAX_VALUE);
        graphQl.document("query($id: ID!) { accessLog(accountId: $id) { nodes { principal } } }")
            .variable("id", unknown)
            .execute()
            .errors()
            .verify()
            .path("accessLog.nodes")
            .entityList(Object.class)
            .hasSize(0);
    }

    @Test
    void aPartnerMayNotReadTheLog() {
        String id = GlobalId.encode(GlobalId.ACCOUNT, 1);
        as("demo-partner-1").document(TrustedDocuments.read("partnerAccessLog"))
            .variable("id", id)
            .execute()
            .errors()
            .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")
                    .containsEntry("scope", "audit:read");
                assertThat(error.getPath()).isEqualTo("accessLog");
            }))
            // ... and the null reaches the (nullable) data itself.
            .path("accessLog")
            .pathDoesNotExist();
    }

    private List<Logged> loggedSinceMark() throws Exception {
        writer.flush();
        return jdbc.query(
                "select account_id, data_kinds, principal, principal_kind, partner_id, request_id from access_log"
                        + " where id > ? order by id",
                (rs, row) -> new Logged(GlobalId.encode(GlobalId.ACCOUNT, rs.getLong("account_id")),
                        rs.getString("data_kinds"), rs.getString("principal"), rs.getString("principal_kind"),
                        rs.getString("partner_id"), rs.getString("request_id")),
                mark);
    }

    /** One answer's entries are written in account order. */
    private static List<String> sortedByRowId(List<String> accountIds) {
        return accountIds.stream().sorted(byRowId()).toList();
    }

    private static Comparator<String> byRowId() {
        return Comparator.comparingLong(id -> GlobalId.decode(id, GlobalId.ACCOUNT, "id"));
    }

    private record Logged(String accountId, String dataKinds, String principal, String principalKind, String partnerId,
            String requestId) {
    }

}
