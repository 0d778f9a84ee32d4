package dev.erpgraph.erp.sxe;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.SalesOrderLine;

/**
 * SX.e's order stage ({@code oeeh.stagecd}, {@code stageCd} on the wire) and how it maps
 * onto {@link OrderStatus}. The stage alone cannot say "partially shipped" or "on hold",
 * so the lines and the header's approval flag take part:
 *
 * <pre>
 * stage                 | lines / header                          | OrderStatus
 * 0 Entered (quote), 1 Ordered, 2 Picked
 *                       | header approval flag in holdValues      | ON_HOLD
 *                       | some line already shipped (qtyShip > 0) | PARTIALLY_SHIPPED
 *                       | otherwise                               | OPEN
 * 3 Shipped             | a line shipped short (qtyShip < qtyOrd; | PARTIALLY_SHIPPED
 *                       |   SX.e moves the rest to a backorder    |
 *                       |   suffix, e.g. 1234567-01)              |
 *                       | otherwise                               | SHIPPED
 * 4 Invoiced, 5 Paid    |                                         | INVOICED
 * 9 Cancelled           |                                         | CANCELLED
 * anything else         | unknown to this mapping                 | BAD_RESPONSE
 * </pre>
 */
final class SxeStageCode {

    static final int ENTERED = 0;
    static final int ORDERED = 1;
    static final int PICKED = 2;
    static final int SHIPPED = 3;
    static final int INVOICED = 4;
    static final int PAID = 5;
    static final int CANCELLED = 9;

    private SxeStageCode() {
    }

    static OrderStatus status(int stage, boolean held, List<SalesOrderLine> lines) {
        return switch (stage) {
            case ENTERED, ORDERED,
                    PICKED ->
                held ? OrderStatus.ON_HOLD
                        : lines.stream()
                            .anyMatch(line -> line.shippedQuantity() != null && line.shippedQuantity().signum() > 0)
                                    ? OrderStatus.PARTIALLY_SHIPPED : OrderStatus.OPEN;
            case SHIPPED -> lines.stream().anyMatch(SxeStageCode::shortShipped) ? OrderStatus.PARTIALLY_SHIPPED
                    : OrderStatus.SHIPPED;
            case INVOICED, PAID -> OrderStatus.INVOICED;
            case CANCELLED -> OrderStatus.CANCELLED;
            default -> throw new IllegalArgumentException("unknown SX.e order stage " + stage);
        };
    }

    /**
     * The stages an order of one of {@code statuses} can be in (every stage for none), so
     * that the order list is asked only for those ({@code startStage}/{@code endStage})
     * and no order is fetched in detail that can never match.
     */
    static Set<Integer> stagesFor(Set<OrderStatus> statuses) {
        Set<Integer> stages = new TreeSet<>();
        if (statuses.isEmpty()) {
            stages.addAll(List.of(ENTERED, ORDERED, PICKED, SHIPPED, INVOICED, PAID, CANCELLED));
            return stages;
        }
        for (OrderStatus status : statuses) {
            switch (status) {
                case OPEN, ON_HOLD -> stages.addAll(List.of(ENTERED, ORDERED, PICKED));
                case PARTIALLY_SHIPPED -> stages.addAll(List.of(ENTERED, ORDERED, PICKED, SHIPPED));
                case SHIPPED -> stages.add(SHIPPED);
                case INVOICED -> stages.addAll(List.of(INVOICED, PAID));
                case CANCELLED -> stages.add(CANCELLED);
            }
        }
        return stages;
    }

    private static boolean shortShipped(SalesOrderLine line) {
        return line.shippedQuantity() != null && line.shippedQuantity().compareTo(line.quantity()) < 0;
    }

}
