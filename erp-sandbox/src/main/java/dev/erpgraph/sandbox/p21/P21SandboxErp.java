package dev.erpgraph.sandbox.p21;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.NumberRange;
import dev.erpgraph.sandbox.SandboxErp;
import dev.erpgraph.sandbox.SandboxJson;
import dev.erpgraph.sandbox.SandboxKind;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * What the sandbox machinery knows of P21: customers are numbered {@code 100000 + index}
 * (P21 customer ids are numbers), orders {@code 1010000 + sequence} (P21's
 * {@code order_no}, a string of digits), locations are numbers (10 = CLE ... 50 = IND),
 * errors use the OData service's {@code {"error":{"code","message"}}}.
 */
@Component
@ConditionalOnSandboxMode
public class P21SandboxErp extends SandboxErp {

    /** The user the token endpoint accepts (the demo configures it). */
    public static final String DEMO_USERNAME = "P21API";

    public static final String DEMO_PASSWORD = "p21-demo";

    public static final String DEMO_CONSUMER_KEY = "p21-demo-consumer-key";
    static final int FIRST_CUSTOMER_ID = 100_000;
    static final int FIRST_ORDER_NO = 1_010_000;

    private static final Pattern CUSTOMER_ID = Pattern.compile("[1-9][0-9]{5,8}");

    private static final Pattern ORDER_NO = Pattern.compile("[1-9][0-9]{6,8}");

    /**
     * Warehouse code → P21 location id, as the {@code location} table lists them (the
     * code is the location's {@code default_branch_id}).
     */
    static final Map<String, Long> LOCATIONS;

    /** A location whose branch closed: in the table, deleted. */
    static final long CLOSED_LOCATION = 90L;

    static {
        Map<String, Long> locations = new LinkedHashMap<>();
        locations.put("CLE", 10L);
        locations.put("CMH", 20L);
        locations.put("DET", 30L);
        locations.put("PIT", 40L);
        locations.put("IND", 50L);
        LOCATIONS = Collections.unmodifiableMap(locations);
    }

    public P21SandboxErp() {
        super(SandboxKind.EPICOR_P21, "p21", NumberRange.customers(FIRST_CUSTOMER_ID, CUSTOMER_ID),
                NumberRange.orders(FIRST_ORDER_NO, ORDER_NO), "application/json;charset=UTF-8");
    }

    @Override
    protected String faultBody(int status, String message) {
        return errorBody(status, message);
    }

    /** The OData service's error body. */
    static String errorBody(int status, String message) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", String.valueOf(status));
        error.put("message", message);
        return SandboxJson.MAPPER.writeValueAsString(body);
    }

}
