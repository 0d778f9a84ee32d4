package dev.erpgraph.erp.sxe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ErpProbe;
import dev.erpgraph.erp.http.ErpHttpClient;

/**
 * Infor SX.e / CloudSuite Distribution through SX.API REST behind the ION API gateway.
 *
 * <p>
 * <b>What SX.API allows, and so what this sends per batch.</b> SX.API is RPC-style and
 * reads one customer or one order per call; it offers no multi-customer order list and no
 * multi-order detail (Compass SQL over Data Fabric could, but it is not real-time). Where
 * it does read many keys at once (prices of many products, availability of many
 * products), that is used; the rest fans out one call per key, at most
 * {@code maxConcurrency} at once per connector ({@link SxeFanOut}):
 * <ul>
 * <li>orders, N customers: N {@code sxapioegetlistofordersv5} calls (more when a
 * customer's list pages), then one {@code sxapioegetsingleorderv3} per order returned,
 * since the list carries no lines and SX.API has nothing that returns the lines of
 * several orders. Only the newest {@code limit} candidates per customer are read in
 * detail (more rounds only when some of them fail the status filter).</li>
 * <li>orders by number: one {@code sxapioegetsingleorderv3} per order.</li>
 * <li>prices: ONE {@code sxapioepricingmultiplev5} per customer for all of that
 * customer's skus and quantities (the one real multi-key read SX.API has), with quantity
 * breaks.</li>
 * <li>stock: ONE {@code sxapisfgetpriceavailmultiplev2} for every sku of the batch, a row
 * per sku and warehouse ({@link SxeStock}); the company's warehouses are read once an
 * hour ({@code sxapiicgetwarehouselistv2}, {@link SxeWarehouses}) unless the option
 * {@code stockWarehouses} names them.</li>
 * <li>credit: two calls per customer, {@code sxapiargetcustomerdatacredit} and
 * {@code sxapiargetcustomerbalancev2}.</li>
 * <li>shipments: one {@code operation.shipmentList} call per customer or per order, the
 * shipped lines with ship via and tracking number ({@link SxeShipments}, [I]).</li>
 * <li>invoices: one {@code operation.invoiceList} call per customer or per order
 * ({@link SxeInvoices}, [I]).</li>
 * <li>create: one {@code sxapisfoeordertotloadv4}. Finding the order an earlier create
 * committed: one {@code sxapioegetlistofordersv5} with
 * {@code customerPurchaseOrder}.</li>
 * </ul>
 * Operation names are versioned and configurable ({@link SxeOptions}).
 *
 * <p>
 * <b>Calls per page.</b> The five-account page of
 * {@code ErpFieldsTests.aFiveAccountPageCostsSxeThirtyFourCalls} (credit, a price, three
 * orders with lines and their lines' Cleveland stock) cost 92 calls with one availability
 * call per sku (5 order lists, 13 single orders, 59 stock, 10 credit, 5 pricing) and
 * costs 34 with the multi-product read (5, 13, 1, 10, 5).
 *
 * <p>
 * <b>Order list paging.</b> {@code recordLimit} caps a page and
 * {@code moreRecordsAvailable} says there is more; SX.API has no offset or cursor. Rows
 * come newest first [I], so the next page is asked with {@code endEnterDate} moved back
 * to the oldest entry date seen; rows seen twice are dropped, and a page that brings
 * nothing new (more orders on one day than a page holds) is asked again with a doubled
 * limit. {@link OrderQuery} is pushed down as {@code startEnterDate} and
 * {@code startStage}/{@code endStage}; the final status filter, newest-first order and
 * the per-customer limit are applied to what comes back.
 *
 * <p>
 * <b>Status mapping</b>: see {@link SxeStageCode} (0 Entered, 1 Ordered, 2 Picked → OPEN,
 * or ON_HOLD when the header's approval flag {@code approvty} [I] is a hold value, or
 * PARTIALLY_SHIPPED when a line shipped; 3 Shipped → SHIPPED, or PARTIALLY_SHIPPED when a
 * line shipped short; 4 Invoiced, 5 Paid → INVOICED; 9 Cancelled → CANCELLED). Order id
 * and number are {@code orderno-ordersuf}, e.g. {@code 1234567-00}.
 *
 * <p>
 * <b>Errors.</b> Business errors are HTTP 200 with {@code cErrorMessage}: "... not set up
 * ..." / "not found" is NOT_FOUND for that key only, anything else REJECTED for that key.
 * Gateway errors are HTTP (401 → one token refresh and retry; 429/5xx → UNAVAILABLE with
 * {@code Retry-After}); unreadable answers are BAD_RESPONSE. When every key of a batch
 * fails the same way for a reason other than the key itself (the ERP is down), the batch
 * throws instead. A 404 is an operation the tenant does not have: {@code MISCONFIGURED}
 * with the option that names it, never "not set up" (see {@link SxeClient}); the
 * self-check calls each read operation for keys that cannot exist.
 *
 * <p>
 * <b>Keys.</b> SX.e customer numbers are numeric ({@code customerNumber} is a JSON
 * number): anything that is not plain digits is unknown and never sent. Products travel
 * as JSON strings in a JSON body, never spliced into a statement, so no value can widen a
 * read.
 */
final class SxeConnector extends AssembledConnector {

    /**
     * No MULTI_CUSTOMER_READS (one customer per call) and no CHANGE_EVENTS (ION BODs are
     * not wired up).
     */
    private static final Set<ErpCapability> CAPABILITIES = EnumSet.of(ErpCapability.PRICE_BREAKS,
            ErpCapability.PER_WAREHOUSE_STOCK, ErpCapability.SALES_ORDER_CREATE, ErpCapability.SHIPMENTS,
            ErpCapability.INVOICES, ErpCapability.SHIPMENT_TRACKING);

    SxeConnector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        super(settings.systemId(), ErpKind.INFOR_SXE, CAPABILITIES,
                parts(settings, SxeOptions.from(settings), http, clock));
    }

    private static Parts parts(ConnectorSettings settings, SxeOptions options, ErpHttpClient http, Clock clock) {
        SxeTokenClient tokens = new SxeTokenClient(http, settings.auth(), clock);
        SxeClient api = new SxeClient(http, tokens, options);
        SxeFanOut fanOut = new SxeFanOut(settings.systemId(), settings.maxConcurrency());
        SxeWarehouses warehouses = new SxeWarehouses(api, options, clock);
        return new Parts(new SxeOrders(api, fanOut, options), new SxeStock(api, warehouses, options)::stock,
                new SxePrices(api, fanOut, options)::prices, new SxeCredit(api, fanOut, options)::credit,
                new SxeShipments(api, fanOut, options), new SxeInvoices(api, fanOut, options),
                new SxeOrderCreation(api, options), fanOut::close, probes(api, options));
    }

    /**
     * Every read operation called for keys that cannot exist; the create operation is not
     * probed (SX.API has no call that creates nothing).
     */
    private static List<ErpProbe> probes(SxeClient api, SxeOptions options) {
        List<ErpProbe> probes = new ArrayList<>();
        options.operations()
            .reads()
            .forEach((operation, option) -> probes.add(new ErpProbe(operation, option, () -> api.probe(operation))));
        return probes;
    }

}
