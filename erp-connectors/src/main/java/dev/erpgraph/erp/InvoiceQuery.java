package dev.erpgraph.erp;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which invoices to read per customer: the newest {@code limit} dated on or after
 * {@code since} (null: any date) whose status on {@code today} is in {@code statuses}
 * (empty: any). {@code today} decides what is overdue; it is part of the query (and so of
 * the cache key) because the ERP's answer does not change at midnight but the status
 * does.
 */
public record InvoiceQuery(Set<InvoiceStatus> statuses, LocalDate since, int limit, LocalDate today) {

    /** Newest invoice date first, then the higher document number. */
    public static final Comparator<Invoice> NEWEST_FIRST = Comparator.comparing(Invoice::invoiceDate)
        .thenComparing(Invoice::number)
        .reversed();

    public InvoiceQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        Objects.requireNonNull(today, "today");
        OrderQuery.checkLimit(limit);
    }

    /** Whether the query needs only invoices with something still owed. */
    public boolean onlyUnpaid() {
        return !statuses.isEmpty() && !statuses.contains(InvoiceStatus.PAID);
    }

    public boolean matches(Invoice invoice) {
        return (statuses.isEmpty() || statuses.contains(invoice.status(today)))
                && (since == null || !invoice.invoiceDate().isBefore(since));
    }

    /**
     * The answer per requested customer: each customer's matching invoices, newest first,
     * at most {@code limit}; a customer with none maps to an empty list.
     */
    public Map<String, List<Invoice>> perCustomer(Set<String> customerNumbers, Collection<Invoice> invoices) {
        Map<String, List<Invoice>> answer = new LinkedHashMap<>();
        for (String customer : customerNumbers) {
            answer.put(customer,
                    invoices.stream()
                        .filter(invoice -> invoice.customerNumber().equals(customer))
                        .filter(this::matches)
                        .sorted(NEWEST_FIRST)
                        .limit(limit)
                        .toList());
        }
        return answer;
    }

    /** Each requested order's invoices, newest first; an order with none: empty. */
    public static Map<String, List<Invoice>> perOrder(Set<String> orderNumbers, Collection<Invoice> invoices) {
        Map<String, List<Invoice>> answer = new LinkedHashMap<>();
        for (String order : orderNumbers) {
            answer.put(order,
                    invoices.stream()
                        .filter(invoice -> order.equals(invoice.orderNumber()))
                        .sorted(NEWEST_FIRST)
                        .toList());
        }
        return answer;
    }

}
