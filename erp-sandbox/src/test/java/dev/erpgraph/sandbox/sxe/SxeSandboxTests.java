package dev.erpgraph.sandbox.sxe;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.SandboxJson;
import dev.erpgraph.sandbox.SandboxServerTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The SX.e sandbox itself speaks SX.API's format: raw wire requests, no connector. */
class SxeSandboxTests extends SandboxServerTests {

    private static final String API = "/sandbox/sxe/SX/rest/sxapirestservice/";

    private String bearer;

    @BeforeEach
    void token() {
        ResponseEntity<String> answer = tokenRequest(SxeSandboxErp.CLIENT_ID, SxeSandboxErp.SERVICE_ACCOUNT_SECRET);
        bearer = "Bearer " + json(answer).path("access_token").asString();
    }

    @Test
    void theTokenEndpointIssuesAPasswordGrantToken() {
        JsonNode token = json(tokenRequest(SxeSandboxErp.CLIENT_ID, SxeSandboxErp.SERVICE_ACCOUNT_SECRET));

        assertThat(token.path("access_token").asString()).isNotBlank();
        assertThat(token.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asLong()).isEqualTo(3600);
    }

    @Test
    void theTokenEndpointRefusesWrongClientsAndKeysTheOAuthWay() {
        ResponseEntity<String> badClient = tokenRequest("someone-else", SxeSandboxErp.SERVICE_ACCOUNT_SECRET);
        ResponseEntity<String> badKeys = tokenRequest(SxeSandboxErp.CLIENT_ID, "guess");

        assertThat(badClient.getStatusCode().value()).isEqualTo(401);
        assertThat(json(badClient).path("error").asString()).isEqualTo("invalid_client");
        assertThat(badKeys.getStatusCode().value()).isEqualTo(400);
        assertThat(json(badKeys).path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void anOperationWithoutAValidBearerIsRefusedByTheGateway() {
        ResponseEntity<String> answer = call("sxapiargetcustomerdatacredit", "Bearer nope",
                "{\"request\": {\"companyNumber\": 1, \"operatorInit\": \"erpg\", \"customerNumber\": 98000}}");

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
        assertThat(json(answer).path("error").asString()).isEqualTo("unauthorized");
        assertThat(json(answer).path("error_description").asString()).isEqualTo("Invalid or expired access token");
    }

    @Test
    void theOrderListAnswersInTheResponseEnvelopeWithCamelCaseRowsAndPaging() {
        int index = 0;
        while (sandbox("sxe").data().ordersOf(index).size() < 3) {
            index++;
        }
        ResponseEntity<String> answer = call("sxapioegetlistofordersv5", bearer, """
                {"request": {"companyNumber": 1, "operatorInit": "erpg", "customerNumber": %d,
                 "transactionTypes": "SO", "startStage": 0, "endStage": 9, "recordLimit": 2}}"""
            .formatted(98_000 + index));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode response = json(answer).path("response");
        assertThat(response.path("cErrorMessage").asString()).isEmpty();
        assertThat(response.path("moreRecordsAvailable").asBoolean()).isTrue();
        JsonNode rows = response.path("tOeordV5").path("t-oeordV5");
        assertThat(rows.size()).isEqualTo(2);
        JsonNode row = rows.get(0);
        assertThat(row.propertyNames()).contains("orderNo", "orderSuf", "custNo", "stageCd", "stageCdWords", "enterDt",
                "reqShipDt", "promiseDt", "custPo", "totInvAmt", "totLineAmt", "transType", "takenBy", "whse",
                "shipTo");
        assertThat(row.path("orderNo").isIntegralNumber()).isTrue();
        assertThat(row.path("custNo").asLong()).isEqualTo(98_000 + index);
        assertThat(row.path("totLineAmt").isNumber()).isTrue();
        assertThat(row.path("enterDt").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        DistributorDataSet.Order newest = sandbox("sxe").data().ordersOf(index).get(0);
        assertThat(row.path("orderNo").asLong()).isEqualTo(1_200_000 + newest.sequence());
    }

    @Test
    void businessErrorsAreHttp200WithCErrorMessage() {
        ResponseEntity<String> answer = call("sxapiargetcustomerdatacredit", bearer,
                "{\"request\": {\"companyNumber\": 1, \"operatorInit\": \"erpg\", \"customerNumber\": 97999}}");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(json(answer).path("response").path("cErrorMessage").asString())
            .isEqualTo("Customer # not set up in Customer Setup - ARSC");
    }

    @Test
    void aCustomerNumberSentAsAStringIsRefused() {
        ResponseEntity<String> answer = call("sxapiargetcustomerdatacredit", bearer,
                "{\"request\": {\"companyNumber\": 1, \"operatorInit\": \"erpg\", \"customerNumber\": \"98000 or 1=1\"}}");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(json(answer).path("response").path("cErrorMessage").asString())
            .isEqualTo("customerNumber must be a number");
    }

    @Test
    void aBodyWithoutTheRequestEnvelopeIsRefused() {
        ResponseEntity<String> bare = call("sxapiargetcustomerdatacredit", bearer,
                "{\"companyNumber\": 1, \"operatorInit\": \"erpg\", \"customerNumber\": 98000}");
        ResponseEntity<String> garbage = call("sxapiargetcustomerdatacredit", bearer, "{not json");

        assertThat(bare.getStatusCode().value()).isEqualTo(400);
        assertThat(json(bare).path("response").path("cErrorMessage").asString()).startsWith("Unable to parse request");
        assertThat(garbage.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anUnknownOperatorIsABusinessError() {
        ResponseEntity<String> answer = call("sxapiargetcustomerdatacredit", bearer,
                "{\"request\": {\"companyNumber\": 1, \"operatorInit\": \"zz\", \"customerNumber\": 98000}}");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(json(answer).path("response").path("cErrorMessage").asString())
            .isEqualTo("Operator zz not set up in Operator Setup - SASO");
    }

    @Test
    void pricingAnswersLowercaseRowsAndBreaksPerSeqno() {
        String sku = sandbox("sxe").data().items().iterator().next().sku();
        ResponseEntity<String> answer = call("sxapioepricingmultiplev5", bearer, """
                {"request": {"companyNumber": 1, "operatorInit": "erpg", "customerNumber": 98000,
                 "getPriceBreaks": true, "tOemultprcinV2": {"t-oemultprcinV2": [
                   {"seqno": 1, "whse": "", "qtyord": 5, "unit": "", "prod": "%s"},
                   {"seqno": 2, "whse": "", "qtyord": 1, "unit": "", "prod": "' or 1=1"}]}}}""".formatted(sku));

        JsonNode response = json(answer).path("response");
        JsonNode priced = response.path("tOemultprcoutV3").path("t-oemultprcoutV3");
        assertThat(priced.size()).isEqualTo(2);
        assertThat(priced.get(0).propertyNames()).contains("price", "discamt", "disctype", "netavail", "pdrecno",
                "promofl", "priceorigcd", "extamt", "baseprice", "listprice", "errormess", "qtybreakexistfl");
        assertThat(priced.get(0).path("price").isNumber()).isTrue();
        assertThat(priced.get(1).path("errormess").asString()).isEqualTo("Product not set up in Product Setup - ICSP");
        JsonNode breaks = response.path("tOemultprcoutbrk").path("t-oemultprcoutbrk").get(0);
        assertThat(breaks.path("seqno").asInt()).isEqualTo(1);
        assertThat(breaks.propertyNames()).contains("quantitybreak1", "quantitybreak8", "pricebreak1", "pricebreak9",
                "discountpercent9");
    }

    @Test
    void availabilityAnswersNetAvailablePerWarehouse() {
        String sku = sandbox("sxe").data().items().iterator().next().sku();
        ResponseEntity<String> answer = call("sxapiicproductavailbywhse", bearer, """
                {"request": {"companyNumber": 1, "operatorInit": "erpg", "productCode": "%s", "region": "",
                 "ignoreZeroAvailable": false}}""".formatted(sku));

        JsonNode rows = json(answer).path("response").path("tProd_avl").path("t-prod_avl");
        assertThat(rows.size()).isEqualTo(sandbox("sxe").data().stock(sku).size());
        assertThat(rows.get(0).propertyNames()).containsExactlyInAnyOrder("prod", "descrip1", "descrip2", "whse",
                "netAvail");
    }

    @Test
    void injectedFaultsLookLikeTheGateway() {
        http().put()
            .uri("/sandbox/sxe/_admin/faults")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"down\": true}")
            .retrieve()
            .toBodilessEntity();

        ResponseEntity<String> answer = call("sxapiargetcustomerdatacredit", bearer,
                "{\"request\": {\"companyNumber\": 1, \"operatorInit\": \"erpg\", \"customerNumber\": 98000}}");

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(json(answer).path("error_description").asString()).isEqualTo("Service unavailable");
    }

    private ResponseEntity<String> createOrder(int customerIndex, String customerPo) {
        return call("sxapisfoeordertotloadv4", bearer,
                """
                        {"request": {"companyNumber": 1, "operatorInit": "erpg",
                         "tInputheaderdata": {"t-inputheaderdata": [
                           {"customerid": "%d", "ponumber": "%s", "ordertype": "O", "reqshipdate": "2026-11-20"}]},
                         "tInputlinedata": {"t-inputlinedata": [
                           {"lineno": 1, "itemnumber": "PVC-10000", "orderqty": 2, "unitofmeasure": "", "warehouseid": ""},
                           {"lineno": 2, "itemnumber": "FIT-10021", "orderqty": 9, "unitofmeasure": "", "warehouseid": "PIT"}]}}}"""
                    .formatted(98_000 + customerIndex, customerPo));
    }

    private JsonNode ordersByCustomerPo(int customerIndex, String customerPo) {
        return json(call("sxapioegetlistofordersv5", bearer, """
                {"request": {"companyNumber": 1, "operatorInit": "erpg", "customerNumber": %d,
                 "customerPurchaseOrder": "%s", "recordLimit": 10}}""".formatted(98_000 + customerIndex, customerPo)))
            .path("response")
            .path("tOeordV5")
            .path("t-oeordV5");
    }

    @Test
    void aLoadedOrderIsListedByTheAdminApiWithItsCustomerPo() {
        int customer = customerIndex("sxe", false);

        JsonNode response = json(createOrder(customer, "SXE-LISTED-1")).path("response");

        assertThat(response.path("cErrorMessage").asString()).isEmpty();
        JsonNode total = response.path("tOrdtotdata").path("t-ordtotdata").get(0);
        List<JsonNode> listed = createdOrders("sxe", "SXE-LISTED-1");
        assertThat(listed).hasSize(1);
        // The order number as the connector reads it: orderno-ordersuf.
        assertThat(listed.get(0).path("orderNumber").asString())
            .isEqualTo(total.path("orderno").asString() + "-0" + total.path("ordersuf").asInt());
        assertThat(listed.get(0).path("customerNumber").asString()).isEqualTo(String.valueOf(98_000 + customer));
        assertThat(listed.get(0).path("lines").get(1).path("warehouse").asString()).isEqualTo("PIT");
    }

    @Test
    void commitThenFailCommitsTheOrderAnswers500AndTheOrderListFindsItByCustomerPo() {
        int customer = customerIndex("sxe", false);
        commitThenFail("sxe", 1.0);

        ResponseEntity<String> lost = createOrder(customer, "SXE-LOST-1");
        commitThenFail("sxe", 0.0);

        assertThat(lost.getStatusCode().value()).isEqualTo(500);
        List<JsonNode> listed = createdOrders("sxe", "SXE-LOST-1");
        assertThat(listed).hasSize(1);
        JsonNode found = ordersByCustomerPo(customer, "SXE-LOST-1");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("orderNo").asString() + "-0" + found.get(0).path("orderSuf").asInt())
            .isEqualTo(listed.get(0).path("orderNumber").asString());
        assertThat(found.get(0).path("custPo").asString()).isEqualTo("SXE-LOST-1");
        assertThat(ordersByCustomerPo(customer, "SXE-NO-SUCH-PO")).isEmpty();
    }

    @Test
    void aCustomerOnCreditHoldIsAnHttp200WithAnErrorMessageAndNoOrder() {
        int customer = customerIndex("sxe", true);

        ResponseEntity<String> refused = createOrder(customer, "SXE-HELD-1");

        assertThat(refused.getStatusCode().value()).isEqualTo(200);
        JsonNode response = json(refused).path("response");
        assertThat(response.path("cErrorMessage").asString())
            .isEqualTo("Customer #" + (98_000 + customer) + " is on credit hold - order not loaded");
        assertThat(response.path("tOrdtotdata").isMissingNode()).isTrue();
        assertThat(createdOrders("sxe", "SXE-HELD-1")).isEmpty();
    }

    private ResponseEntity<String> tokenRequest(String clientId, String serviceAccountSecret) {
        String basic = Base64.getEncoder()
            .encodeToString((clientId + ":" + SxeSandboxErp.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        return http().post()
            .uri("/sandbox/sxe/as/token.oauth2")
            .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body("grant_type=password&username=" + SxeSandboxErp.SERVICE_ACCOUNT_KEY.replace("#", "%23") + "&password="
                    + serviceAccountSecret)
            .retrieve()
            .onStatus(status -> true, (request, response) -> {
            })
            .toEntity(String.class);
    }

    private ResponseEntity<String> call(String operation, String authorization, String body) {
        return http().post()
            .uri(API + operation)
            .header(HttpHeaders.AUTHORIZATION, authorization)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .onStatus(status -> true, (request, response) -> {
            })
            .toEntity(String.class);
    }

    private static JsonNode json(ResponseEntity<String> answer) {
        return SandboxJson.MAPPER.readTree(answer.getBody());
    }

}
