package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import dev.erpgraph.sandbox.DistributorDataSet.Customer;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.OrderDocuments;
import dev.erpgraph.sandbox.OrderStatus;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxErp;

/**
 * The deterministic data set of one sandbox, read the way its ERP numbers things: where
 * each ERP's contract test finds the {@link ContractFacts} it hands to the shared
 * scenarios. The one place those scenarios' facts touch sandbox code, so that the shared
 * {@link ConnectorContractTest} itself never does.
 */
public final class DataSetFacts {

    private static final String CURRENCY = "USD";

    private final SandboxErp erp;

    private final DistributorDataSet data;

    public DataSetFacts(Sandbox sandbox) {
        this.erp = sandbox.erp();
        this.data = sandbox.data();
    }

    public String customer(int index) {
        return erp.customerNumber(index);
    }

    public Set<String> customers(int from, int count) {
        Set<String> customers = new LinkedHashSet<>();
        IntStream.range(from, from + count).forEach(index -> customers.add(customer(index)));
        return customers;
    }

    public int firstCustomer(IntPredicate test) {
        return IntStream.range(0, data.customerCount()).filter(test).findFirst().orElseThrow();
    }

    /** The first customer with at least {@code count} orders this ERP shows. */
    public int customerWithOrders(int count, Predicate<Order> shown) {
        return firstCustomer(index -> data.ordersOf(index).stream().filter(shown).count() >= count);
    }

    /** How many orders this ERP shows for these customers. */
    public long orderCount(Set<Integer> customers, Predicate<Order> shown) {
        return customers.stream().mapToLong(index -> data.ordersOf(index).stream().filter(shown).count()).sum();
    }

    /** A customer's orders as this ERP shows them, newest first. */
    public List<SalesOrder> orders(int index, Predicate<Order> shown) {
        return data.ordersOf(index).stream().filter(shown).map(this::salesOrder).toList();
    }

    private SalesOrder salesOrder(Order order) {
        List<SalesOrderLine> lines = order.lines()
            .stream()
            .map(line -> new SalesOrderLine(line.lineNumber(), line.sku(), line.description(), line.quantity(),
                    line.shippedQuantity(), new Money(line.unitPrice(), CURRENCY), new Money(line.amount(), CURRENCY),
                    line.warehouse()))
            .toList();
        String number = erp.orderNumber(order.sequence());
        return new SalesOrder(number, number, customer(order.customerIndex()), SandboxServerTests.status(order),
                order.orderDate(), order.requestedDate(), new Money(order.total(), CURRENCY), lines);
    }

    public List<String> skus(int count) {
        return data.items().stream().limit(count).map(DistributorDataSet.Item::sku).toList();
    }

    /** Stock of each sku in every warehouse that stocks it, on hand and available. */
    public Map<String, List<StockLevel>> stock(List<String> skus) {
        Map<String, List<StockLevel>> stock = new LinkedHashMap<>();
        for (String sku : skus) {
            stock.put(sku,
                    data.stock(sku)
                        .stream()
                        .map(level -> new StockLevel(sku, level.warehouse(), level.onHand(), level.available()))
                        .toList());
        }
        return stock;
    }

    /**
     * A discounted customer's prices of the first item with three quantity breaks, at 1,
     * at each break and past the last one; {@code firstQuantityIsABreak} where the ERP
     * lists the price from 1 on as a break of its own.
     */
    public ContractFacts.Prices prices(boolean firstQuantityIsABreak) {
        int index = firstCustomer(i -> data.customer(i).orElseThrow().discountPercent().signum() > 0);
        DistributorDataSet.Item item = data.items()
            .stream()
            .filter(candidate -> candidate.breaks().size() == 3)
            .findFirst()
            .orElseThrow();
        List<BigDecimal> minimums = item.breaks()
            .stream()
            .map(DistributorDataSet.QuantityBreak::minimumQuantity)
            .toList();
        Map<BigDecimal, Money> unitPrices = new LinkedHashMap<>();
        List<BigDecimal> quantities = new ArrayList<>(List.of(BigDecimal.ONE));
        quantities.addAll(minimums);
        quantities.add(minimums.get(minimums.size() - 1).add(BigDecimal.valueOf(50)));
        for (BigDecimal quantity : quantities) {
            unitPrices.put(quantity, new Money(data.unitPrice(index, item.sku(), quantity).orElseThrow(), CURRENCY));
        }
        List<BigDecimal> listed = new ArrayList<>(minimums);
        if (firstQuantityIsABreak) {
            listed.add(0, BigDecimal.ONE);
        }
        return new ContractFacts.Prices(customer(index), item.sku(), new Money(item.listPrice(), CURRENCY), listed,
                unitPrices);
    }

