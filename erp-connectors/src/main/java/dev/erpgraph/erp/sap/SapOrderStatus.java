package dev.erpgraph.erp.sap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.erpgraph.erp.OrderStatus;

/**
 * SAP SD header statuses onto {@link OrderStatus}. SAP's status domain: {@code ''} not
 * relevant, {@code A} not yet processed, {@code B} partially processed, {@code C}
 * completely processed; {@code TotalCreditCheckStatus} {@code B} is a failed (blocking)
 * credit check. First match wins:
 * <ol>
 * <li>{@code OverallSDDocumentRejectionSts = C} (every item rejected):
 * {@link OrderStatus#CANCELLED}</li>
 * <li>{@code TotalCreditCheckStatus = B}: {@link OrderStatus#ON_HOLD}</li>
 * <li>{@code OverallSDProcessStatus = C} (delivered and billed: with delivery-related
 * billing the process only completes on the invoice): {@link OrderStatus#INVOICED}</li>
 * <li>{@code OverallTotalDeliveryStatus = C}: {@link OrderStatus#SHIPPED}</li>
 * <li>{@code OverallTotalDeliveryStatus = B}: {@link OrderStatus#PARTIALLY_SHIPPED}</li>
 * <li>anything else: {@link OrderStatus#OPEN}</li>
 * </ol>
 * The billing status is not used: {@code OverallOrdReltdBillgStatus} only covers
 * order-related billing, which a distributor's stock sales do not use.
 */
final class SapOrderStatus {

    static final String REJECTION = "OverallSDDocumentRejectionSts";
    static final String CREDIT = "TotalCreditCheckStatus";
    static final String PROCESS = "OverallSDProcessStatus";
    static final String DELIVERY = "OverallTotalDeliveryStatus";

    private SapOrderStatus() {
    }

    static OrderStatus of(String rejection, String credit, String process, String delivery) {
        if ("C".equals(rejection)) {
            return OrderStatus.CANCELLED;
        }
        if ("B".equals(credit)) {
            return OrderStatus.ON_HOLD;
        }
        if ("C".equals(process)) {
            return OrderStatus.INVOICED;
        }
        if ("C".equals(delivery)) {
            return OrderStatus.SHIPPED;
        }
        return "B".equals(delivery) ? OrderStatus.PARTIALLY_SHIPPED : OrderStatus.OPEN;
    }

    /**
     * A {@code $filter} that selects a superset of the orders in these statuses (each
     * status by its own deciding field); the exact status is decided by {@link #of} on
     * what comes back. Null for "any status".
     */
    static String filter(Set<OrderStatus> statuses) {
        if (statuses.isEmpty() || statuses.size() == OrderStatus.values().length) {
            return null;
        }
        List<String> clauses = new ArrayList<>();
        for (OrderStatus status : OrderStatus.values()) {
            if (!statuses.contains(status)) {
                continue;
            }
            clauses.add(switch (status) {
                case CANCELLED -> REJECTION + " eq 'C'";
                case ON_HOLD -> CREDIT + " eq 'B'";
                case INVOICED -> PROCESS + " eq 'C'";
                case SHIPPED -> DELIVERY + " eq 'C'";
                case PARTIALLY_SHIPPED -> DELIVERY + " eq 'B'";
                case OPEN -> "(" + PROCESS + " ne 'C' and " + DELIVERY + " ne 'B' and " + DELIVERY + " ne 'C')";
            });
        }
        return "(" + String.join(" or ", clauses) + ")";
    }

}
