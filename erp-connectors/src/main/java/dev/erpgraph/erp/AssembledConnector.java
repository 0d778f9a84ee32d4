package dev.erpgraph.erp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link ErpConnector} assembled from one part per resource. Every ERP's
 * {@code {Erp}Connector} extends it: its own class holds only what is the ERP's own (how
 * its parts are built from its options, its kind and its capabilities), each part holds
 * one resource's requests and mapping, and the delegation from the SPI to the parts is
 * written once, here.
 */
public abstract class AssembledConnector implements ErpConnector {

    /** Reads a system's sales orders, by customer and by number. */
    public interface OrderReads {

        ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query);

        ErpBatch<String, SalesOrder> byNumber(Set<String> orderNumbers);

    }

    /** Reads stock per sku: see {@link ErpConnector#stock}. */
    @FunctionalInterface
    public interface StockReads {

        ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse);

    }

    /** Reads a customer's prices: see {@link ErpConnector#prices}. */
    @FunctionalInterface
    public interface PriceReads {

        ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys);

    }

    /** Reads credit per customer: see {@link ErpConnector#credit}. */
    @FunctionalInterface
    public interface CreditReads {

        ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers);

    }

    /**
     * Reads a system's shipments, by customer and by sales order: see
     * {@link ErpConnector#shipments} and {@link ErpConnector#shipmentsByOrder}.
     */
    public interface ShipmentReads {

        ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query);

        ErpBatch<String, List<Shipment>> byOrder(Set<String> orderNumbers);

    }

    /**
     * Reads a system's invoices, by customer and by sales order: see
     * {@link ErpConnector#invoices} and {@link ErpConnector#invoicesByOrder}.
     */
    public interface InvoiceReads {

        ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query);

        ErpBatch<String, List<Invoice>> byOrder(Set<String> orderNumbers);

    }

    /**
     * The shipment part of a connector that does not read shipments (it does not declare
     * {@link ErpCapability#SHIPMENTS}): every key fails on its own with a message naming
     * the missing capability, the ERP is not asked, and no key reads as "no shipments".
     */
    public static ShipmentReads shipmentsNotRead(String systemId) {
        return new ShipmentReads() {

            @Override
            public ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query) {
                return notRead(systemId, ErpCapability.SHIPMENTS, customerNumbers);
            }

            @Override
            public ErpBatch<String, List<Shipment>> byOrder(Set<String> orderNumbers) {
                return notRead(systemId, ErpCapability.SHIPMENTS, orderNumbers);
            }

        };
    }

    /**
     * The invoice part of a connector that does not read invoices: see
     * {@link #shipmentsNotRead}.
     */
    public static InvoiceReads invoicesNotRead(String systemId) {
        return new InvoiceReads() {

            @Override
            public ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query) {
                return notRead(systemId, ErpCapability.INVOICES, customerNumbers);
            }

            @Override
            public ErpBatch<String, List<Invoice>> byOrder(Set<String> orderNumbers) {
                return notRead(systemId, ErpCapability.INVOICES, orderNumbers);
            }

        };
    }

    private static <V> ErpBatch<String, V> notRead(String systemId, ErpCapability capability, Set<String> keys) {
        ErpException failure = ErpException.badResponse(systemId, "this connector does not read "
                + capability.name().toLowerCase() + " (no " + capability + " capability)", null);
        Map<String, ErpException> failures = new HashMap<>();
        keys.forEach(key -> failures.put(key, failure));
        return new ErpBatch<>(Map.of(), failures);
    }

    /**
     * Creates sales orders and finds the one an earlier create committed: see
     * {@link ErpConnector#createSalesOrder} and {@link ErpConnector#findSalesOrder}. One
     * part for both, so that the lookup reads the very field and value the create writes.
     */
    public interface OrderCreation {

        String create(SalesOrderRequest request);

        Optional<String> find(SalesOrderRequest request);

    }

    /**
     * The parts of one connector.
     *
     * @param threads releases the threads the parts send requests on (the connector's
     * fan-out)
     * @param probes the endpoints the parts read, for the self-check (see
     * {@link ErpConnector#probes()})
     */
    public record Parts(OrderReads orders, StockReads stock, PriceReads prices, CreditReads credit,
            ShipmentReads shipments, InvoiceReads invoices, OrderCreation creation, Runnable threads,
            List<ErpProbe> probes) {

        public Parts {
            Objects.requireNonNull(orders, "orders");
            Objects.requireNonNull(stock, "stock");
            Objects.requireNonNull(prices, "prices");
            Objects.requireNonNull(credit, "credit");
            Objects.requireNonNull(shipments, "shipments");
            Objects.requireNonNull(invoices, "invoices");
            Objects.requireNonNull(creation, "creation");
            Objects.requireNonNull(threads, "threads");
            probes = List.copyOf(probes);
        }

    }

    private final String systemId;

    private final ErpKind kind;

    private final Set<ErpCapability> capabilities;

    private final Parts parts;

    protected AssembledConnector(String systemId, ErpKind kind, Set<ErpCapability> capabilities, Parts parts) {
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.capabilities = Set.copyOf(capabilities);
        this.parts = Objects.requireNonNull(parts, "parts");
    }

    @Override
    public final String systemId() {
        return systemId;
    }

    @Override
    public final ErpKind kind() {
        return kind;
    }

    @Override
    public final Set<ErpCapability> capabilities() {
        return capabilities;
    }

    @Override
    public final ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        return parts.orders().orders(customerNumbers, query);
    }

    @Override
    public final ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers) {
        return parts.orders().byNumber(orderNumbers);
    }

    @Override
    public final ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse) {
        return parts.stock().stock(skus, warehouse);
    }

    @Override
    public final ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys) {
        return parts.prices().prices(keys);
    }

    @Override
    public final ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        return parts.credit().credit(customerNumbers);
    }

    @Override
    public final ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query) {
        return parts.shipments().shipments(customerNumbers, query);
    }

    @Override
    public final ErpBatch<String, List<Shipment>> shipmentsByOrder(Set<String> orderNumbers) {
        return parts.shipments().byOrder(orderNumbers);
    }

    @Override
    public final ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query) {
        return parts.invoices().invoices(customerNumbers, query);
    }

    @Override
    public final ErpBatch<String, List<Invoice>> invoicesByOrder(Set<String> orderNumbers) {
        return parts.invoices().byOrder(orderNumbers);
    }

    @Override
    public final String createSalesOrder(SalesOrderRequest request) {
        return parts.creation().create(request);
    }

    @Override
    public final Optional<String> findSalesOrder(SalesOrderRequest request) {
        return parts.creation().find(request);
    }

    @Override
    public final List<ErpProbe> probes() {
        return parts.probes();
    }

    @Override
    public final void close() {
        parts.threads().run();
    }

}
