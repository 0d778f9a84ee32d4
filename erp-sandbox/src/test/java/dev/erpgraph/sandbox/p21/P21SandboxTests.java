package dev.erpgraph.sandbox.p21;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.SandboxJson;
import dev.erpgraph.sandbox.SandboxServerTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The P21 sandbox itself speaks the documented wire format: raw requests, no connector.
 */
class P21SandboxTests extends SandboxServerTests {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private record Raw(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            return SandboxJson.MAPPER.readTree(body);
        }
    }

    private Raw send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/p21/" + path))
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Raw(response.statusCode(), response.body(), response);
        }
        catch (IOException | InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String token() {
        return send("POST", "api/security/token/v2", null, "{\"username\":\"P21API\",\"password\":\"p21-demo\"}").json()
            .path("AccessToken")
            .asString();
    }

    private Raw table(String table, String query) {
        return send("GET", "odataservice/odata/table/" + table + "?" + query, token(), null);
    }

    private static String filter(String expression) {
        return "$filter=" + UriUtils.encode(expression, StandardCharsets.UTF_8);
    }

    // ---- token

    @Test
    void userCredentialsGetExpiresInSecondsAndARefreshToken() {
        Raw raw = send("POST", "api/security/token/v2", null, "{\"username\":\"P21API\",\"password\":\"p21-demo\"}");

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().path("AccessToken").asString()).isNotBlank();
        assertThat(raw.json().path("RefreshToken").asString()).isNotBlank();
        assertThat(raw.json().path("ExpiresInSeconds").asLong()).isEqualTo(3600L);
        assertThat(raw.json().path("TokenType").asString()).isEqualTo("Bearer");
    }

    @Test
    void aConsumerKeyGetsExpiresInAndAnEmptyRefreshToken() {
        Raw raw = send("POST", "api/security/token/v2", null,
                "{\"ClientSecret\":\"p21-demo-consumer-key\",\"GrantType\":\"client_credentials\"}");

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().path("ExpiresIn").asLong()).isEqualTo(3600L);
        assertThat(raw.json().path("RefreshToken").asString()).isEmpty();
        assertThat(raw.json().has("SessionId")).isTrue();
        assertThat(raw.json().has("ExpiresInSeconds")).isFalse();
    }

    @Test
    void badCredentialsAreRefusedOAuthStyle() {
        Raw password = send("POST", "api/security/token/v2", null, "{\"username\":\"P21API\",\"password\":\"x\"}");
        Raw key = send("POST", "api/security/token/v2", null,
                "{\"ClientSecret\":\"nope\",\"GrantType\":\"client_credentials\"}");

        assertThat(password.status()).isEqualTo(401);
        assertThat(password.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(password.json().path("error_description").asString())
            .isEqualTo("The user name or password is incorrect.");
        assertThat(key.status()).isEqualTo(401);
        assertThat(key.json().path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void odataWithoutAValidTokenIs401WithTheODataErrorBody() {
        Raw raw = send("GET", "odataservice/odata/table/customer", "not-a-token", null);

        assertThat(raw.status()).isEqualTo(401);
        assertThat(raw.json().path("error").path("code").asString()).isEqualTo("401");
        assertThat(raw.json().path("error").path("message").asString())
            .isEqualTo("Authorization has been denied for this request.");
    }

    // ---- OData

    @Test
    void rowsComeInTheODataEnvelopeWithP21NamesDatesAndNumbers() {
        int orders = sandbox("p21").data().ordersOf(1).size();

        Raw raw = table("oe_hdr", filter("customer_id eq 100001") + "&$count=true");

        assertThat(raw.status()).isEqualTo(200);
        JsonNode body = raw.json();
        assertThat(body.path("@odata.context").asString()).endsWith("/sandbox/p21/odataservice/odata/$metadata#oe_hdr");
        assertThat(body.path("@odata.count").asInt()).isEqualTo(orders);
        JsonNode row = body.path("value").get(0);
        assertThat(row.path("order_no").isString()).isTrue();
        assertThat(row.path("customer_id").isNumber()).isTrue();
        assertThat(row.path("customer_id").asLong()).isEqualTo(100001L);
        assertThat(row.path("order_date").asString()).matches("\\d{4}-\\d{2}-\\d{2}T00:00:00");
        assertThat(row.path("completed").asString()).isIn("Y", "N");
        assertThat(body.has("@odata.nextLink")).isFalse();
    }

    @Test
    void selectAndOrderByShapeTheRows() {
        Raw raw = table("oe_line", filter("order_no eq '1010001'") + "&$select=line_no,qty_ordered,unit_price"
                + "&$orderby=" + UriUtils.encode("line_no desc", StandardCharsets.UTF_8));

        JsonNode first = raw.json().path("value").get(0);
        assertThat(first.propertyNames()).containsExactly("line_no", "qty_ordered", "unit_price");
        assertThat(first.path("line_no").asInt())
            .isEqualTo(sandbox("p21").data().order(1).orElseThrow().lines().size());
        assertThat(first.path("unit_price").isNumber()).isTrue();
    }

    @Test
    void pagesAreCappedAtAThousandRowsAndNeverLongerThanAsked() {
        assertThat(table("oe_line", "$top=5000").json().path("value").size()).isEqualTo(1000);
        assertThat(table("oe_line", "$top=3&$skip=2").json().path("value").size()).isEqualTo(3);
        assertThat(table("customer", "$skip=1199").json().path("value").size()).isEqualTo(1);
    }

    @Test
    void quotedLiteralsAreParsedHonestlySoAnUnescapedValueWouldWiden() {
        Raw escaped = table("inv_mast", filter("item_id eq 'PVC-10000'' or item_id ne '''"));
        Raw unescaped = table("inv_mast", filter("item_id eq 'PVC-10000' or item_id ne ''"));

        assertThat(escaped.json().path("value").size()).isZero();
        assertThat(unescaped.json().path("value").size()).isEqualTo(DistributorDataSet.ITEMS);
    }

    @Test
    void unparsableFiltersAreRefusedWithTheODataError() {
        Raw tautology = table("customer", filter("customer_id eq 100001 or 1 eq 1"));
        Raw unterminated = table("customer", filter("customer_name eq 'abc"));
        Raw wrongType = table("customer", filter("customer_id eq '100001'"));
        Raw unknownColumn = table("customer", "$select=credit_hold_code");
        Raw now = table("oe_hdr", filter("order_date ge now()"));

        for (Raw raw : new Raw[] { tautology, unterminated, wrongType, unknownColumn }) {
            assertThat(raw.status()).isEqualTo(400);
            assertThat(raw.json().path("error").path("code").asString()).isEqualTo("400");
        }
        assertThat(tautology.json().path("error").path("message").asString()).startsWith("Invalid filter expression");
        assertThat(now.status()).isEqualTo(404);
    }

    @Test
    void queryStringsOverIisLimitAreRefused() {
        String chain = String.join(" or ",
                IntStream.range(0, 120).mapToObj(i -> "customer_id eq " + (100000 + i)).toList());

        assertThat(table("customer", filter(chain)).status()).isEqualTo(404);
    }

    @Test
    void thePriceViewHasARowPerQuantityBreak() {
        Raw raw = send("GET", "odataservice/odata/view/p21_view_customer_item_price?"
                + filter("customer_id eq 100003 and item_id eq 'PVC-10000'"), token(), null);

        assertThat(raw.json().path("value")).hasSize(4);
        assertThat(raw.json().path("value").get(0).propertyNames()).containsExactly("customer_id", "item_id",
                "unit_price", "quantity_break", "price_page_uid", "list_price");
    }

    // ---- Transaction API

    @Test
    void theRouterNeedsItsTrailingSlash() {
        Raw withoutSlash = send("GET", "api/ui/router/v1?urlType=external", token(), null);
        Raw withSlash = send("GET", "api/ui/router/v1/?urlType=external", token(), null);

        assertThat(withoutSlash.status()).isEqualTo(307);
        assertThat(withoutSlash.response().headers().firstValue("Location"))
            .hasValue("/sandbox/p21/api/ui/router/v1/?urlType=external");
        assertThat(withSlash.status()).isEqualTo(200);
        assertThat(withSlash.json().path("Url").asString())
            .isEqualTo("http://127.0.0.1:" + port + "/sandbox/p21/uiserver");
    }

    @Test
    void aRefusedOrderIsHttp200WithAFailedSummaryAndNullResults() {
        int held = IntStream.range(0, 1200)
            .filter(i -> sandbox("p21").data().customer(i).orElseThrow().onHold())
            .findFirst()
            .orElseThrow();
        String body = """
                {"Name":"Order","UseCodeValues":false,"Transactions":[{"Status":"New","DataElements":[
                 {"Name":"TABPAGE_1.order","Type":"Form","Keys":[],"Rows":[{"Edits":[
                  {"Name":"customer_id","Value":"%d"},{"Name":"source_loc_id","Value":"10"},
                  {"Name":"order_date","Value":"2030-01-05"},{"Name":"requested_date","Value":"2030-01-06"}]}]},
                 {"Name":"TP_ITEMS.items","Type":"List","Keys":[],"Rows":[{"Edits":[
                  {"Name":"oe_order_item_id","Value":"PVC-10000"},{"Name":"unit_quantity","Value":"5"}]}]}]}]}
                """.formatted(100000 + held);

        Raw raw = send("POST", "uiserver/api/v2/transaction", token(), body);

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().path("Summary").path("Succeeded").asInt()).isZero();
        assertThat(raw.json().path("Summary").path("Failed").asInt()).isEqualTo(1);
        assertThat(raw.json().path("Results").isNull()).isTrue();
        assertThat(raw.json().path("Messages").get(0).asString()).contains("credit hold");
    }

    @Test
    void aMissingOrderFormIsAnEmptyHttp500() {
        Raw raw = send("POST", "uiserver/api/v2/transaction", token(),
                "{\"Name\":\"Order\",\"Transactions\":[{\"Status\":\"New\",\"DataElements\":[]}]}");

        assertThat(raw.status()).isEqualTo(500);
        assertThat(raw.body()).isEmpty();
    }

    // ---- created orders

    private static String orderTransaction(int customerIndex, String reference) {
        return """
                {"Status":"New","DataElements":[
                 {"Name":"TABPAGE_1.order","Type":"Form","Keys":[],"Rows":[{"Edits":[
                  {"Name":"customer_id","Value":"%d"},{"Name":"source_loc_id","Value":"10"},
                  {"Name":"po_no","Value":"CUSTOMER-PO-7"},{"Name":"web_reference_no","Value":"%s"},
                  {"Name":"order_date","Value":"2026-11-01"},{"Name":"requested_date","Value":"2026-11-09"}]}]},
                 {"Name":"TP_ITEMS.items","Type":"List","Keys":[],"Rows":[{"Edits":[
                  {"Name":"oe_order_item_id","Value":"PVC-10000"},{"Name":"unit_quantity","Value":"6"}]}]}]}"""
            .formatted(100000 + customerIndex, reference);
    }

    private Raw createOrders(String... transactions) {
        return send("POST", "uiserver/api/v2/transaction", token(),
                "{\"Name\":\"Order\",\"UseCodeValues\":false,\"Transactions\":[" + String.join(",", transactions)
                        + "]}");
    }

    @Test
    void aMixedBatchCommitsItsGoodOrderWhichTheAdminApiListsUnderItsWebReference() {
        Raw raw = createOrders(orderTransaction(customerIndex("p21", false), "P21-LISTED-1"),
                orderTransaction(customerIndex("p21", true), "P21-HELD-1"));

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().path("Summary").path("Succeeded").asInt()).isEqualTo(1);
        assertThat(raw.json().path("Summary").path("Failed").asInt()).isEqualTo(1);
        String orderNo = raw.json()
            .path("Results")
            .path("Transactions")
            .get(0)
            .path("DataElements")
            .get(0)
            .path("Rows")
            .get(0)
            .path("Edits")
            .get(0)
            .path("Value")
            .asString();
        assertThat(createdOrders("p21", "P21-LISTED-1")).singleElement()
            .satisfies(order -> assertThat(order.path("orderNumber").asString()).isEqualTo(orderNo));
        assertThat(createdOrders("p21", "P21-HELD-1")).isEmpty();
    }

    @Test
    void commitThenFailCommitsTheOrderAnswers500AndTheOdataFilterOnItsWebReferenceFindsIt() {
        int customer = customerIndex("p21", false);
        commitThenFail("p21", 1.0);

        Raw lost = createOrders(orderTransaction(customer, "P21-LOST-1"));

        assertThat(lost.status()).isEqualTo(500);
        assertThat(createdOrders("p21", "P21-LOST-1")).hasSize(1);
        Raw found = table("oe_hdr", filter("web_reference_no eq 'P21-LOST-1'"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("value")).hasSize(1);
        assertThat(found.json().path("value").get(0).path("order_no").asString())
            .isEqualTo(createdOrders("p21", "P21-LOST-1").get(0).path("orderNumber").asString());
        assertThat(found.json().path("value").get(0).path("customer_id").asLong()).isEqualTo(100000 + customer);
        assertThat(found.json().path("value").get(0).path("po_no").asString()).isEqualTo("CUSTOMER-PO-7");
    }

}
