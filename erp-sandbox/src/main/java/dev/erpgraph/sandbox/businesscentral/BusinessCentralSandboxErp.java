package dev.erpgraph.sandbox.businesscentral;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.NumberRange;
import dev.erpgraph.sandbox.SandboxErp;
import dev.erpgraph.sandbox.SandboxJson;
import dev.erpgraph.sandbox.SandboxKind;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Business Central's view of the sandbox data set: customer numbers {@code 10000},
 * {@code 10010}, ... (BC's demo numbering, index {@code i} → {@code 10000 + 10 i}), order
 * numbers {@code 101000 + sequence}, the error body {@code {"error":{"code","message"}}},
 * and the demo tenant, environment, company and Entra app.
 */
@Component
@ConditionalOnSandboxMode
class BusinessCentralSandboxErp extends SandboxErp {

    static final String SYSTEM_ID = "business-central";
    static final String TENANT_ID = "6f1c2a9e-3b7d-4c55-9e21-8a4d0b7c3e10";
    static final String ENVIRONMENT = "production";
    static final String COMPANY_ID = "b5c0e7a2-91d4-4f3b-a6e8-2c7d9f10ab01";
    static final String CLIENT_ID = "0a7e4b52-6c1d-4e9f-8b3a-d2f5c6e7a901";
    static final String CLIENT_SECRET = "bc-demo-secret";

    /** The scope a client-credentials token for Business Central's API asks for. */
    static final String SCOPE = "https://api.businesscentral.dynamics.com/.default";
    static final String TOKEN_PATH = "oauth2/" + TENANT_ID + "/oauth2/v2.0/token";

    /**
     * A number as BC's number series spell it: no sign, no leading zero, at most 9
     * digits.
     */
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    /** Customer numbers 10000, 10010, 10020...: BC's default series steps by ten. */
    private static final NumberRange CUSTOMERS = NumberRange.customers(10_000, NUMBER).steppingBy(10);

    private static final NumberRange ORDERS = NumberRange.orders(101_000, NUMBER);

    BusinessCentralSandboxErp() {
        super(SandboxKind.BUSINESS_CENTRAL, SYSTEM_ID, CUSTOMERS, ORDERS, "application/json; charset=utf-8");
    }

    @Override
    protected String faultBody(int status, String message) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", errorCode(status));
        error.put("message", message + "  CorrelationId:  "
                + UUID.nameUUIDFromBytes(message.getBytes(StandardCharsets.UTF_8)) + ".");
        return SandboxJson.MAPPER.writeValueAsString(body);
    }

    /** BC's error codes for the statuses the sandbox produces. */
    static String errorCode(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Authentication_InvalidCredentials";
            case 404 -> "BadRequest_NotFound";
            case 429 -> "Application_TooManyRequests";
            case 503 -> "ServiceUnavailable";
            default -> "InternalServerError";
        };
    }

    /**
     * Digits only, no sign, no leading zero, within int: BC's numbers as the data set
     * formats them.
     */

}
