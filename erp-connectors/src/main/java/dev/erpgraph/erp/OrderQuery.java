package dev.erpgraph.erp;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which orders to read per customer: the newest {@code limit} orders dated on or after {@code since} (null: any
 * date) whose status is in {@code statuses} (empty: any status). Connectors push as much of this as their ERP
 * allows into the request and apply the rest to what comes back.
 */
public record OrderQuery(Set<OrderStatus> statuses, LocalDate since, int limit) {

    public static final int MAX_LIMIT = 100;

    public OrderQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static OrderQuery latest(int limit) {
        return new OrderQuery(Set.of(), null, limit);
    }

    /** Whether an order passes the status and date filter (the limit is applied by the caller). */
    public boolean matches(SalesOrder order) {
        return (statuses.isEmpty() || statuses.contains(order.status()))
                && (since == null || !order.orderDate().isBefore(since));
    }
}
