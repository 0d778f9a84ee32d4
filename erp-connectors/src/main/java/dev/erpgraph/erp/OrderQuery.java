package dev.erpgraph.erp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which orders to read per customer: the newest {@code limit} orders dated on or after
 * {@code since} (null: any date) whose status is in {@code statuses} (empty: any status).
 * Connectors push as much of this as their ERP allows into the request and apply the rest
 * to what comes back.
 *
 * @param withLineStock whether the caller will ask next for the stock of the lines' items
 * in every warehouse: a connector that declares {@link ErpCapability#EMBEDDED_LINE_STOCK}
 * then reads it in the orders' own request and puts it on each line
 * ({@link SalesOrderLine#stock()}); any other connector ignores it. It changes what comes
 * along, never which orders: {@link #withoutEmbedding()} is the query the orders are
 * cached under.
 */
public record OrderQuery(Set<OrderStatus> statuses, LocalDate since, int limit, boolean withLineStock) {

    public static final int MAX_LIMIT = 100;

    /**
     * Newest order date first. A stable sort with it keeps orders of the same day in the
     * order they came in, which is right where the ERP already answered newest first (by
     * a time of day or a document number we do not hold).
     */
    public static final Comparator<SalesOrder> NEWEST_DATE_FIRST = Comparator.comparing(SalesOrder::orderDate)
        .reversed();

    public OrderQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        checkLimit(limit);
    }

    /** A query that embeds nothing. */
    public OrderQuery(Set<OrderStatus> statuses, LocalDate since, int limit) {
        this(statuses, since, limit, false);
    }

    /** The same orders, with (or without) the lines' stock embedded. */
    public OrderQuery withLineStock(boolean embedded) {
        return embedded == withLineStock ? this : new OrderQuery(statuses, since, limit, embedded);
    }

    /** The same orders, nothing embedded: what they are cached under. */
    public OrderQuery withoutEmbedding() {
        return withLineStock(false);
    }

    /** The limit every per-customer document query shares: 1 to {@value #MAX_LIMIT}. */
    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static OrderQuery latest(int limit) {
        return new OrderQuery(Set.of(), null, limit);
    }

    /**
     * Whether an order passes the status and date filter (the limit is applied by the
     * caller).
     */
    public boolean matches(SalesOrder order) {
        return (statuses.isEmpty() || statuses.contains(order.status()))
                && (since == null || !order.orderDate().isBefore(since));
    }

    /**
     * Of one customer's orders, those that {@link #matches match}, sorted by
     * {@code newestFirst} (stably), at most {@code limit}: what a connector answers for
     * that customer after pushing what it could into the request.
     */
    public List<SalesOrder> newest(Collection<SalesOrder> ofOneCustomer, Comparator<SalesOrder> newestFirst) {
        return ofOneCustomer.stream().filter(this::matches).sorted(newestFirst).limit(limit).toList();
    }

    /**
     * {@link #newest} for the orders of many customers, grouped by
     * {@link SalesOrder#customerNumber()}. Every customer with an order in {@code orders}
     * has an entry, empty if none of its orders matches: the ERP knows it.
     */
    public Map<String, List<SalesOrder>> newestPerCustomer(Collection<SalesOrder> orders,
            Comparator<SalesOrder> newestFirst) {
        Map<String, List<SalesOrder>> byCustomer = new LinkedHashMap<>();
        for (SalesOrder order : orders) {
            byCustomer.computeIfAbsent(order.customerNumber(), customer -> new ArrayList<>()).add(order);
        }
        byCustomer.replaceAll((customer, ofCustomer) -> newest(ofCustomer, newestFirst));
        return byCustomer;
    }
}
