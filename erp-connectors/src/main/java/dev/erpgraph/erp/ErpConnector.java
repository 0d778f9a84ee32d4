package dev.erpgraph.erp;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The connector SPI: one implementation per ERP kind, one instance per configured ERP
 * system. Every read is batch-shaped (a set of keys in, an {@link ErpBatch} out) so that
 * one DataLoader dispatch becomes the fewest requests the ERP's API allows. A connector
 * translates its ERP's wire format both ways and nothing outside its package knows that
 * format. Every failure is an {@link ErpException} carrying this system's id.
 *
 * <p>
 * <b>Embedding.</b> The SPI stays one resource per call; where an ERP's API can carry a
 * nested resource in the same request, a caller that knows it will ask for it next says
 * so in the query ({@link OrderQuery#withLineStock()}), and a connector that can honour
 * it declares the matching capability ({@link ErpCapability#EMBEDDED_LINE_STOCK}) and
 * puts the nested values on what it returns ({@link SalesOrderLine#stock()}), exactly as
 * the nested resource's own read would answer them. The gateway stores them in its cache
 * as if read on their own at that moment, so the nested read that follows is a cache hit
 * and sends nothing. A connector without the capability ignores the request; how it is
 * honoured (which {@code $expand}, which join) stays inside the connector.
 *
 * <p>
 * Connectors are called from many threads at once and must be thread-safe. They apply no
 * cache, timeout or circuit breaker of their own: the gateway wraps every call in those.
 * A connector lives as long as the application; {@link #close()} is called once, at
 * shutdown.
 */
public interface ErpConnector extends AutoCloseable {

    /**
     * The configured system id ({@code erp.systems.<id>}): instance name for cache,
     * breaker and metrics.
     */
    String systemId();

    ErpKind kind();

    Set<ErpCapability> capabilities();

    /**
     * Orders per customer number, newest first, at most {@code query.limit()} each, with
     * their lines (and their lines' stock, when the query asks for it and the connector
     * declares {@link ErpCapability#EMBEDDED_LINE_STOCK}).
     */
    ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query);

    /**
     * Orders by their document number (as in {@link SalesOrder#number()}), with lines.
     */
    ErpBatch<String, SalesOrder> ordersByNumber(Set<String> orderNumbers);

    /**
     * Stock per sku: one level per warehouse, or only {@code warehouse}'s when it is not
     * null. A sku the ERP does not stock in any warehouse maps to an empty list.
     */
    ErpBatch<String, List<StockLevel>> stock(Set<String> skus, String warehouse);

    /** The customer's price per key, after quantity breaks. */
    ErpBatch<PriceKey, ItemPrice> prices(Set<PriceKey> keys);

    /** Credit status per customer number. */
    ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers);

    /**
     * Shipments per customer number, newest first, at most {@code query.limit()} each,
     * with their lines. A customer with none maps to an empty list.
     */
    ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query);

    /**
     * The shipments of each sales order (by {@link SalesOrder#number()}), newest first;
     * an order with none maps to an empty list.
     */
    ErpBatch<String, List<Shipment>> shipmentsByOrder(Set<String> orderNumbers);

    /**
     * Invoices per customer number, newest first, at most {@code query.limit()} each. A
     * customer with none maps to an empty list.
     */
    ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query);

    /**
     * The invoices of each sales order (by {@link SalesOrder#number()}), newest first; an
     * order with none maps to an empty list.
     */
    ErpBatch<String, List<Invoice>> invoicesByOrder(Set<String> orderNumbers);

    /**
     * Creates a sales order and answers the ERP's document number. Throws
     * {@link ErpException} of kind {@link ErpException.Kind#REJECTED} when the ERP
     * refuses it.
     */
    String createSalesOrder(SalesOrderRequest request);

    /**
     * The document number of the order an earlier {@link #createSalesOrder} of this
     * request committed, read live from the ERP by the reference that create wrote into
     * the ERP's own field; empty when the ERP holds no such order. Asked before a create
     * is retried, since a committed create's answer may have been lost on the way back.
     * It takes the whole request, not a bare reference, because each ERP derives the
     * value it stores from the request in its own way (a shortened key, the customer's PO
     * when there is one) and some can only list orders per customer. No default: a
     * connector that answered "none" without asking would make every retry a second
     * order.
     */
    Optional<String> findSalesOrder(SalesOrderRequest request);

    /**
     * Every endpoint this connector reads, each with its cheapest request, for the
     * connector self-check. No default: a connector that declared none would always pass.
     */
    List<ErpProbe> probes();

    /**
     * Releases the threads the connector sends requests on; called once, at shutdown,
     * when no call is expected any more. A connector holding nothing keeps this default.
     */
    @Override
    default void close() {
    }

}
