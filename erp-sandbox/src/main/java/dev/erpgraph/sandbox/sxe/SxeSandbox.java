package dev.erpgraph.sandbox.sxe;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxJson;
import dev.erpgraph.sandbox.SandboxKind;
import dev.erpgraph.sandbox.SandboxRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A faithful little SX.API behind a little ION API gateway, serving the sandbox's
 * {@link DistributorDataSet}:
 * <ul>
 * <li>{@code POST /sandbox/{id}/as/token.oauth2}: the ION token endpoint, password grant
 * with the service account keys as username/password and the client id/secret as HTTP
 * Basic; OAuth-style errors.</li>
 * <li>{@code POST /sandbox/{id}/SX/rest/sxapirestservice/{operation}}: bearer required
 * (401 otherwise, from the "gateway"); body {@code {"request": {...}}} with
 * {@code companyNumber} and {@code operatorInit}; answer {@code {"response":
 * {"cErrorMessage": "", ...}}}; business errors are HTTP 200 with {@code cErrorMessage};
 * a body it cannot read is 400 with {@code cErrorMessage}.</li>
 * </ul>
 * The operations served are the default versions: {@code sxapioegetlistofordersv5} (one
 * customer, {@code recordLimit} + {@code moreRecordsAvailable}, rows newest first,
 * {@code customerPurchaseOrder} narrowing to the orders of that customer PO),
 * {@code sxapioegetsingleorderv3} (lines with {@code desc1}/{@code desc2} and no
 * warehouse, as {@code t-oelineitemV3} has them), {@code sxapioepricingmultiplev5},
 * {@code sxapiicproductavailbywhse} (one product), {@code sxapisfgetpriceavailmultiplev2}
 * (many products' availability per warehouse), {@code sxapiicgetwarehouselistv2},
 * {@code sxapiargetcustomerdatacredit}, {@code sxapiargetcustomerbalancev2},
 * {@code sxapisfoeordertotloadv4}, and the shipment and invoice lists of
 * {@link SxeShipmentsAndInvoices}. Customer numbers must arrive as JSON numbers, as the
 * OpenAPI types them: a string is refused, so a connector that sent one would be seen.
 *
 * <p>
 * Rendering of the neutral data: OPEN is stage 1 Ordered (some 0 Entered or 2 Picked),
 * ON_HOLD stage 1 with {@code approvty = "h"}, PARTIALLY_SHIPPED stage 3 with
 * short-shipped lines, SHIPPED stage 3, INVOICED stage 4 (5 Paid after a year), CANCELLED
 * stage 9. Stock is {@code netAvail} = on hand less allocated. The customer's balance is
 * spread over the aging buckets 60/25/15 %; a held customer has {@code sellType "n"}.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/{id}")
class SxeSandbox {

    private final SandboxRegistry registry;

    SxeSandbox(SandboxRegistry registry) {
        this.registry = registry;
    }

    // ---- the ION API gateway's token endpoint

    @PostMapping(path = "/" + SxeSandboxErp.TOKEN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> token(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam MultiValueMap<String, String> form) {
        Optional<Sandbox> found = registry.find(id, SandboxKind.INFOR_SXE);
        if (found.isEmpty()) {
            return gateway(404, "Not Found");
        }
        Sandbox sandbox = found.get();
        sandbox.stats().record("token");
        String expectedBasic = "Basic " + Base64.getEncoder()
            .encodeToString(
                    (SxeSandboxErp.CLIENT_ID + ":" + SxeSandboxErp.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expectedBasic.equals(authorization)) {
            return oauthError(401, "invalid_client", "Client authentication failed");
        }
        if (!"password".equals(form.getFirst("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "grant_type must be password");
        }
        if (!SxeSandboxErp.SERVICE_ACCOUNT_KEY.equals(form.getFirst("username"))
                || !SxeSandboxErp.SERVICE_ACCOUNT_SECRET.equals(form.getFirst("password"))) {
            return oauthError(400, "invalid_grant", "Invalid service account access key or secret key");
        }
        long ttl = sandbox.faults().tokenTtlSeconds();
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("access_token", sandbox.tokens().issue(ttl));
        body.put("token_type", "Bearer");
        body.put("expires_in", ttl);
        body.put("refresh_token", sandbox.tokens().issue(ttl * 4));
        return json(200, body);
    }

    // ---- SX.API

    @PostMapping("/" + SxeWire.SERVICE_PATH + "{operation}")
    ResponseEntity<String> operation(@PathVariable String id, @PathVariable String operation,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        Optional<Sandbox> found = registry.find(id, SandboxKind.INFOR_SXE);
        if (found.isEmpty()) {
            return gateway(404, "Not Found");
        }
        Sandbox sandbox = found.get();
        if (!sandbox.tokens().isValidBearer(authorization)) {
            return ResponseEntity.status(401)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .body(SxeSandboxErp.gatewayError(401, "Invalid or expired access token"));
        }
        JsonNode request;
        try {
            JsonNode root = body == null ? null : SandboxJson.MAPPER.readTree(body);
            request = root == null ? null : root.path("request");
        }
        catch (JacksonException ex) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            return answer(400, SxeWire.error("Unable to parse request: expected {\"request\": {...}}"));
        }
        try {
            if (!request.path("companyNumber").isIntegralNumber()
                    || request.path("companyNumber").asInt() != SxeSandboxErp.COMPANY) {
                return answer(200,
                        SxeWire.error("Company # " + request.path("companyNumber").asString("") + " not set up"));
            }
            if (!SxeSandboxErp.OPERATOR.equals(request.path("operatorInit").asString(""))) {
                return answer(200, SxeWire.error("Operator " + request.path("operatorInit").asString("")
                        + " not set up in Operator Setup - SASO"));
            }
            DistributorDataSet data = sandbox.data();
            SxeSandboxErp erp = (SxeSandboxErp) sandbox.erp();
            SxApiOperation op = SxApiOperation.of(operation);
            if (op == null) {
                return gateway(404, "No such operation: " + operation);
            }
            sandbox.stats().record(op.resource);
            ObjectNode response = switch (op) {
                case ORDER_LIST -> SxeOrders.orderList(request, data, erp);
                case SINGLE_ORDER -> SxeOrders.singleOrder(request, data);
                case PRICING -> SxePricingAndCredit.pricing(request, data, erp);
                case AVAILABILITY -> SxePricingAndCredit.availability(request, data);
                case PRICE_AVAIL_MULTIPLE -> SxePricingAndCredit.priceAvailMultiple(request, data);
                case WAREHOUSE_LIST -> SxePricingAndCredit.warehouseList(data);
                case CREDIT -> SxePricingAndCredit.credit(request, data, erp);
                case BALANCE -> SxePricingAndCredit.balance(request, data, erp);
                case CREATE -> SxeOrders.create(request, sandbox);
                case SHIPMENTS -> SxeShipmentsAndInvoices.shipments(request, data, erp);
                case INVOICES -> SxeShipmentsAndInvoices.invoices(request, data, erp);
            };
            return answer(200, response);
        }
        catch (SxeWire.BadRequest ex) {
            return answer(400, SxeWire.error(ex.getMessage()));
        }
    }

    /** The default operation names and the stats resource each counts as. */
    private enum SxApiOperation {

        ORDER_LIST("sxapioegetlistofordersv5", "orders"), SINGLE_ORDER("sxapioegetsingleorderv3", "order-lines"),
        PRICING("sxapioepricingmultiplev5", "prices"), AVAILABILITY("sxapiicproductavailbywhse", "inventory"),
        PRICE_AVAIL_MULTIPLE("sxapisfgetpriceavailmultiplev2", "inventory"),
        WAREHOUSE_LIST("sxapiicgetwarehouselistv2", "warehouses"), CREDIT("sxapiargetcustomerdatacredit", "credit"),
        BALANCE("sxapiargetcustomerbalancev2", "credit-balance"), CREATE("sxapisfoeordertotloadv4", "create-order"),
        SHIPMENTS("sxapioegetshipmentlistv1", "shipments"), INVOICES("sxapiargetinvoicelistv2", "invoices");

        private final String operation;

        private final String resource;

        SxApiOperation(String operation, String resource) {
            this.operation = operation;
            this.resource = resource;
        }

        static SxApiOperation of(String name) {
            for (SxApiOperation op : values()) {
                if (op.operation.equalsIgnoreCase(name)) {
                    return op;
                }
            }
            return null;
        }

    }

    private static ResponseEntity<String> answer(int status, ObjectNode response) {
        ObjectNode envelope = SandboxJson.MAPPER.createObjectNode();
        envelope.set("response", response);
        return json(status, envelope);
    }

    private static ResponseEntity<String> json(int status, ObjectNode body) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(SandboxJson.MAPPER.writeValueAsString(body));
    }

    private static ResponseEntity<String> oauthError(int status, String error, String description) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return json(status, body);
    }

    private static ResponseEntity<String> gateway(int status, String message) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(SxeSandboxErp.gatewayError(status, message));
    }

}
