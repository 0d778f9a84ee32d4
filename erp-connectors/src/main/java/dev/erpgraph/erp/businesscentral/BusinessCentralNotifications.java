package dev.erpgraph.erp.businesscentral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.erpgraph.erp.events.ErpEventException;
import dev.erpgraph.erp.events.EventJson;
import dev.erpgraph.erp.gateway.ErpEviction;
import dev.erpgraph.erp.gateway.ErpResource;
import tools.jackson.databind.JsonNode;

/**
 * Business Central webhook notifications (API v2.0 {@code subscriptions}):
 * {@code {"value":[{"subscriptionId","clientState","expirationDateTime","resource","changeType",
 * "lastModifiedDateTime"}]}}. Every notification's {@code clientState} must equal the
 * system's events secret (BC echoes what the subscription was created with); one wrong
 * one refuses the whole body.
 *
 * <p>
 * What is evicted, by the entity set the {@code resource} path ends in:
 * <ul>
 * <li>{@code salesOrders}, {@code salesOrderLines}: orders (BC notifies the header for a
 * line change)</li>
 * <li>{@code customers}: credit and prices (credit limit, blocked, price group)</li>
 * <li>{@code items}: inventory and prices ({@code inventory}, {@code unitPrice})</li>
 * <li>{@code salesShipments}: shipments and orders (posting a shipment ships the order's
 * lines); {@code salesInvoices}: invoices, orders and credit (posting an invoice bills
 * the order and raises the balance); always the whole resource, since their key is the
 * document's own</li>
 * <li>anything else: nothing, and still 202: BC deletes a subscription whose endpoint
 * answers another 4xx</li>
 * </ul>
 * BC names a record by its {@code id} GUID while the gateway caches by number (customer
 * number, sku, order number), so a record's notification evicts that resource of the
 * system; a key that is not a GUID (a custom API page keyed by number,
 * {@code customers('10000')}) evicts only that number. {@code collection} (more than
 * 1,000 changes in BC's 30-second window) evicts the resource.
 */
final class BusinessCentralNotifications {

    private static final Pattern ENTITY = Pattern.compile("([A-Za-z]+)(?:\\(([^)]*)\\))?$");

    private static final Pattern GUID = Pattern
        .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted", "collection");

    private static final Map<String, List<ErpResource>> RESOURCES = Map.of("salesOrders", List.of(ErpResource.ORDERS),
            "salesOrderLines", List.of(ErpResource.ORDERS), "customers",
            List.of(ErpResource.CREDIT, ErpResource.PRICES), "items",
            List.of(ErpResource.INVENTORY, ErpResource.PRICES), "salesShipments",
            List.of(ErpResource.SHIPMENTS, ErpResource.ORDERS), "salesInvoices",
            List.of(ErpResource.INVOICES, ErpResource.ORDERS, ErpResource.CREDIT));

    private BusinessCentralNotifications() {
    }

    /**
     * Business Central sends no header of its own: {@code clientState} is in the body.
     */
    static List<ErpEviction> parse(String erpSystemId, byte[] body, UnaryOperator<String> headers, String secret) {
        JsonNode root = EventJson.object(body);
        JsonNode value = root.get("value");
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw ErpEventException.malformed("a notification body holds a non-empty 'value' array");
        }
        List<ErpEviction> evictions = new ArrayList<>();
        for (JsonNode notification : value) {
            if (!notification.isObject()) {
                throw ErpEventException.malformed("each notification must be an object");
            }
            JsonNode clientState = notification.get("clientState");
            if (clientState == null || !clientState.isString()) {
                throw ErpEventException.unauthenticated("a notification without clientState");
            }
            if (!EventJson.sameSecret(clientState.stringValue(), secret)) {
                throw ErpEventException.forbidden("clientState does not match this system's subscription");
            }
            String changeType = EventJson.requiredString(notification, "changeType");
            if (!CHANGE_TYPES.contains(changeType)) {
                throw ErpEventException.malformed("changeType must be one of " + CHANGE_TYPES);
            }
            evictions.addAll(evictions(erpSystemId, EventJson.requiredString(notification, "resource"), changeType));
        }
        return evictions;
    }

    private static List<ErpEviction> evictions(String erpSystemId, String resource, String changeType) {
        String path = resource.contains("?") ? resource.substring(0, resource.indexOf('?')) : resource;
        Matcher entity = ENTITY.matcher(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        if (!entity.find()) {
            throw ErpEventException.malformed("resource '" + resource + "' names no entity set");
        }
        List<ErpResource> resources = RESOURCES.getOrDefault(entity.group(1), List.of());
        String key = entity.group(2) == null ? null : unquote(entity.group(2).trim());
        List<ErpEviction> evictions = new ArrayList<>();
        for (ErpResource cached : resources) {
            boolean whole = "collection".equals(changeType) || key == null || key.isEmpty()
                    || GUID.matcher(key).matches()
                    // A new order by number cannot be placed in its customer's cached
                    // lists: drop them all.
                    || cached == ErpResource.ORDERS && "created".equals(changeType)
                    // A posted shipment or invoice is keyed by its own number, which
                    // names no customer or order we cache by; its orders and the
                    // customer's balance move with it.
                    || !entity.group(1).startsWith("salesOrder") && !entity.group(1).equals("customers")
                            && !entity.group(1).equals("items");
            if (whole) {
                evictions.add(ErpEviction.all(erpSystemId, cached));
            }
            else if (cached == ErpResource.ORDERS) {
                evictions.add(ErpEviction.orderNumbers(erpSystemId, Set.of(key)));
            }
            else if (entity.group(1).equals("customers")) {
                evictions.add(ErpEviction.customers(erpSystemId, cached, Set.of(key)));
            }
            else {
                evictions.add(ErpEviction.skus(erpSystemId, cached, Set.of(key)));
            }
        }
        return evictions;
    }

    private static String unquote(String key) {
        return key.length() >= 2 && key.startsWith("'") && key.endsWith("'")
                ? key.substring(1, key.length() - 1).replace("''", "'") : key;
    }

}
