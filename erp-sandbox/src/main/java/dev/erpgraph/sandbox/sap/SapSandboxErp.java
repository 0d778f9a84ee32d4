package dev.erpgraph.sandbox.sap;

import java.util.regex.Pattern;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.NumberRange;
import dev.erpgraph.sandbox.SandboxErp;
import dev.erpgraph.sandbox.SandboxKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * SAP's numbering of the demo data set: business partners {@code 17100001 + index} (as in
 * SAP's 1710 demo company), sales orders {@code 4000000 + sequence}; SAP's OData v2 error
 * body; and the demo system, read with the communication user {@value #USER} over Basic.
 */
@Component
@ConditionalOnSandboxMode
public class SapSandboxErp extends SandboxErp {

    public static final String USER = "DEMO_COMM_USER";

    public static final String PASSWORD = "Demo-Comm-Pass-1710";

    /**
     * The OAuth2 client the sandbox's token endpoint accepts (the OAuth variant of a
     * communication arrangement).
     */
    public static final String CLIENT_ID = "DEMO_OAUTH_CLIENT";

    public static final String CLIENT_SECRET = "Demo-Client-Secret-1710";
    static final String TOKEN_PATH = "/oauth/token";

    private static final int FIRST_CUSTOMER = 17_100_001;

    private static final int FIRST_ORDER = 4_000_000;

    private static final Pattern NUMBER = Pattern.compile("[1-9]\\d{0,9}");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public SapSandboxErp() {
        // SAP's numbers stay within int range
        super(SandboxKind.SAP_S4HANA, "sap", NumberRange.customers(FIRST_CUSTOMER, NUMBER),
                NumberRange.orders(FIRST_ORDER, NUMBER).upTo(Integer.MAX_VALUE - FIRST_ORDER),
                "application/json;charset=utf-8");
    }

    @Override
    protected String faultBody(int status, String message) {
        return errorBody(
                status == 429 ? "/IWFND/CM_BEC/026" : status >= 500 ? "/IWFND/CM_BEC/004" : "/IWBEP/CM_MGW_RT/000",
                message);
    }

    /** SAP Gateway's OData v2 error body. */
    static String errorBody(String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        ObjectNode text = error.putObject("message");
        text.put("lang", "en");
        text.put("value", message);
        ObjectNode inner = error.putObject("innererror");
        ObjectNode application = inner.putObject("application");
        application.put("component_id", "SD-SLS-API");
        application.put("service_namespace", "/SAP/");
        application.put("service_id", "API_SALES_ORDER_SRV");
        application.put("service_version", "0001");
        inner.put("transactionid", "5F2A8C3B9E7D4A1C8B6E0F2D4C6A8E0B");
        inner.put("timestamp", "20261101120000.0000000");
        ObjectNode detail = inner.putArray("errordetails").addObject();
        detail.put("code", code);
        detail.put("message", message);
        detail.put("propertyref", "");
        detail.put("severity", "error");
        detail.put("target", "");
        return JSON.writeValueAsString(root);
    }

}