    /**
     * Credit of the first customer on hold and the first not: limit, balance, available
     * (limit less balance), hold, and the data set's terms code as {@code terms} names it
     * in this ERP (null where it has none).
     */
    public Map<String, CreditStatus> credit(UnaryOperator<String> terms) {
        Map<String, CreditStatus> credit = new LinkedHashMap<>();
        for (boolean onHold : new boolean[] { true, false }) {
            DistributorDataSet.Customer customer = data
                .customer(firstCustomer(i -> data.customer(i).orElseThrow().onHold() == onHold))
                .orElseThrow();
            credit.put(customer(customer.index()),
                    new CreditStatus(new Money(customer.creditLimit(), CURRENCY),
                            new Money(customer.balance(), CURRENCY),
                            new Money(customer.creditLimit().subtract(customer.balance()), CURRENCY), customer.onHold(),
                            terms.apply(customer.paymentTerms())));
        }
        return credit;
    }

    /**
     * Five units of the first item for the first customer not on hold, from Cleveland.
     */
    public SalesOrderRequest order() {
        int index = firstCustomer(i -> !data.customer(i).orElseThrow().onHold());
        return new SalesOrderRequest("contract-" + System.nanoTime(), customer(index), "PO-CONTRACT",
                LocalDate.now().plusDays(14),
                List.of(new SalesOrderRequest.Line(skus(1).get(0), new BigDecimal("5"), "CLE")));
    }

    /**
     * The shipments and invoices of the first customer with at least three shipments and
     * two invoices, one of them still open: the sandboxes derive them from the orders
     * ({@link OrderDocuments}), each ERP numbers them its own way.
     */
    public DocumentFacts documents() {
        return documents(true);
    }

    /**
     * {@link #documents()} of an ERP that shows a shipment only once its goods have left
     * ({@code pendingShown} false: a posted shipment), or also while it is being picked.
     */
    public DocumentFacts documents(boolean pendingShown) {
        Predicate<OrderDocuments.Shipment> shown = shipment -> pendingShown || shipment.goodsIssued();
        int index = firstCustomer(candidate -> {
            Customer customer = data.customer(candidate).orElseThrow();
            List<Order> orders = data.ordersOf(candidate);
            long shipped = orders.stream()
                .filter(order -> OrderDocuments.shipment(order).filter(shown).isPresent())
                .count();
            List<OrderDocuments.Invoice> invoices = orders.stream()
                .flatMap(order -> OrderDocuments.invoice(order, customer).stream())
                .toList();
            return shipped >= 3 && invoices.size() >= 2 && invoices.stream().anyMatch(invoice -> !invoice.paid())
                    && invoices.stream().anyMatch(OrderDocuments.Invoice::paid)
                    && orders.stream()
                        .anyMatch(order -> OrderDocuments.shipment(order).isEmpty()
                                && order.status() != OrderStatus.CANCELLED);
        });
        Customer customer = data.customer(index).orElseThrow();
        List<DocumentFacts.ExpectedShipment> shipments = new ArrayList<>();
        List<DocumentFacts.ExpectedInvoice> invoices = new ArrayList<>();
        String unshipped = null;
        for (Order order : data.ordersOf(index)) {
            String number = erp.orderNumber(order.sequence());
            Optional<OrderDocuments.Shipment> shipment = OrderDocuments.shipment(order).filter(shown);
            shipment.ifPresent(found -> shipments.add(new DocumentFacts.ExpectedShipment(number, found.shipDate(),
                    found.goodsIssued() ? ShipmentStatus.SHIPPED : ShipmentStatus.PENDING,
                    found.lines()
                        .stream()
                        .map(line -> new DocumentFacts.ExpectedLine(line.sku(), line.quantity()))
                        .toList())));
            if (shipment.isEmpty() && unshipped == null && order.status() != OrderStatus.CANCELLED) {
                unshipped = number;
            }
            OrderDocuments.invoice(order, customer)
                .ifPresent(invoice -> invoices.add(new DocumentFacts.ExpectedInvoice(number, invoice.invoiceDate(),
                        invoice.dueDate(), invoice.total(), invoice.remaining())));
        }
        // Newest first; on the same day the later order's document, which every ERP
        // numbers higher.
        Map<String, Integer> sequenceOf = new HashMap<>();
        data.ordersOf(index).forEach(order -> sequenceOf.put(erp.orderNumber(order.sequence()), order.sequence()));
        shipments.sort(Comparator.comparing(DocumentFacts.ExpectedShipment::shipDate)
            .thenComparing(shipment -> sequenceOf.get(shipment.orderNumber()))
            .reversed());
        invoices.sort(Comparator.comparing(DocumentFacts.ExpectedInvoice::invoiceDate)
            .thenComparing(invoice -> sequenceOf.get(invoice.orderNumber()))
            .reversed());
        return new DocumentFacts(customer(index), shipments, invoices, unshipped, DistributorDataSet.AS_OF);
    }

}
