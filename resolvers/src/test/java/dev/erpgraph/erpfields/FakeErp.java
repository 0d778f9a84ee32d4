package dev.erpgraph.erpfields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ErpProbe;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentLine;
import dev.erpgraph.erp.ShipmentQuery;
import dev.erpgraph.erp.ShipmentStatus;
import dev.erpgraph.erp.StockLevel;

/**
 * An ERP system in memory for the loaders' unit tests: it answers every key it is asked
 * for (a customer's one order, a sku's stock in {@code MAIN}, ...) except those a test
 * makes it not know (a per-key NOT_FOUND) or leave out of its answer, and it remembers
 * every call.
 */
public final class FakeErp implements ErpConnector {

    /**
     * One connector call: what it read and the keys it was given (a price's key is its
     * customer).
     */
    public record Call(String resource, Set<String> keys) {
    }

    private static final Money ONE_DOLLAR = Money.of("1.00", "USD");

    private final String systemId;

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private final Set<String> unknown = ConcurrentHashMap.newKeySet();

    private final Set<String> leftOut = ConcurrentHashMap.newKeySet();

    private volatile CountDownLatch stockAnswered = new CountDownLatch(0);

    private volatile String lineSku;

    public FakeErp(String systemId) {
        this.systemId = systemId;
    }

    /** Answers this key with a NOT_FOUND of its own. */
    public FakeErp knowsNot(String key) {
        unknown.add(key);
        return this;
    }

    /** Leaves this key out of its answers: neither a value nor a failure. */
    public FakeErp leavesOut(String key) {
        leftOut.add(key);
        return this;
    }

    /** Gives every order it answers one line, of this sku. */
    public FakeErp ordersHaveALineOf(String sku) {
        this.lineSku = sku;
        return this;
    }

    /**
     * Answers stock only once the latch is open (on the caller's thread, which waits).
     */
    public FakeErp answersStockAfter(CountDownLatch latch) {
        this.stockAnswered = latch;
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public String systemId() {
        return systemId;
    }

    /** A fake has no endpoints to probe. */
    @Override
    public List<ErpProbe> probes() {
        return List.of();
    }

    @Override
    public ErpKind kind() {
        return ErpKind.SAP_S4HANA;
    }

    @Override
    public Set<ErpCapability> capabilities() {
        return Set.of();
    }

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        return answer("orders", customerNumbers, customer -> customer,
                customer -> List.of(order(customer + "-1", customer)));
    }

    @Override
    public ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers) {
        return answer("ordersByNumber", orderNumbers, number -> number, number -> order(number, "C1"));
    }

    @Override
    public ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        try {
            if (!stockAnswered.await(5, TimeUnit.SECONDS)) {
                throw new ErpException(ErpException.Kind.TIMEOUT, systemId, "the test never let the stock answer");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return answer("stock", skus, sku -> sku,
                sku -> List.of(new StockLevel(sku, "MAIN", BigDecimal.TEN, BigDecimal.ONE)));
    }

    @Override
    public ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        return answer("prices", keys, PriceKey::customerNumber,
                key -> new ItemPrice(key.sku(), key.quantity(), ONE_DOLLAR, ONE_DOLLAR, List.of()));
    }

    @Override
    public ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        return answer("credit", customerNumbers, customer -> customer,
                customer -> new CreditStatus(ONE_DOLLAR, ONE_DOLLAR, ONE_DOLLAR, false, null));
    }

    @Override
    public ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query) {
        return answer("shipments", customerNumbers, customer -> customer,
                customer -> List.of(shipment(customer + "-S1", customer, customer + "-1")));
    }

    @Override
    public ErpBatch<String, List<Shipment>> shipmentsByOrder(Set<String> orderNumbers) {
        return answer("shipmentsByOrder", orderNumbers, number -> number,
                number -> List.of(shipment(number + "-S1", "C1", number)));
    }

    @Override
    public ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query) {
        return answer("invoices", customerNumbers, customer -> customer,
                customer -> List.of(invoice(customer + "-I1", customer, customer + "-1")));
    }

    @Override
    public ErpBatch<String, List<Invoice>> invoicesByOrder(Set<String> orderNumbers) {
        return answer("invoicesByOrder", orderNumbers, number -> number,
                number -> List.of(invoice(number + "-I1", "C1", number)));
    }

    @Override
    public String createSalesOrder(SalesOrderRequest request) {
        throw new UnsupportedOperationException("the loaders only read");
    }

    @Override
    public Optional<String> findSalesOrder(SalesOrderRequest request) {
        throw new UnsupportedOperationException("the loaders only read");
    }

    private <K, V> ErpBatch<K, V> answer(String resource, Set<K> keys, Function<K, String> name, Function<K, V> value) {
        calls.add(new Call(resource, keys.stream().map(name).collect(Collectors.toSet())));
        ErpBatch.Builder<K, V> answer = new ErpBatch.Builder<>();
        for (K key : keys) {
            if (unknown.contains(name.apply(key))) {
                answer.failure(key, ErpException.notFound(systemId, name.apply(key)));
            }
            else if (!leftOut.contains(name.apply(key))) {
                answer.value(key, value.apply(key));
            }
        }
        return answer.build();
    }

    private static Shipment shipment(String number, String customer, String order) {
        return new Shipment(number, number, customer, LocalDate.of(2026, 11, 3), ShipmentStatus.SHIPPED, null, null,
                List.of(new ShipmentLine(1, "SKU-1", BigDecimal.ONE, order, 1)));
    }

    private static Invoice invoice(String number, String customer, String order) {
        return new Invoice(number, number, customer, order, LocalDate.of(2026, 11, 4), LocalDate.of(2026, 12, 4),
                ONE_DOLLAR, ONE_DOLLAR);
    }

    private SalesOrder order(String number, String customer) {
        List<SalesOrderLine> lines = lineSku == null ? List.of() : List
            .of(new SalesOrderLine(1, lineSku, null, BigDecimal.ONE, BigDecimal.ZERO, ONE_DOLLAR, ONE_DOLLAR, null));
        return new SalesOrder(number, number, customer, OrderStatus.OPEN, LocalDate.of(2026, 11, 2), null, ONE_DOLLAR,
                lines);
    }

}
