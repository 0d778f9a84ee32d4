package dev.erpgraph.erp.sap;

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
import dev.erpgraph.erp.http.RequestFanOut;

/**
 * SAP S/4HANA Cloud through its A2X OData v2 APIs under
 * {@code {base-url}/sap/opu/odata/sap/}.
 *
 * <p>
 * <b>Requests per batch</b> (each sends {@code $top} (option {@code top}, default
 * 1000000, 0: none) far above any real result, so that RAP services answer their largest
 * pages (5000 rows) instead of 100, and follows {@code d.__next} to the end; a batch is
 * split only where the URL would exceed {@code maxUrlLength}, option, default 7500
 * characters, since OData v2 has no {@code in} and key sets become chained {@code or};
 * the requests of one split are sent side by side, at most {@code maxParallelRequests} at
 * once, option, default 4: enough to overlap the few chunks a batch makes at that URL
 * length without crowding the gateway's work processes that every other integration
 * shares):
 * <ul>
 * <li>orders: one {@code API_SALES_ORDER_SRV/A_SalesOrder?$expand=to_Item}, selecting the
 * properties read, with {@code SoldToParty} chained, the status and {@code since} filters
 * pushed down ({@link SapOrderStatus#filter}); limit and newest-first are applied per
 * customer to what comes back. {@code ordersByNumber}: the same, by
 * {@code SalesOrder}.</li>
 * <li>stock: one {@code API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod} by {@code Material}
 * (and {@code Plant} = our warehouse code). On hand = the sum over all stock types and
 * storage locations; available = the sum of the stock types in option
 * {@code stock.availableStockTypes} (default {@code 01}, unrestricted use). This API has
 * no ATP: quantities in quality inspection ({@code 02}) or blocked ({@code 07}) are on
 * hand but not available.</li>
 * <li>prices: one {@code API_SLSPRICINGCONDITIONRECORD_SRV/A_SlsPrcgCndnRecdValidity}
 * (the access keys {@code Material}/{@code Customer} live on the validity, not on the
 * record) with {@code $expand=to_SlsPrcgConditionRecord}, then one
 * {@code A_SlsPrcgCndnRecordScale} by {@code ConditionRecord} for the quantity scales: a
 * public client saw the scale {@code $expand} come back empty, so scales are always read
 * in their own call. Records of the condition types {@code prices.conditionTypes}
 * (default {@code PPR0}, S/4HANA's standard price) are read; the customer's price is its
 * record of a customer condition table ({@code prices.customerConditionTables}, default
 * {@code 305} Customer/Material), else the material's record of a list condition table
 * ({@code prices.listConditionTables}, default {@code 304} Material), which is also the
 * list price; the scale line with the highest quantity not above the asked quantity
 * wins.</li>
 * <li>credit: one {@code API_CRDTMBUSINESSPARTNER/CreditManagementAccount} (option
 * {@code credit.accountPath}, the set's name is unverified) for limit and hold
 * ({@code CreditAccountIsBlocked}) in segment {@code credit.segment} (default
 * {@code 1000}), and one exposure read (option {@code credit.exposurePath}, default
 * {@code API_CRDTMBUSINESSPARTNER/A_CrdtMgmtCreditExposure}, amount field
 * {@code credit.exposureAmountField}, default {@code CustomerCreditExposureAmount}; both
 * <b>[I]</b>: a real deployment must confirm them). {@code CreditLimitCalculatedAmount}
 * is a proposed limit, not exposure. Balance = exposure (zero without an exposure row);
 * available = limit - balance. Payment terms are not in these entities: null.</li>
 * <li>shipments: one {@code API_OUTBOUND_DELIVERY_SRV/A_OutbDeliveryHeader} with
 * {@code $expand=to_DeliveryDocumentItem} by {@code SoldToParty}; {@code since} and the
 * limit are applied to what comes back (a pending delivery has no
 * {@code ActualGoodsMovementDate} to filter on). Per order: {@code A_OutbDeliveryItem} by
 * {@code ReferenceSDDocument}, then the headers by {@code DeliveryDocument}: two requests
 * whatever the number of orders. Status from {@code OverallGoodsMovementStatus}
 * ({@code C} shipped, else pending); tracking number = {@code BillOfLading} <b>[I]</b>;
 * no carrier (a partner of the delivery, not expanded).</li>
 * <li>invoices: one {@code API_BILLING_DOCUMENT_SRV/A_BillingDocument?$expand=to_Item} by
 * {@code SoldToParty}, not cancelled, {@code since} pushed down on
 * {@code BillingDocumentDate}; then one
 * {@code API_OPLACCTGDOCITEMCUBE_SRV/A_OperationalAcctgDocItemCube} by
 * {@code DocumentReferenceID} <b>[I]</b> for the open amount (uncleared customer items)
 * and {@code NetDueDate}, which billing documents do not carry. Per order: the
 * {@code A_BillingDocumentItem}s by {@code SalesDocument} first. Total = net + tax.</li>
 * <li>create: {@code GET API_SALES_ORDER_SRV/} with {@code X-CSRF-Token: Fetch} (once,
 * then reused), a lookup by {@code PurchaseOrderByCustomer} = idempotency key (a retried
 * create answers the existing order), then the deep insert {@code POST A_SalesOrder} with
 * {@code to_Item} as a plain array. {@code findSalesOrder}: that same lookup alone,
 * {@code $filter=SoldToParty eq '...' and PurchaseOrderByCustomer eq '...'} with the
 * value the create writes, quoted.</li>
 * </ul>
 *
 * <p>
 * <b>Status mapping</b>: see {@link SapOrderStatus}. Order lines: {@code lineNumber} is
 * SAP's item number (10, 20, ...), the warehouse is {@code ProductionPlant}, the unit
 * price {@code NetPriceAmount / NetPriceQuantity} (<b>[I]</b>; else
 * {@code NetAmount / RequestedQuantity}); shipped quantity from the item's
 * {@code DeliveryStatus}: {@code C} all, {@code A} none, {@code B} unknown (null: the
 * header API carries no delivered quantity).
 *
 * <p>
 * <b>Keys</b>: customer ({@code SoldToParty}, business partner) and order numbers are
 * digits: anything else is answered as unknown without being sent; leading zeros are
 * dropped as SAP's output conversion does. Materials (up to 40 characters) go into
 * filters as quoted literals with quotes doubled. A customer with no orders maps to an
 * empty list (an orders read cannot tell an unknown customer from a quiet one); an
 * unknown customer's credit is absent.
 *
 * <p>
 * <b>A missing entity set</b> (a service not exposed, or a {@code credit.*Path} option
 * naming a set the system does not have) fails its read as {@code MISCONFIGURED}, with
 * SAP's words and the option, never as an unknown customer (see {@link SapClient}); the
 * self-check probes each set with {@code $top=0}.
 *
 * <p>
 * <b>Auth</b>: Basic with the communication user, or an OAuth2 client-credentials token
 * when {@code auth.token-url} is set ({@link SapTokenClient}). <b>Options</b>: see
 * {@link SapOptions}.
 *
 * <p>
 * This class is the facade; each resource is read by its own part ({@link SapOrders},
 * {@link SapStock}, {@link SapPrices}, {@link SapCredit}, {@link SapOrderCreation}) over
 * the shared {@link SapReads}.
 */
