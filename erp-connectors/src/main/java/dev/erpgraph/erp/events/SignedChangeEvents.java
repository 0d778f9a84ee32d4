package dev.erpgraph.erp.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.erpgraph.erp.gateway.ErpEviction;
import dev.erpgraph.erp.gateway.ErpResource;
import tools.jackson.databind.JsonNode;

/**
 * The change event of the ERPs that send none of their own (NetSuite, SX.e, P21): a
 * deployment's script (a NetSuite User Event {@code afterSubmit}, a P21 or SX.e poller of
 * {@code date_last_modified}) posts it. The body is one change, or several under
 * {@code changes}: <pre>
 * {"resource": "orders",    "customerNumbers": ["C-1"], "orderNumbers": ["SO-9"]}
 * {"resource": "inventory", "skus": ["PVC-10000"]}
 * {"resource": "prices",    "skus": ["PVC-10000"], "customerNumbers": ["C-1"]}
 * {"resource": "credit",    "customerNumbers": ["C-1"]}
 * {"resource": "shipments", "customerNumbers": ["C-1"], "orderNumbers": ["SO-9"]}
 * {"resource": "invoices",  "customerNumbers": ["C-1"], "orderNumbers": ["SO-9"]}
 * {"resource": "inventory", "all": true}
 * {"changes": [ {...}, {...} ]}
 * </pre> Each named key evicts that key in every query variant (all of a customer's
 * order, shipment or invoice queries, an order's shipments or invoices, a sku in every
 * warehouse, an item's prices for every customer); {@code all} evicts the resource. It is
 * authenticated by header {@value #HEADER}: {@code sha256=} and the lowercase hex
 * HMAC-SHA256 of the raw body, keyed with the system's
 * {@code erp.systems.<id>.events.secret}. The signature is checked before the body is
 * read.
 */
public final class SignedChangeEvents {

    static final String HEADER = "X-ERP-Signature";

    private SignedChangeEvents() {
    }

    /** The {@link ErpEventParser} of every ERP that sends no change event of its own. */
    public static List<ErpEviction> parse(String erpSystemId, byte[] body, UnaryOperator<String> headers,
            String secret) {
        String signature = headers.apply(HEADER);
        if (signature == null || signature.isBlank()) {
            throw ErpEventException.unauthenticated("missing " + HEADER + " header");
        }
        if (!EventJson.sameSecret(signature.trim(), sign(body == null ? new byte[0] : body, secret))) {
            throw ErpEventException.forbidden(HEADER + " does not match the body");
        }
        JsonNode root = EventJson.object(body);
        List<ErpEviction> evictions = new ArrayList<>();
        JsonNode changes = root.get("changes");
        if (changes != null) {
            if (!changes.isArray() || changes.isEmpty()) {
                throw ErpEventException.malformed("'changes' must be a non-empty array of changes");
            }
            for (JsonNode change : changes) {
                if (!change.isObject()) {
                    throw ErpEventException.malformed("each change must be an object");
                }
                evictions.addAll(change(erpSystemId, change));
            }
        }
        else {
            evictions.addAll(change(erpSystemId, root));
        }
        return evictions;
    }

    /** {@code sha256=<hex>} of the body: what a sender puts in the header. */
    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }

    private static List<ErpEviction> change(String erpSystemId, JsonNode change) {
        String name = EventJson.requiredString(change, "resource");
        ErpResource resource = resource(name);
        Set<String> customers = EventJson.strings(change, "customerNumbers");
        Set<String> skus = EventJson.strings(change, "skus");
        Set<String> orders = EventJson.strings(change, "orderNumbers");
        JsonNode all = change.get("all");
        if (all != null && !all.isBoolean()) {
            throw ErpEventException.malformed("'all' must be a boolean");
        }
        boolean customersApply = resource != ErpResource.INVENTORY;
        boolean skusApply = resource == ErpResource.INVENTORY || resource == ErpResource.PRICES;
        boolean ordersApply = resource.isOrderDocuments();
        if (!customers.isEmpty() && !customersApply || !skus.isEmpty() && !skusApply
                || !orders.isEmpty() && !ordersApply) {
            throw ErpEventException.malformed("a " + name + " change names "
                    + (ordersApply ? "customerNumbers or orderNumbers" : skusApply && customersApply
                            ? "skus or customerNumbers" : skusApply ? "skus" : "customerNumbers"));
        }
        List<ErpEviction> evictions = new ArrayList<>();
        if (all != null && all.asBoolean()) {
            evictions.add(ErpEviction.all(erpSystemId, resource));
            return evictions;
        }
        if (customers.isEmpty() && skus.isEmpty() && orders.isEmpty()) {
            throw ErpEventException.malformed("a change names customerNumbers, skus or orderNumbers, or sets all");
        }
        if (!customers.isEmpty()) {
            evictions.add(ErpEviction.customers(erpSystemId, resource, customers));
        }
        if (!skus.isEmpty()) {
            evictions.add(ErpEviction.skus(erpSystemId, resource, skus));
        }
        if (!orders.isEmpty()) {
            evictions.add(ErpEviction.orderNumbers(erpSystemId, resource, orders));
        }
        return evictions;
    }

    private static ErpResource resource(String name) {
        for (ErpResource resource : ErpResource.values()) {
            if (resource.tag().equals(name)) {
                return resource;
            }
        }
        throw ErpEventException
            .malformed("'resource' must be one of orders, inventory, prices, credit, shipments, invoices");
    }

}
