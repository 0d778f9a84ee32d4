package dev.erpgraph.erp.netsuite;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.erpgraph.erp.OrderStatus;

/**
 * NetSuite's sales order status letters (SuiteQL {@code transaction.status}; saved
 * searches say {@code SalesOrd:X}) and how they map onto {@link OrderStatus}: <pre>
 * A Pending Approval                      ON_HOLD            (not released for fulfilment)
 * B Pending Fulfillment                   OPEN
 * C Cancelled                             CANCELLED
 * D Partially Fulfilled                   PARTIALLY_SHIPPED
 * E Pending Billing/Partially Fulfilled   PARTIALLY_SHIPPED  (part shipped, that part not yet billed)
 * F Pending Billing                       SHIPPED            (all fulfilled, not yet billed)
 * G Billed                                INVOICED
 * H Closed                                CANCELLED          (remaining lines closed: nothing more will ship)
 * </pre> The reverse mapping turns a status filter into {@code t.status IN (...)}.
 */
final class NetSuiteOrderStatus {

    private static final Map<String, OrderStatus> BY_LETTER = Map.of("A", OrderStatus.ON_HOLD, "B", OrderStatus.OPEN,
            "C", OrderStatus.CANCELLED, "D", OrderStatus.PARTIALLY_SHIPPED, "E", OrderStatus.PARTIALLY_SHIPPED, "F",
            OrderStatus.SHIPPED, "G", OrderStatus.INVOICED, "H", OrderStatus.CANCELLED);

    private NetSuiteOrderStatus() {
    }

    static Optional<OrderStatus> of(String letter) {
        return Optional.ofNullable(letter == null ? null : BY_LETTER.get(letter));
    }

    /** The letters of these statuses, sorted (for a stable statement). */
    static Set<String> letters(Set<OrderStatus> statuses) {
        Set<String> letters = new TreeSet<>();
        BY_LETTER.forEach((letter, status) -> {
            if (statuses.contains(status)) {
                letters.add(letter);
            }
        });
        return letters;
    }

}
