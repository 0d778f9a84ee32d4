package dev.erpgraph.erp.sap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.erpgraph.erp.events.ErpEventException;
import dev.erpgraph.erp.events.EventJson;
import dev.erpgraph.erp.gateway.ErpEviction;
import dev.erpgraph.erp.gateway.ErpResource;
import tools.jackson.databind.JsonNode;

/**
 * SAP S/4HANA business events, as SAP Event Mesh delivers them to a webhook: one
 * CloudEvents 1.0 event in structured JSON ({@code specversion}, {@code id},
 * {@code source}, {@code type} required; keys in {@code data}). The webhook subscription
 * authenticates with Basic: the password must be the system's events secret (the user
 * name is not checked).
 *
 * <p>
 * Event types, matched on their prefix so that every version and operation (Created,
 * Changed, Deleted, ...) counts:
 * <ul>
 * <li>{@code sap.s4.beh.salesorder.v1.SalesOrder.*} [C], data {@code SalesOrder},
 * {@code SoldToParty}: that order, and every order list of that customer (all of the
 * system's order lists when SoldToParty is missing)</li>
 * <li>{@code sap.s4.beh.outbounddelivery.v1.OutboundDelivery.*} [C], data
 * {@code SoldToParty} [I]: every shipment list and order list of that customer (all of
 * the system's when SoldToParty is missing)</li>
 * <li>{@code sap.s4.beh.billingdocument.v1.BillingDocument.*} [C], data
 * {@code SoldToParty} [I]: that customer's invoices, orders and credit (all of the
 * system's when SoldToParty is missing)</li>
 * <li>{@code sap.s4.beh.businesspartner.v1.BusinessPartner.*} [C], data
 * {@code BusinessPartner}: the customer's credit and prices</li>
 * <li>{@code sap.s4.beh.product.v1.Product.*} [C], data {@code Product}: the item's stock
 * and prices</li>
 * <li>{@code sap.s4.beh.materialstock.v1.MaterialStock.*} [I], data {@code Material}: the
 * item's stock</li>
 * <li>{@code sap.s4.beh.salespricingcondition.v1.SalesPricingCondition.*} [I], data
 * {@code Material} and/or {@code Customer}: those prices</li>
 * <li>{@code sap.s4.beh.creditmanagementaccount.v1.CreditManagementAccount.*} [I], data
 * {@code BusinessPartner}: the customer's credit</li>
 * </ul>
 * [I] types are names this gateway defines for what S/4HANA does not publish as a
 * standard event (a custom event binding or an Event Mesh rule emits them); a real
 * deployment confirms them. Other types are accepted and ignored. SAP pads customer
 * numbers with zeros ({@code 0010100001}); both forms are evicted.
 */
public final class SapBusinessEvents {

    private SapBusinessEvents() {
    }

