package dev.erpgraph.orders;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.gateway.Freshness;

/**
 * The schema's {@code Order}: a normalized ERP sales order with the ERP system it lives
 * in and its freshness.
 */
public record OrderView(String id, String number, String erpSystemId, OrderStatus status, LocalDate orderDate,
        LocalDate requestedDeliveryDate, Money total, List<OrderLineView> lines, Freshness freshness) {

    /** Newest first across ERPs; the number breaks ties so that the order is stable. */
    static final Comparator<OrderView> NEWEST_FIRST = Comparator.comparing(OrderView::orderDate)
        .thenComparing(OrderView::number)
        .reversed();

    static OrderView of(SalesOrder order, Freshness freshness) {
        String system = freshness.erpSystemId();
        return new OrderView(order.id(), order.number(), system, order.status(), order.orderDate(),
                order.requestedDeliveryDate(), order.total(),
                order.lines().stream().map(line -> OrderLineView.of(system, line)).toList(), freshness);
    }
}
