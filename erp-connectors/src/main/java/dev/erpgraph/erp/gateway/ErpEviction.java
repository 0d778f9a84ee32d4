package dev.erpgraph.erp.gateway;

import java.util.Objects;
import java.util.Set;

/**
 * Which cached values of one ERP system a change makes wrong, named by what an ERP's
 * change event carries: customer numbers, skus or order numbers, never by the cache's own
 * keys (which also hold the query variant).
 * <ul>
 * <li>{@link Scope#ALL}: every entry of the resource (a change the event does not pin
 * down)</li>
 * <li>{@link Scope#CUSTOMERS}: orders, credit and prices of these customers, every query
 * variant</li>
 * <li>{@link Scope#SKUS}: stock of these skus in every warehouse variant; their prices
 * for every customer</li>
 * <li>{@link Scope#ORDER_NUMBERS}: these orders, read by number or inside any customer's
 * order list; for shipments and invoices, those of these orders, read per order or inside
 * any customer's list</li>
 * </ul>
 *
 * @param keys the ERP's own numbers (ignored for {@code ALL})
 */
public record ErpEviction(String erpSystemId, ErpResource resource, Scope scope, Set<String> keys) {

    public enum Scope {

        ALL, CUSTOMERS, SKUS, ORDER_NUMBERS

    }

    public ErpEviction {
        Objects.requireNonNull(erpSystemId, "erpSystemId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(scope, "scope");
        keys = scope == Scope.ALL || keys == null ? Set.of() : Set.copyOf(keys);
    }

    public static ErpEviction all(String erpSystemId, ErpResource resource) {
        return new ErpEviction(erpSystemId, resource, Scope.ALL, Set.of());
    }

    public static ErpEviction customers(String erpSystemId, ErpResource resource, Set<String> customerNumbers) {
        return new ErpEviction(erpSystemId, resource, Scope.CUSTOMERS, customerNumbers);
    }

    public static ErpEviction skus(String erpSystemId, ErpResource resource, Set<String> skus) {
        return new ErpEviction(erpSystemId, resource, Scope.SKUS, skus);
    }

    public static ErpEviction orderNumbers(String erpSystemId, Set<String> orderNumbers) {
        return orderNumbers(erpSystemId, ErpResource.ORDERS, orderNumbers);
    }

    /** The orders, or the shipments or invoices of these orders. */
    public static ErpEviction orderNumbers(String erpSystemId, ErpResource resource, Set<String> orderNumbers) {
        return new ErpEviction(erpSystemId, resource, Scope.ORDER_NUMBERS, orderNumbers);
    }
}