    static List<ErpEviction> parse(String erpSystemId, byte[] body, UnaryOperator<String> headers, String secret) {
        authenticate(headers.apply("Authorization"), secret);
        JsonNode event = EventJson.object(body);
        if (!"1.0".equals(EventJson.requiredString(event, "specversion"))) {
            throw ErpEventException.malformed("specversion must be 1.0");
        }
        EventJson.requiredString(event, "id");
        EventJson.requiredString(event, "source");
        String type = EventJson.requiredString(event, "type").toLowerCase(Locale.ROOT);
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            throw ErpEventException.malformed("'data' must be an object");
        }
        List<ErpEviction> evictions = new ArrayList<>();
        if (type.startsWith("sap.s4.beh.salesorder.v1.salesorder.")) {
            evictions.add(ErpEviction.orderNumbers(erpSystemId, numbers(EventJson.requiredString(data, "SalesOrder"))));
            JsonNode soldTo = data.get("SoldToParty");
            evictions.add(soldTo != null && soldTo.isString() && !soldTo.stringValue().isBlank()
                    ? ErpEviction.customers(erpSystemId, ErpResource.ORDERS, numbers(soldTo.stringValue()))
                    : ErpEviction.all(erpSystemId, ErpResource.ORDERS));
        }
        else if (type.startsWith("sap.s4.beh.outbounddelivery.v1.outbounddelivery.")) {
            // A goods issue also moves the orders it ships along.
            evictions.addAll(ofCustomer(erpSystemId, data, ErpResource.SHIPMENTS));
            evictions.addAll(ofCustomer(erpSystemId, data, ErpResource.ORDERS));
        }
        else if (type.startsWith("sap.s4.beh.billingdocument.v1.billingdocument.")) {
            // A billing document bills orders and raises what the customer owes.
            evictions.addAll(ofCustomer(erpSystemId, data, ErpResource.INVOICES));
            evictions.addAll(ofCustomer(erpSystemId, data, ErpResource.ORDERS));
            evictions.addAll(ofCustomer(erpSystemId, data, ErpResource.CREDIT));
        }
        else if (type.startsWith("sap.s4.beh.businesspartner.v1.businesspartner.")) {
            Set<String> customer = numbers(EventJson.requiredString(data, "BusinessPartner"));
            evictions.add(ErpEviction.customers(erpSystemId, ErpResource.CREDIT, customer));
            evictions.add(ErpEviction.customers(erpSystemId, ErpResource.PRICES, customer));
        }
        else if (type.startsWith("sap.s4.beh.product.v1.product.")) {
            Set<String> sku = Set.of(EventJson.requiredString(data, "Product"));
            evictions.add(ErpEviction.skus(erpSystemId, ErpResource.INVENTORY, sku));
            evictions.add(ErpEviction.skus(erpSystemId, ErpResource.PRICES, sku));
        }
        else if (type.startsWith("sap.s4.beh.materialstock.v1.materialstock.")) {
            evictions.add(ErpEviction.skus(erpSystemId, ErpResource.INVENTORY,
                    Set.of(EventJson.requiredString(data, "Material"))));
        }
        else if (type.startsWith("sap.s4.beh.salespricingcondition.v1.salespricingcondition.")) {
            JsonNode material = data.get("Material");
            JsonNode customer = data.get("Customer");
            if (material != null && material.isString() && !material.stringValue().isBlank()) {
                evictions.add(ErpEviction.skus(erpSystemId, ErpResource.PRICES, Set.of(material.stringValue())));
            }
            else if (customer != null && customer.isString() && !customer.stringValue().isBlank()) {
                evictions.add(ErpEviction.customers(erpSystemId, ErpResource.PRICES, numbers(customer.stringValue())));
            }
            else {
                throw ErpEventException.malformed("a pricing condition event names a Material or a Customer");
            }
        }
        else if (type.startsWith("sap.s4.beh.creditmanagementaccount.v1.creditmanagementaccount.")) {
            evictions.add(ErpEviction.customers(erpSystemId, ErpResource.CREDIT,
                    numbers(EventJson.requiredString(data, "BusinessPartner"))));
        }
        return evictions;
    }

    /**
     * The resource's values of the event's {@code SoldToParty}; all of the system's when
     * the event does not name one.
     */
    private static List<ErpEviction> ofCustomer(String erpSystemId, JsonNode data, ErpResource resource) {
        JsonNode soldTo = data.get("SoldToParty");
        return List.of(soldTo != null && soldTo.isString() && !soldTo.stringValue().isBlank()
                ? ErpEviction.customers(erpSystemId, resource, numbers(soldTo.stringValue()))
                : ErpEviction.all(erpSystemId, resource));
    }

    /** The header a sender configures: Basic with the events secret as password. */
    public static String authorization(String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(("erp-events:" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static void authenticate(String authorization, String secret) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw ErpEventException.unauthenticated("Basic authentication required");
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw ErpEventException.unauthenticated("malformed Basic credentials");
        }
        int colon = credentials.indexOf(':');
        if (colon < 0 || !EventJson.sameSecret(credentials.substring(colon + 1), secret)) {
            throw ErpEventException.forbidden("wrong credentials for this system's events");
        }
    }

    /**
     * A customer number as sent and without SAP's leading zeros (the CRM may link either
     * form).
     */
    private static Set<String> numbers(String number) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(number);
        forms.add(number.replaceFirst("^0+(?=.)", ""));
        return forms;
    }

}
