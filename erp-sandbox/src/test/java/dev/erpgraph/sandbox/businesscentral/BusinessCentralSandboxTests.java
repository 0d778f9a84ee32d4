package dev.erpgraph.sandbox.businesscentral;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.erpgraph.sandbox.SandboxJson;
import dev.erpgraph.sandbox.SandboxServerTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox itself speaks Business Central's wire format: envelope, fields, paging,
 * errors, auth.
 */
class BusinessCentralSandboxTests extends SandboxServerTests {

    private static final String ROOT = "/sandbox/business-central";

    private static final String API = ROOT + "/v2.0/" + BusinessCentralSandboxErp.TENANT_ID
            + "/production/api/v2.0/companies(" + BusinessCentralSandboxErp.COMPANY_ID + ")/";

    private final HttpClient client = HttpClient.newHttpClient();

    private record Answer(int status, Map<String, List<String>> headers, JsonNode body) {
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().map(),
                SandboxJson.MAPPER.readTree(response.body()));
    }

    private String url(String path) {
        return path.startsWith("http") ? path : "http://127.0.0.1:" + port + path;
    }

    private Answer token(String secret) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + BusinessCentralSandboxErp.CLIENT_ID
                + "&client_secret=" + UriUtils.encode(secret, StandardCharsets.UTF_8) + "&scope="
                + UriUtils.encode(BusinessCentralSandboxErp.SCOPE, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(url(ROOT + "/" + BusinessCentralSandboxErp.TOKEN_PATH)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Answer get(String path, String prefer) throws IOException, InterruptedException {
        String token = token(BusinessCentralSandboxErp.CLIENT_SECRET).body().path("access_token").stringValue();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + token);
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return send(request.GET());
    }

    @Test
    void issuesEntraTokensAndRefusesABadSecretEntraStyle() throws Exception {
        Answer good = token(BusinessCentralSandboxErp.CLIENT_SECRET);
        Answer bad = token("wrong");

        assertThat(good.status()).isEqualTo(200);
        assertThat(good.body().path("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(good.body().path("expires_in").isNumber()).isTrue();
        assertThat(good.body().path("access_token").stringValue()).isNotBlank();
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.body().path("error").stringValue()).isEqualTo("invalid_client");
        assertThat(bad.body().path("error_description").stringValue()).startsWith("AADSTS7000215");
    }

    @Test
    void refusesAMissingTokenWithBusinessCentrals401Body() throws Exception {
        Answer answer = send(HttpRequest.newBuilder(URI.create(url(API + "customers"))).GET());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers()).containsKey("www-authenticate");
        assertThat(answer.body().path("error").path("code").stringValue())
            .isEqualTo("Authentication_InvalidCredentials");
        assertThat(answer.body().path("error").path("message").isString()).isTrue();
    }

    @Test
    void servesODataV4PagesWithAnOpaqueSkipTokenNextLink() throws Exception {
        String filter = UriUtils.encode("customerNumber eq '10000' or customerNumber eq '10010'"
                + " or customerNumber eq '10020' or customerNumber eq '10030'", StandardCharsets.UTF_8);
        Answer first = get(API + "salesOrders?$filter=" + filter + "&$expand=salesOrderLines", "odata.maxpagesize=2");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().get("preference-applied")).containsExactly("odata.maxpagesize=2");
        assertThat(first.body().path("@odata.context").stringValue()).endsWith("/salesOrders");
        assertThat(first.body().path("value")).hasSize(2);
        JsonNode order = first.body().path("value").get(0);
        assertThat(order.path("@odata.etag").stringValue()).startsWith("W/\"");
        assertThat(order.path("orderDate").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(order.path("totalAmountExcludingTax").isNumber()).isTrue();
        assertThat(order.path("status").stringValue()).isIn("Draft", "In Review", "Open");
        assertThat(order.path("salesOrderLines").get(0).path("locationId").stringValue()).hasSize(36);
        assertThat(order.path("salesOrderLines").get(0).path("quantity").isNumber()).isTrue();
        String next = first.body().path("@odata.nextLink").stringValue();
        assertThat(next).contains("$skiptoken=").doesNotContain("$skip=").contains("$filter=");

        Answer second = get(next, "odata.maxpagesize=2");
        assertThat(second.body().path("value").get(0).path("number").stringValue())
            .isGreaterThan(first.body().path("value").get(1).path("number").stringValue());
    }

    @Test
    void answersAnUnparsableFilterOrUnsupportedOptionWithBadRequest() throws Exception {
        Answer badFilter = get(
                API + "customers?$filter=" + UriUtils.encode("number eq '1' or '1'='1'", StandardCharsets.UTF_8), null);
        Answer unknownProperty = get(
                API + "customers?$filter=" + UriUtils.encode("SoldToParty eq '1'", StandardCharsets.UTF_8), null);
        Answer orderBy = get(API + "customers?$orderby=number", null);
        Answer unknownSet = get(API + "salesQuotes", null);

        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body().path("error").path("code").stringValue()).isEqualTo("BadRequest");
        assertThat(badFilter.body().path("error").path("message").stringValue()).startsWith("Syntax error");
        assertThat(unknownProperty.body().path("error").path("message").stringValue()).contains("SoldToParty");
        assertThat(orderBy.status()).isEqualTo(400);
        assertThat(unknownSet.status()).isEqualTo(404);
        assertThat(unknownSet.body().path("error").path("code").stringValue()).isEqualTo("BadRequest_NotFound");
    }

    @Test
    void servesCustomersWithBlockedEnumAndExpandedPaymentTerms() throws Exception {
        Answer answer = get(API + "customers?$filter=" + UriUtils.encode("number eq '10000'", StandardCharsets.UTF_8)
                + "&$select=number,blocked,creditLimit&$expand="
                + UriUtils.encode("paymentTerm($select=code)", StandardCharsets.UTF_8), null);

        JsonNode customer = answer.body().path("value").get(0);
        assertThat(customer.path("number").stringValue()).isEqualTo("10000");
        assertThat(customer.path("blocked").stringValue()).isIn(" ", "Ship");
        assertThat(customer.path("creditLimit").isNumber()).isTrue();
        assertThat(customer.has("displayName")).isFalse();
        assertThat(customer.path("paymentTerm").path("code").stringValue()).isNotBlank();
    }

    @Test
    void refusesThePluralPaymentTermsNavigationAsBcDoes() throws Exception {
        Answer answer = get(API + "customers?$filter=" + UriUtils.encode("number eq '10000'", StandardCharsets.UTF_8)
                + "&$expand=" + UriUtils.encode("paymentTerms($select=code)", StandardCharsets.UTF_8), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").path("message").stringValue())
            .isEqualTo("Could not find a property named 'paymentTerms' on type 'Microsoft.NAV.customer'.");
    }

    /** {@code POST salesOrders} with its lines deep-inserted. */
    private Answer createOrder(String customerNumber, String externalDocumentNumber)
            throws IOException, InterruptedException {
        String token = token(BusinessCentralSandboxErp.CLIENT_SECRET).body().path("access_token").stringValue();
        String body = """
                {"customerNumber":"%s","externalDocumentNumber":"%s","requestedDeliveryDate":"2026-11-20",
                 "salesOrderLines":[{"lineType":"Item","lineObjectNumber":"PVC-10000","quantity":3},
                                    {"lineType":"Item","lineObjectNumber":"FIT-10021","quantity":7}]}"""
            .formatted(customerNumber, externalDocumentNumber);
        return send(HttpRequest.newBuilder(URI.create(url(API + "salesOrders")))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode ordersByExternalDocumentNumber(String reference) throws IOException, InterruptedException {
        return get(
                API + "salesOrders?$filter="
                        + UriUtils.encode("externalDocumentNumber eq '" + reference + "'", StandardCharsets.UTF_8),
                null)
            .body()
            .path("value");
    }

    @Test
    void aCreatedOrderIsListedByTheAdminApiWithItsExternalDocumentNumber() throws Exception {
        String customer = sandbox("business-central").erp().customerNumber(customerIndex("business-central", false));

        Answer created = createOrder(customer, "BC-LISTED-1");

        assertThat(created.status()).isEqualTo(201);
        List<JsonNode> listed = createdOrders("business-central", "BC-LISTED-1");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("orderNumber").stringValue())
            .isEqualTo(created.body().path("number").stringValue());
        assertThat(listed.get(0).path("customerNumber").stringValue()).isEqualTo(customer);
        assertThat(listed.get(0).path("lines")).hasSize(2);
        assertThat(listed.get(0).path("lines").get(1).path("quantity").decimalValue()).isEqualByComparingTo("7");
    }

    @Test
    void commitThenFailCommitsTheOrderAnswers500AndTheReferenceFilterFindsIt() throws Exception {
        String customer = sandbox("business-central").erp().customerNumber(customerIndex("business-central", false));
        commitThenFail("business-central", 1.0);

        Answer lost = createOrder(customer, "BC-LOST-1");

        assertThat(lost.status()).isEqualTo(500);
        List<JsonNode> listed = createdOrders("business-central", "BC-LOST-1");
        assertThat(listed).hasSize(1);
        JsonNode found = ordersByExternalDocumentNumber("BC-LOST-1");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("number").stringValue())
            .isEqualTo(listed.get(0).path("orderNumber").stringValue());
        assertThat(found.get(0).path("customerNumber").stringValue()).isEqualTo(customer);
    }

    @Test
    void aCustomerOnCreditHoldIsBlockedForShipAndGetsNoOrder() throws Exception {
        String customer = sandbox("business-central").erp().customerNumber(customerIndex("business-central", true));

        Answer refused = createOrder(customer, "BC-HELD-1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").path("code").stringValue()).isEqualTo("Application_DialogException");
        assertThat(refused.body().path("error").path("message").stringValue()).isEqualTo(
                "You cannot create this type of document when Customer " + customer + " is blocked with type Ship");
        assertThat(createdOrders("business-central", "BC-HELD-1")).isEmpty();
        assertThat(ordersByExternalDocumentNumber("BC-HELD-1")).isEmpty();
    }

}
