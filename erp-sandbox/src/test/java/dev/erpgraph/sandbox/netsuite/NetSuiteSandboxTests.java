package dev.erpgraph.sandbox.netsuite;

import java.util.List;
import java.util.Map;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.SandboxServerTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The NetSuite sandbox speaks NetSuite's wire format: raw requests, no connector. */
class NetSuiteSandboxTests extends SandboxServerTests {

    private static final String ID = "netsuite";

    private static final String SUITEQL = "/sandbox/netsuite/services/rest/query/v1/suiteql";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Answer(int status, JsonNode body) {
    }

    private Answer suiteQl(String query, String pathAndQuery, boolean authorized, boolean transientPreference) {
        var request = http().post().uri(pathAndQuery).contentType(MediaType.APPLICATION_JSON).body(Map.of("q", query));
        if (authorized) {
            request = request.header("Authorization", "Bearer " + sandbox(ID).tokens().issue(3600));
        }
        if (transientPreference) {
            request = request.header("Prefer", "transient");
        }
        ResponseEntity<String> response = request.retrieve().onStatus(status -> true, (req, res) -> {
        }).toEntity(String.class);
        return new Answer(response.getStatusCode().value(), JSON.readTree(response.getBody()));
    }

    private Answer suiteQl(String query, String pathAndQuery) {
        return suiteQl(query, pathAndQuery, true, true);
    }

