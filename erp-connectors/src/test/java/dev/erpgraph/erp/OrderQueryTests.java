package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every connector answers per customer once its ERP has answered: filter, newest
 * first, limit.
 */
class OrderQueryTests {

    private static SalesOrder order(String number, String customer, OrderStatus status, String date) {
        return new SalesOrder(number, number, customer, status, LocalDate.parse(date), null,
                new Money(BigDecimal.TEN, "USD"), List.of());
    }

    @Test
    void keepsTheNewestMatchingOrdersOfEachCustomer() {
        OrderQuery query = new OrderQuery(Set.of(OrderStatus.OPEN), LocalDate.parse("2026-01-01"), 2);
        List<SalesOrder> orders = List.of(order("1", "A", OrderStatus.OPEN, "2026-01-02"),
                order("2", "A", OrderStatus.OPEN, "2026-03-01"), order("3", "A", OrderStatus.OPEN, "2026-02-01"),
                order("4", "A", OrderStatus.CANCELLED, "2026-04-01"), order("5", "B", OrderStatus.OPEN, "2025-12-31"));

        Map<String, List<SalesOrder>> newest = query.newestPerCustomer(orders, OrderQuery.NEWEST_DATE_FIRST);

        assertThat(newest.get("A")).extracting(SalesOrder::number).containsExactly("2", "3");
        assertThat(newest).as("B is known to the ERP, none of its orders match").containsEntry("B", List.of());
    }

    @Test
    void ordersOfOneDayKeepTheOrderTheERPAnsweredIn() {
        OrderQuery query = OrderQuery.latest(3);
        List<SalesOrder> orders = List.of(order("9", "A", OrderStatus.OPEN, "2026-01-01"),
                order("7", "A", OrderStatus.OPEN, "2026-02-01"), order("8", "A", OrderStatus.OPEN, "2026-01-01"));

        assertThat(query.newest(orders, OrderQuery.NEWEST_DATE_FIRST)).extracting(SalesOrder::number)
            .containsExactly("7", "9", "8");
    }

}