final class SapConnector extends AssembledConnector {

    /**
     * Business events reach the gateway through SAP Event Mesh's webhook
     * ({@link SapBusinessEvents}).
     */
    private static final Set<ErpCapability> CAPABILITIES = EnumSet.of(ErpCapability.PRICE_BREAKS,
            ErpCapability.PER_WAREHOUSE_STOCK, ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.CHANGE_EVENTS,
            ErpCapability.SALES_ORDER_CREATE, ErpCapability.SHIPMENTS, ErpCapability.INVOICES);

    SapConnector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        super(settings.systemId(), ErpKind.SAP_S4HANA, CAPABILITIES,
                parts(settings, SapOptions.from(settings), http, clock));
    }

    private static Parts parts(ConnectorSettings settings, SapOptions options, ErpHttpClient http, Clock clock) {
        RequestFanOut fanOut = new RequestFanOut(settings.systemId(), options.maxParallelRequests());
        SapClient odata = new SapClient(http, new SapTokenClient(settings.auth(), http, clock), options.servicesPath(),
                options.top(), options.entitySetOptions());
        SapReads reads = new SapReads(odata, fanOut, options.maxUrlLength());
        return new Parts(new SapOrders(reads), new SapStock(reads, options.availableStockTypes())::stock,
                new SapPrices(reads, options.pricing(), clock)::prices, new SapCredit(reads, options)::credit,
                new SapShipments(reads), new SapInvoices(reads), new SapOrderCreation(reads, options.order()),
                fanOut::close, probes(odata));
    }

    /** One {@code $top=0} read of every entity set the parts read. */
    private static List<ErpProbe> probes(SapClient odata) {
        List<ErpProbe> probes = new ArrayList<>();
        odata.entitySetOptions()
            .forEach((set, option) -> probes
                .add(new ErpProbe(set, option.isEmpty() ? null : option, () -> odata.probe(set))));
        return probes;
    }

}