    @Test
    void refusesACallWithoutTokenWithInvalidLogin() {
        Answer answer = suiteQl("SELECT c.id FROM customer c ORDER BY c.id", SUITEQL, false, true);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("type").asString())
            .isEqualTo("https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2");
        assertThat(answer.body().get("title").asString()).isEqualTo("Unauthorized");
        assertThat(answer.body().get("status").asInt()).isEqualTo(401);
        JsonNode detail = answer.body().get("o:errorDetails").get(0);
        assertThat(detail.get("o:errorCode").asString()).isEqualTo("INVALID_LOGIN");
        assertThat(detail.get("detail").asString()).startsWith("Invalid login attempt.");
    }

    @Test
    void pagesWithLinksAndAnswersEveryValueAsAString() {
        String query = "SELECT c.id, c.creditlimit, c.oncredithold FROM customer c WHERE c.id IN (1001, 1002, 1003)"
                + " ORDER BY c.id";
        Answer first = suiteQl(query, SUITEQL + "?limit=2&offset=0");

        assertThat(first.status()).isEqualTo(200);
        JsonNode body = first.body();
        assertThat(body.properties().stream().map(Map.Entry::getKey).toList()).containsExactlyInAnyOrder("links",
                "count", "hasMore", "items", "offset", "totalResults");
        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(body.get("hasMore").booleanValue()).isTrue();
        assertThat(body.get("offset").asInt()).isZero();
        assertThat(body.get("totalResults").asInt()).isEqualTo(3);
        assertThat(body.get("links").valueStream().map(link -> link.get("rel").asString()).toList())
            .containsExactly("self", "next", "last");
        String next = body.get("links").get(1).get("href").asString();
        assertThat(next).endsWith(SUITEQL + "?limit=2&offset=2");
        JsonNode item = body.get("items").get(0);
        assertThat(item.get("links").isArray()).isTrue();
        assertThat(item.get("id").isString()).isTrue();
        assertThat(item.get("id").asString()).isEqualTo("1001");
        assertThat(item.get("creditlimit").isString()).isTrue();
        assertThat(item.get("oncredithold").asString()).isIn("T", "F");

        Answer second = suiteQl(query, next.substring(next.indexOf("/sandbox/")));
        assertThat(second.body().get("count").asInt()).isEqualTo(1);
        assertThat(second.body().get("hasMore").booleanValue()).isFalse();
        assertThat(second.body().get("items").get(0).get("id").asString()).isEqualTo("1003");
    }

    @Test
    void answersDatesInTheAccountFormatUnlessPinnedWithToChar() {
        DistributorDataSet.Order order = sandbox(ID).data().ordersOf(0).get(0);
        Answer answer = suiteQl("SELECT t.trandate, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS iso, BUILTIN.DF(t.status)"
                + " AS statustext FROM transaction t WHERE t.id = " + NetSuiteSandboxErp.orderId(order.sequence())
                + " ORDER BY t.id", SUITEQL);
        JsonNode item = answer.body().get("items").get(0);
        assertThat(item.get("trandate").asString()).isEqualTo(order.orderDate().getMonthValue() + "/"
                + order.orderDate().getDayOfMonth() + "/" + order.orderDate().getYear());
        assertThat(item.get("iso").asString()).isEqualTo(order.orderDate().toString());
        assertThat(item.get("statustext").asString()).startsWith("Sales Order : ");
    }

    @Test
    void storesSalesLinesNegativeBesideAMainLine() {
        DistributorDataSet.Order order = sandbox(ID).data().ordersOf(0).get(0);
        Answer answer = suiteQl(
                "SELECT tl.mainline, tl.quantity, tl.netamount FROM transactionline tl" + " WHERE tl.transaction = "
                        + NetSuiteSandboxErp.orderId(order.sequence()) + " ORDER BY tl.linesequencenumber",
                SUITEQL);
        List<JsonNode> items = answer.body().get("items").valueStream().toList();
        assertThat(items).hasSize(order.lines().size() + 1);
        assertThat(items.get(0).get("mainline").asString()).isEqualTo("T");
        assertThat(items.get(1).get("mainline").asString()).isEqualTo("F");
        assertThat(items.get(1).get("quantity").asString())
            .isEqualTo(order.lines().get(0).quantity().negate().toPlainString());
        assertThat(items.get(1).get("netamount").asString()).startsWith("-");
    }

    @Test
    void refusesWhatItCannotParseAsAnInvalidSearchQuery() {
        for (String query : List.of("SELECT c.id FROM customer c; DROP TABLE customer",
                "SELECT c.balance FROM customer c", "SELECT c.id FROM customer c WHERE c.id = 1 ORDER",
                "DELETE FROM customer")) {
            Answer answer = suiteQl(query, SUITEQL);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.body().get("title").asString()).isEqualTo("Bad Request");
            JsonNode detail = answer.body().get("o:errorDetails").get(0);
            assertThat(detail.get("o:errorCode").asString()).isEqualTo("INVALID_PARAMETER");
            assertThat(detail.get("detail").asString()).startsWith("Invalid search query");
        }
    }

    @Test
    void treatsAQuotedCommentAsData() {
        Answer answer = suiteQl("SELECT c.id FROM customer c WHERE c.companyname = 'x'' -- ' ORDER BY c.id", SUITEQL);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("totalResults").asInt()).isZero();
    }

    @Test
    void showsAnUnescapedValueAsAWidenedResult() {
        // What an unescaped customer number would do: the sandbox understands OR, so
        // widening is visible.
        Answer answer = suiteQl("SELECT c.id FROM customer c WHERE c.id = 1001 OR 1 = 1 ORDER BY c.id", SUITEQL);
        assertThat(answer.body().get("totalResults").asInt()).isEqualTo(DistributorDataSet.CUSTOMERS);
        Answer quoted = suiteQl("SELECT i.id FROM item i WHERE i.itemid = 'PVC-10000'' OR ''1''=''1' ORDER BY i.id",
                SUITEQL);
        assertThat(quoted.body().get("totalResults").asInt()).isZero();
    }

    @Test
    void insistsOnPreferTransientAndOnOffsetsThatAreMultiplesOfTheLimit() {
        Answer noPrefer = suiteQl("SELECT c.id FROM customer c ORDER BY c.id", SUITEQL, true, false);
        assertThat(noPrefer.status()).isEqualTo(400);
        assertThat(noPrefer.body().get("o:errorDetails").get(0).get("o:errorCode").asString())
            .isEqualTo("INVALID_HEADER");

        Answer badOffset = suiteQl("SELECT c.id FROM customer c ORDER BY c.id", SUITEQL + "?limit=10&offset=5");
        assertThat(badOffset.status()).isEqualTo(400);

        Answer tooLarge = suiteQl("SELECT c.id FROM customer c ORDER BY c.id", SUITEQL + "?limit=1001");
        assertThat(tooLarge.status()).isEqualTo(400);
    }

    @Test
    void refusesAClientAssertionItCannotVerify() {
        ResponseEntity<String> response = http().post()
            .uri("/sandbox/netsuite/services/rest/auth/oauth2/v1/token")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body("grant_type=client_credentials&client_assertion_type="
                    + "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                    + "&client_assertion=eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln")
            .retrieve()
            .onStatus(status -> true, (req, res) -> {
            })
            .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("error").asString()).isEqualTo("invalid_grant");
    }

    /** {@code POST record/v1/salesOrder} of two lines under an external id. */
    private ResponseEntity<String> createOrder(int customerIndex, String externalId) {
        String body = """
                {"entity":{"id":%s},"externalId":"%s","otherRefNum":"PO 4711","shipDate":"2026-11-20",
                 "item":{"items":[{"item":{"id":%d},"quantity":4},{"item":{"id":%d},"quantity":1,"location":{"id":3}}]}}"""
            .formatted(sandbox(ID).erp().customerNumber(customerIndex), externalId, NetSuiteSandboxTables.ITEM_ID_BASE,
                    NetSuiteSandboxTables.ITEM_ID_BASE + 3);
        return http().post()
            .uri("/sandbox/netsuite/services/rest/record/v1/salesOrder")
            .header("Authorization", "Bearer " + sandbox(ID).tokens().issue(3600))
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .onStatus(status -> true, (req, res) -> {
            })
            .toEntity(String.class);
    }

    private JsonNode ordersByExternalId(String externalId) {
        return suiteQl("SELECT t.id, t.tranid, t.otherrefnum FROM transaction t WHERE t.type = 'SalesOrd'"
                + " AND t.externalid = '" + externalId + "' ORDER BY t.id", SUITEQL)
            .body()
            .path("items");
    }

    @Test
    void aCreatedOrderIsListedByTheAdminApiWithItsExternalId() {
        int customer = customerIndex(ID, false);

        ResponseEntity<String> created = createOrder(customer, "NS-LISTED-1");

        assertThat(created.getStatusCode().value()).isEqualTo(204);
        List<JsonNode> listed = createdOrders(ID, "NS-LISTED-1");
        assertThat(listed).hasSize(1);
        JsonNode order = listed.get(0);
        JsonNode row = ordersByExternalId("NS-LISTED-1").get(0);
        assertThat(created.getHeaders().getLocation()).hasToString("http://127.0.0.1:" + port
                + "/sandbox/netsuite/services/rest/record/v1/salesOrder/" + row.path("id").asString());
        assertThat(order.path("orderNumber").asString()).isEqualTo(row.path("tranid").asString());
        assertThat(order.path("customerNumber").asString()).isEqualTo(sandbox(ID).erp().customerNumber(customer));
        assertThat(order.path("lines")).hasSize(2);
        assertThat(order.path("lines").get(1).path("warehouse").asString()).isEqualTo("DET");
        assertThat(row.path("otherrefnum").asString()).isEqualTo("PO 4711");
    }

    @Test
    void commitThenFailCommitsTheOrderAnswers500AndSuiteQlFindsItByExternalId() {
        int customer = customerIndex(ID, false);
        commitThenFail(ID, 1.0);

        ResponseEntity<String> lost = createOrder(customer, "NS-LOST-1");
        commitThenFail(ID, 0.0);
        ResponseEntity<String> replay = createOrder(customer, "NS-LOST-1");

        assertThat(lost.getStatusCode().value()).isEqualTo(500);
        assertThat(replay.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(replay.getBody()).path("o:errorDetails").get(0).path("o:errorCode").asString())
            .isEqualTo("DUP_RCRD");
        List<JsonNode> listed = createdOrders(ID, "NS-LOST-1");
        assertThat(listed).hasSize(1);
        JsonNode found = ordersByExternalId("NS-LOST-1");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("tranid").asString()).isEqualTo(listed.get(0).path("orderNumber").asString());
    }

    @Test
    void aCustomerOnCreditHoldIsRefusedAndNothingIsSaved() {
        ResponseEntity<String> refused = createOrder(customerIndex(ID, true), "NS-HELD-1");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode detail = JSON.readTree(refused.getBody()).path("o:errorDetails").get(0);
        assertThat(detail.path("o:errorCode").asString()).isEqualTo("USER_ERROR");
        assertThat(detail.path("detail").asString())
            .isEqualTo("This customer is on credit hold. The order cannot be saved.");
        assertThat(createdOrders(ID, "NS-HELD-1")).isEmpty();
        assertThat(ordersByExternalId("NS-HELD-1")).isEmpty();
    }

}
