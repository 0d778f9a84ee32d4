package dev.erpgraph.erp;

import java.util.List;
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
            OrderCreation creation, Runnable threads, List<ErpProbe> probes) {

        public Parts {
            Objects.requireNonNull(orders, "orders");
            Objects.requireNonNull(stock, "stock");
            Objects.requireNonNull(prices, "prices");
            Objects.requireNonNull(credit, "credit");
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
