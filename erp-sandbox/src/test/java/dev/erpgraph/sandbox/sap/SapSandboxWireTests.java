package dev.erpgraph.sandbox.sap;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.erpgraph.sandbox.SandboxServerTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The SAP sandbox itself, over raw HTTP: it must speak SAP's OData v2 as documented. */
class SapSandboxWireTests extends SandboxServerTests {

    private static final String ROOT = "/sandbox/sap/sap/opu/odata/sap/";

    private static final String BASIC = SapWireValues.basic(SapSandboxErp.USER, SapSandboxErp.PASSWORD);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResponseEntity<String> exchange(HttpMethod method, String path, Map<String, String> headers, String body) {
        var request = http().method(method).uri(URI.create("http://127.0.0.1:" + port + ROOT + path));
        headers.forEach(request::header);
        if (body != null) {
            request.header(HttpHeaders.CONTENT_TYPE, "application/json").body(body);
        }
        return request.retrieve().onStatus(status -> true, (req, res) -> {
        }).toEntity(String.class);
    }

    private ResponseEntity<String> get(String pathAndQuery) {
        return exchange(HttpMethod.GET, pathAndQuery, Map.of(HttpHeaders.AUTHORIZATION, BASIC), null);
    }

    private static JsonNode json(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody());
    }

    @Test
    void collectionsComeInTheDResultsEnvelopeWithMetadataAndStringDecimals() {
        JsonNode d = json(get("API_CRDTMBUSINESSPARTNER/CreditManagementAccount?$inlinecount=allpages")).path("d");

        assertThat(d.path("__count").asString()).isEqualTo("1200");
        assertThat(d.path("results")).hasSize(100);
        JsonNode first = d.path("results").get(0);
        assertThat(first.path("__metadata").path("type").asString())
            .isEqualTo("API_CRDTMBUSINESSPARTNER.CreditManagementAccountType");
        assertThat(first.path("__metadata").path("uri").asString())
            .endsWith("/sap/opu/odata/sap/API_CRDTMBUSINESSPARTNER/CreditManagementAccount(BusinessPartner='17100001',"
                    + "CreditSegment='1000')");
        assertThat(first.path("BusinessPartner").asString()).isEqualTo("17100001");
        assertThat(first.path("CreditLimitAmount").isString()).isTrue();
        assertThat(first.path("CreditLimitAmount").asString()).matches("\\d+\\.\\d{3}");
        assertThat(first.path("CreditAccountIsBlocked").isBoolean()).isTrue();
        assertThat(first.path("CreditLimitValidityEndDate").asString()).isEqualTo("/Date(253402214400000)/");
        assertThat(d.path("__next").asString())
            .startsWith("http://127.0.0.1:" + port + ROOT + "API_CRDTMBUSINESSPARTNER/CreditManagementAccount?")
            .endsWith("$skiptoken=100");
    }

    @Test
    void theNextLinkLeadsThroughEveryPageAndTheLastHasNone() {
        String next = ROOT + "API_CRDTMBUSINESSPARTNER/CreditManagementAccount";
        int rows = 0;
        int pages = 0;
        while (next != null) {
            JsonNode d = json(http().get()
                .uri(URI.create(next.startsWith("http") ? next : "http://127.0.0.1:" + port + next))
                .header(HttpHeaders.AUTHORIZATION, BASIC)
                .retrieve()
                .toEntity(String.class)).path("d");
            rows += d.path("results").size();
            pages++;
            next = d.path("__next").asString(null);
        }
        assertThat(rows).isEqualTo(1200);
        assertThat(pages).isEqualTo(12);
    }

    @Test
    void topIsCutTo5000AndStillPagesOnWhileASmallTopEndsThere() {
        JsonNode big = json(get("API_SALES_ORDER_SRV/A_SalesOrder?$top=6000&$select=SalesOrder")).path("d");
        JsonNode small = json(get("API_SALES_ORDER_SRV/A_SalesOrder?$top=20&$select=SalesOrder")).path("d");

        assertThat(big.path("results")).hasSize(5000);
        assertThat(big.path("__next").asString()).endsWith("$skiptoken=5000");
        assertThat(small.path("results")).hasSize(20);
        assertThat(small.path("__next").isMissingNode()).isTrue();
    }

    @Test
    void ordersCarryDatesAsSlashDateAndItemsOnlyWhenExpanded() {
        JsonNode expanded = json(
                get("API_SALES_ORDER_SRV/A_SalesOrder?$filter=SalesOrder%20eq%20%274000001%27" + "&$expand=to_Item"))
            .path("d")
            .path("results")
            .get(0);
        JsonNode deferred = json(get("API_SALES_ORDER_SRV/A_SalesOrder?$filter=SalesOrder%20eq%20%274000001%27"))
            .path("d")
            .path("results")
            .get(0);

        assertThat(expanded.path("SalesOrderDate").asString()).matches("/Date\\(\\d+\\)/");
        assertThat(expanded.path("LastChangeDateTime").asString()).matches("/Date\\(\\d+\\+0000\\)/");
        assertThat(expanded.path("to_Item").path("results").get(0).path("SalesOrderItem").asString()).isEqualTo("10");
        assertThat(deferred.path("to_Item").path("__deferred").path("uri").asString())
            .endsWith("/A_SalesOrder('4000001')/to_Item");
    }

    @Test
    void aSelectPathThroughTheExpandedItemsTrimsHeadersAndItemsAlike() {
        JsonNode order = json(get("API_SALES_ORDER_SRV/A_SalesOrder?$filter=SalesOrder%20eq%20%274000001%27"
                + "&$expand=to_Item&$select=SalesOrder,SoldToParty,to_Item/SalesOrderItem,to_Item/Material"))
            .path("d")
            .path("results")
            .get(0);

        assertThat(order.propertyNames()).containsExactly("__metadata", "SalesOrder", "SoldToParty", "to_Item");
        JsonNode item = order.path("to_Item").path("results").get(0);
        assertThat(item.propertyNames()).containsExactly("__metadata", "SalesOrderItem", "Material");
        assertThat(item.path("SalesOrderItem").asString()).isEqualTo("10");
    }

    @Test
    void aSelectPathToAPropertyTheItemsDoNotHaveIsSapsBadRequest() {
        ResponseEntity<String> response = get(
                "API_SALES_ORDER_SRV/A_SalesOrder?$expand=to_Item&$select=SalesOrder,to_Item/NoSuchProperty");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").path("value").asString())
            .isEqualTo("Property 'to_Item/NoSuchProperty' not found in $select");
    }

    @Test
    void aRequestWithoutCredentialsGets401WithSapsErrorBody() {
        ResponseEntity<String> response = exchange(HttpMethod.GET, "API_CRDTMBUSINESSPARTNER/CreditManagementAccount",
                Map.of(), null);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=");
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asString()).isEqualTo("/IWFND/CM_CONSUMER/101");
        assertThat(error.path("message").path("lang").asString()).isEqualTo("en");
        assertThat(error.path("message").path("value").asString())
            .isEqualTo("Logon failed: user or password is not correct");
        assertThat(error.path("innererror").path("errordetails").isArray()).isTrue();
    }

    @Test
    void aFilterItCannotParseIsRefusedWith400() {
        ResponseEntity<String> unknownProperty = get(
                "API_SALES_ORDER_SRV/A_SalesOrder?$filter=" + "Nope%20eq%20%271%27");
        ResponseEntity<String> noInOperator = get(
                "API_SALES_ORDER_SRV/A_SalesOrder?$filter=" + "SoldToParty%20in%20(%2717100001%27)");

        assertThat(unknownProperty.getStatusCode().value()).isEqualTo(400);
        assertThat(json(unknownProperty).path("error").path("message").path("value").asString())
            .contains("Property 'Nope' not found");
        assertThat(noInOperator.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anUnescapedQuoteWouldWidenTheResultSoTheParserIsHonest() {
        // What a connector that forgot to double quotes would send: the sandbox answers
        // every account.
        JsonNode widened = json(get("API_CRDTMBUSINESSPARTNER/CreditManagementAccount?$inlinecount=allpages&$filter="
                + "BusinessPartner%20eq%20%27A%27%20or%20BusinessPartner%20ne%20%27%27"))
            .path("d");
        JsonNode escaped = json(get("API_CRDTMBUSINESSPARTNER/CreditManagementAccount?$inlinecount=allpages&$filter="
                + "BusinessPartner%20eq%20%27A%27%27%20or%20BusinessPartner%20ne%20%27%27%27"))
            .path("d");

        assertThat(widened.path("__count").asString()).isEqualTo("1200");
        assertThat(escaped.path("__count").asString()).isEqualTo("0");
    }

    @Test
    void aCsrfTokenWithoutItsSessionCookieIsRefused() {
        ResponseEntity<String> fetch = exchange(HttpMethod.GET, "API_SALES_ORDER_SRV/",
                Map.of(HttpHeaders.AUTHORIZATION, BASIC, "X-CSRF-Token", "Fetch"), null);
        String token = fetch.getHeaders().getFirst("X-CSRF-Token");
        List<String> cookies = fetch.getHeaders().get(HttpHeaders.SET_COOKIE);
        String cookie = String.join("; ", cookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
        String body = """
                {"SalesOrderType":"OR","SalesOrganization":"1710","DistributionChannel":"10",
                 "OrganizationDivision":"00","SoldToParty":"17100002","PurchaseOrderByCustomer":"WIRE-1",
                 "to_Item":[{"Material":"PVC-10000","RequestedQuantity":"5"}]}""";

        ResponseEntity<String> withoutCookie = exchange(HttpMethod.POST, "API_SALES_ORDER_SRV/A_SalesOrder",
                Map.of(HttpHeaders.AUTHORIZATION, BASIC, "X-CSRF-Token", token), body);
        ResponseEntity<String> withCookie = exchange(HttpMethod.POST, "API_SALES_ORDER_SRV/A_SalesOrder",
                Map.of(HttpHeaders.AUTHORIZATION, BASIC, "X-CSRF-Token", token, HttpHeaders.COOKIE, cookie), body);

        assertThat(token).isNotBlank();
        assertThat(cookies).anyMatch(c -> c.startsWith(SapOData.SESSION_COOKIE + "="));
        assertThat(withoutCookie.getStatusCode().value()).isEqualTo(403);
        assertThat(withoutCookie.getHeaders().getFirst("X-CSRF-Token")).isEqualTo("Required");
        assertThat(withoutCookie.getBody()).isEqualTo("CSRF token validation failed");
        assertThat(withCookie.getStatusCode().value()).isEqualTo(201);
        JsonNode created = json(withCookie).path("d");
        assertThat(created.path("SoldToParty").asString()).isEqualTo("17100002");
        assertThat(created.path("to_Item").path("results").get(0).path("Material").asString()).isEqualTo("PVC-10000");
        assertThat(withCookie.getHeaders().getFirst(HttpHeaders.LOCATION))
            .endsWith("/A_SalesOrder('" + created.path("SalesOrder").asString() + "')");
    }

    /**
     * A deep insert of one sales order under a fresh CSRF token and its session cookie.
     */
    private ResponseEntity<String> createOrder(String soldTo, String reference) {
        ResponseEntity<String> fetch = exchange(HttpMethod.GET, "API_SALES_ORDER_SRV/",
                Map.of(HttpHeaders.AUTHORIZATION, BASIC, "X-CSRF-Token", "Fetch"), null);
        String cookie = String.join("; ",
                fetch.getHeaders()
                    .get(HttpHeaders.SET_COOKIE)
                    .stream()
                    .map(c -> c.substring(0, c.indexOf(';')))
                    .toList());
        String body = """
                {"SalesOrderType":"OR","SalesOrganization":"1710","DistributionChannel":"10",
                 "OrganizationDivision":"00","SoldToParty":"%s","PurchaseOrderByCustomer":"%s",
                 "to_Item":[{"Material":"PVC-10000","RequestedQuantity":"5"},
                            {"Material":"FIT-10021","RequestedQuantity":"2","ProductionPlant":"DET"}]}"""
            .formatted(soldTo, reference);
        return exchange(HttpMethod.POST, "API_SALES_ORDER_SRV/A_SalesOrder", Map.of(HttpHeaders.AUTHORIZATION, BASIC,
                "X-CSRF-Token", fetch.getHeaders().getFirst("X-CSRF-Token"), HttpHeaders.COOKIE, cookie), body);
    }

    private JsonNode ordersByReference(String reference) {
        return json(get("API_SALES_ORDER_SRV/A_SalesOrder?$filter="
                + UriUtils.encode("PurchaseOrderByCustomer eq '" + reference + "'", StandardCharsets.UTF_8)))
            .path("d")
            .path("results");
    }

    @Test
    void aCreatedOrderIsListedByTheAdminApiWithItsPurchaseOrderByCustomer() {
        String soldTo = sandbox("sap").erp().customerNumber(customerIndex("sap", false));

        ResponseEntity<String> created = createOrder(soldTo, "SAP-LISTED-1");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        List<JsonNode> listed = createdOrders("sap", "SAP-LISTED-1");
        assertThat(listed).hasSize(1);
        JsonNode order = listed.get(0);
        assertThat(order.path("orderNumber").asString())
            .isEqualTo(json(created).path("d").path("SalesOrder").asString());
        assertThat(order.path("customerNumber").asString()).isEqualTo(soldTo);
        assertThat(order.path("lines")).hasSize(2);
        assertThat(order.path("lines").get(1).path("sku").asString()).isEqualTo("FIT-10021");
        assertThat(order.path("lines").get(1).path("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(order.path("lines").get(1).path("warehouse").asString()).isEqualTo("DET");
        assertThat(Instant.parse(order.path("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void commitThenFailCommitsTheOrderAnswers500AndTheReferenceLookupFindsIt() {
        String soldTo = sandbox("sap").erp().customerNumber(customerIndex("sap", false));
        commitThenFail("sap", 1.0);

        ResponseEntity<String> lost = createOrder(soldTo, "SAP-LOST-1");

        assertThat(lost.getStatusCode().value()).isEqualTo(500);
        assertThat(json(lost).path("error").path("message").path("value").asString())
            .isEqualTo("Internal server error");
        List<JsonNode> listed = createdOrders("sap", "SAP-LOST-1");
        assertThat(listed).hasSize(1);
        JsonNode found = ordersByReference("SAP-LOST-1");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("SalesOrder").asString()).isEqualTo(listed.get(0).path("orderNumber").asString());
        assertThat(found.get(0).path("SoldToParty").asString()).isEqualTo(soldTo);
    }

    @Test
    void aCustomerOnCreditHoldIsRefusedByTheCreditCheckAndNothingIsSaved() {
        String soldTo = sandbox("sap").erp().customerNumber(customerIndex("sap", true));

        ResponseEntity<String> refused = createOrder(soldTo, "SAP-HELD-1");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode error = json(refused).path("error");
        assertThat(error.path("code").asString()).isEqualTo("V1/154");
        assertThat(error.path("message").path("value").asString())
            .isEqualTo("Order receipt/delivery not possible, credit customer blocked");
        assertThat(createdOrders("sap", "SAP-HELD-1")).isEmpty();
        assertThat(ordersByReference("SAP-HELD-1")).isEmpty();
    }

}
