package dev.erpgraph.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.DistributorDataSet.OrderLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data set's reads stay what a scan of every order would answer, through creates and
 * status changes.
 */
class DistributorDataSetTests {

    private final DistributorDataSet data = new DistributorDataSet(20261101L);

    @Test
    void ordersOfACustomerAreEveryOrderOfTheirsNewestFirst() {
        for (int customer = 0; customer < 60; customer++) {
            assertThat(data.ordersOf(customer)).as("customer %d", customer).isEqualTo(scan(customer));
        }
        assertThat(data.ordersOf(-1)).isEmpty();
        assertThat(data.ordersOf(DistributorDataSet.CUSTOMERS)).isEmpty();
    }

    @Test
    void aCreatedOrderAndAChangedStatusShowInTheNextRead() {
        int customer = 7;
        int sequence = data.createOrder(customer, "PO-TEST", LocalDate.of(2026, 12, 1),
                List.of(new OrderLine(1, "PVC-10000", "PVC", BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ONE, "CLE")));

        assertThat(data.ordersOf(customer).get(0).sequence()).isEqualTo(sequence);
        assertThat(data.ordersOf(customer)).isEqualTo(scan(customer));

        data.setOrderStatus(sequence, OrderStatus.SHIPPED);
        assertThat(data.ordersOf(customer).get(0).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(data.ordersOf(customer)).isEqualTo(scan(customer));
        assertThat(data.ordersOf(customer + 1)).isEqualTo(scan(customer + 1));
    }

    /**
     * The answer by brute force: every order of the data set, this customer's, newest
     * first.
     */
    private List<Order> scan(int customer) {
        List<Order> orders = new ArrayList<>();
        for (int sequence = 1; data.order(sequence).isPresent(); sequence++) {
            if (data.order(sequence).get().customerIndex() == customer) {
                orders.add(data.order(sequence).get());
            }
        }
        orders.sort(Comparator.comparing(Order::orderDate).thenComparing(Order::sequence).reversed());
        return orders;
    }

}
