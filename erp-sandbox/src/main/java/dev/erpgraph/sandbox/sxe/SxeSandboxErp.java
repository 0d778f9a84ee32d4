package dev.erpgraph.sandbox.sxe;

import java.util.regex.Pattern;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.NumberRange;
import dev.erpgraph.sandbox.SandboxErp;
import dev.erpgraph.sandbox.SandboxJson;
import dev.erpgraph.sandbox.SandboxKind;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The SX.e sandbox's numbering and demo configuration. Customers are SX.e's numeric
 * {@code custno}s {@code 98000 + index}; orders are {@code orderno-ordersuf} with
 * {@code orderno = 1200000 + sequence} and suffix {@code 00}. Injected faults look like
 * the ION API gateway's (it, not SX.e, answers 429/5xx), with an OAuth-style JSON body
 * [I].
 */
@Component
@ConditionalOnSandboxMode
public class SxeSandboxErp extends SandboxErp {

    static final String SYSTEM_ID = "sxe";
    static final long FIRST_CUSTOMER = 98_000;
    static final long FIRST_ORDER = 1_200_000;
    static final int COMPANY = 1;
    static final String OPERATOR = "erpg";
    static final String CLIENT_ID = "ERPGRAPH_TST~sxe-demo-client";
    static final String CLIENT_SECRET = "sxe-demo-client-secret";
    static final String SERVICE_ACCOUNT_KEY = "ERPGRAPH_TST#sxe-demo-saak";
    static final String SERVICE_ACCOUNT_SECRET = "sxe-demo-sask";
    static final String TOKEN_PATH = "as/token.oauth2";

    private static final Pattern CUSTOMER = Pattern.compile("[1-9][0-9]{0,11}");

    private static final Pattern ORDER = Pattern.compile("([1-9][0-9]{0,8})-00");

    /**
     * The ION API gateway's answer to a request it will not pass on: status plus
     * OAuth-style JSON [I].
     */
    public SxeSandboxErp() {
        super(SandboxKind.INFOR_SXE, SYSTEM_ID, NumberRange.customers(FIRST_CUSTOMER, CUSTOMER),
                NumberRange.orders(FIRST_ORDER, ORDER).writtenAs(orderNo -> SxeWire.orderNumber(orderNo, 0)),
                "application/json");
    }

    @Override
    protected String faultBody(int status, String message) {
        return gatewayError(status, message);
    }

    static String gatewayError(int status, String message) {
        HttpStatus known = HttpStatus.resolve(status);
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("error", known == null ? "error" : known.getReasonPhrase().toLowerCase().replace(' ', '_'));
        body.put("error_description", message);
        return SandboxJson.MAPPER.writeValueAsString(body);
    }

}
