package dev.erpgraph.erp;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which shipments to read per customer: the newest {@code limit} dated on or after
 * {@code since} (null: any date). Connectors push {@code since} into the request where
 * their ERP allows and apply the rest to what comes back.
 */
public record ShipmentQuery(LocalDate since, int limit) {

    /** Newest ship date first, then the higher document number. */
    public static final Comparator<Shipment> NEWEST_FIRST = Comparator.comparing(Shipment::shipDate)
        .thenComparing(Shipment::number)
        .reversed();

    public ShipmentQuery {
        OrderQuery.checkLimit(limit);
    }

    /**
     * The answer per requested customer: each customer's matching shipments, newest
     * first, at most {@code limit}; a customer with none maps to an empty list.
     */
    public Map<String, List<Shipment>> perCustomer(Set<String> customerNumbers, Collection<Shipment> shipments) {
        Map<String, List<Shipment>> answer = new LinkedHashMap<>();
        for (String customer : customerNumbers) {
            answer.put(customer,
                    shipments.stream()
                        .filter(shipment -> shipment.customerNumber().equals(customer))
                        .filter(shipment -> since == null || !shipment.shipDate().isBefore(since))
                        .sorted(NEWEST_FIRST)
                        .limit(limit)
                        .toList());
        }
        return answer;
    }

    /** Each requested order's shipments, newest first; an order with none: empty. */
    public static Map<String, List<Shipment>> perOrder(Set<String> orderNumbers, Collection<Shipment> shipments) {
        Map<String, List<Shipment>> answer = new LinkedHashMap<>();
        for (String order : orderNumbers) {
            answer.put(order,
                    shipments.stream().filter(shipment -> shipment.ships(order)).sorted(NEWEST_FIRST).toList());
        }
        return answer;
    }

}
