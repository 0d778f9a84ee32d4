package dev.erpgraph.erp.businesscentral;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.RequestFanOut;

/**
 * Microsoft Dynamics 365 Business Central online, API v2.0 (OData v4), authenticated with
 * Entra ID client credentials ({@link BusinessCentralTokenClient}).
 *
 * <p>
 * <b>What it sends per batch</b> (each "request" may page through
 * {@code @odata.nextLink}; every {@code or} chain is split only where the URL would pass
 * {@code maxUrlLength}, and the requests of one split are sent side by side, at most
 * {@code maxParallelRequests} at once):
 * <ul>
 * <li>orders:
 * {@code GET salesOrders?$filter=(customerNumber eq '10000' or ...) [and orderDate ge 2024-06-01]
 *     [and fullyShipped eq false|true]&$select=...&$expand=salesOrderLines($select=...),
 *     customer($select=number,blocked)}: one request; plus one
 * {@code GET customers?$filter=number eq ...&$select=number} for the customers that had
 * no order, to tell "no orders" from "unknown customer". Status and date are pushed down
 * as far as they map onto fields; the per-customer limit and newest-first order are
 * applied here (OData has no per-group top).</li>
 * <li>orders by number: {@code GET salesOrders?$filter=number eq ... or ...} with the
 * same expansion.</li>
 * <li>stock: {@code GET {custom API}/itemLocationStocks?$filter=(itemNumber eq ...) [and
 * locationCode eq 'CLE']}; plus {@code GET items?$filter=number eq ...&$select=number}
 * only for skus without a stock row.</li>
 * <li>prices: {@code GET items?$filter=number eq ...&$select=number,unitPrice} (list
 * price, and which skus exist) and, at the same time (neither needs the other's answer;
 * lines of unknown skus are dropped), {@code GET {custom
 * API}/customerPriceListLines?$filter=sourceType eq 'Customer' and ((sourceNo eq '10000'
 * and (assetNo eq 'A' or ...)) or ...)}; then {@code GET customers} only for customers
 * without any price line.</li>
 * <li>credit:
 * {@code GET customers?$filter=number eq ... or ...&$select=...&$expand=paymentTerms($select=code)}.</li>
 * <li>shipments: {@code GET salesShipments?$filter=(customerNumber eq ...) [and
 * postingDate ge ...]&$expand=salesShipmentLines(...)} (by {@code orderNumber} for an
 * order's): posted shipments only, so always shipped; no carrier or tracking number in
 * API v2.0 ({@link BusinessCentralShipments}).</li>
 * <li>invoices: {@code GET salesInvoices?$filter=(customerNumber eq ...) and (status eq
 * 'Open' or status eq 'Paid') [and invoiceDate ge ...] [and remainingAmount gt 0]} (by
 * {@code orderNumber} for an order's), {@code remainingAmount} is what is still owed
 * ({@link BusinessCentralInvoices}).</li>
 * <li>create:
 * {@code GET salesOrders?$filter=externalDocumentNumber eq '<idempotency key>'} (a
 * retried create finds its order), then {@code POST salesOrders} with the lines
 * deep-inserted (which needs no {@code If-Match}, unlike a POST of lines one by
 * one).</li>
 * </ul>
 *
 * <p>
 * <b>Status mapping</b>: see {@link BusinessCentralOrders} (Draft/Open → OPEN, In Review
 * or a blocked customer → ON_HOLD, shipped and invoiced quantities → PARTIALLY_SHIPPED,
 * SHIPPED, INVOICED; no CANCELLED).
 *
 * <p>
 * <b>Credit</b>: {@code creditLimit} ("Credit Limit (LCY)"), {@code balanceDue} as the
 * balance, available = limit − balance (negative when over the limit; BC treats a limit
 * of 0 as "no limit", reported as is). BC has no credit-hold flag: {@code onHold} is
 * {@code blocked} being {@code Ship}, {@code Invoice} or {@code All}. Payment terms are
 * the code of the expanded {@code paymentTerms}.
 *
 * <p>
 * <b>Stock and prices</b> are not in the standard API: they come from the distributor's
 * custom API pages (ERP-WIRE-FORMATS.md §3.2, [I]), under
 * {@code api/{customApiPublisher}/{customApiGroup}/{customApiVersion}}. Available =
 * {@code inventory} − {@code reservedQtyOnInventory}, never below 0. The price is BC's
 * best price: the lowest {@code unitPrice} of the customer's lines for the item whose
 * {@code minimumQuantity} is reached and that are valid today ({@code startingDate} ≤
 * today ≤ {@code endingDate}, {@code 0001-01-01} = open), in the local currency
 * ({@code ""}); without such a line the item's {@code unitPrice}. The breaks are the
 * valid lines with a minimum quantity above 0.
 *
 * <p>
 * <b>Locations</b>: order lines carry {@code locationId}, a GUID; it is mapped to the
 * location code through the {@code locations} entity set, read once per connector
 * instance (configuration-like master data) and read again only when a line names a
 * location not seen yet.
 *
 * <p>
 * <b>Options</b>: see {@link BusinessCentralOptions}.
 *
 * <p>
 * This class is the facade; each resource is read by its own part
 * ({@link BusinessCentralOrders}, {@link BusinessCentralStock},
 * {@link BusinessCentralPrices}, {@link BusinessCentralCredit},
 * {@link BusinessCentralOrderCreation}) over the shared {@link BusinessCentralReads}.
 */
final class BusinessCentralConnector extends AssembledConnector {

    /**
     * BC's webhook notifications reach the gateway through a subscription
     * ({@link BusinessCentralNotifications}).
     */
    private static final Set<ErpCapability> CAPABILITIES = EnumSet.of(ErpCapability.PRICE_BREAKS,
            ErpCapability.PER_WAREHOUSE_STOCK, ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.CHANGE_EVENTS,
            ErpCapability.SALES_ORDER_CREATE, ErpCapability.SHIPMENTS, ErpCapability.INVOICES);

    BusinessCentralConnector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        super(settings.systemId(), ErpKind.BUSINESS_CENTRAL, CAPABILITIES,
                parts(settings, BusinessCentralOptions.from(settings), http, clock));
    }

    private static Parts parts(ConnectorSettings settings, BusinessCentralOptions options, ErpHttpClient http,
            Clock clock) {
        RequestFanOut fanOut = new RequestFanOut(settings.systemId(), options.maxParallelRequests());
        BusinessCentralClient client = new BusinessCentralClient(http,
                new BusinessCentralTokenClient(http, settings.auth(), clock), options.tenantId(), options.environment(),
                options.companyId(), options.customApiPath(), options.maxPageSize());
        BusinessCentralReads reads = new BusinessCentralReads(client, fanOut, options.maxUrlLength());
        String currency = options.localCurrency();
        return new Parts(new BusinessCentralOrders(reads, currency),
                new BusinessCentralStock(reads, options.stock())::stock,
                new BusinessCentralPrices(reads, options.priceEntitySet(), currency, clock)::prices,
                new BusinessCentralCredit(reads, currency)::credit, new BusinessCentralShipments(reads),
                new BusinessCentralInvoices(reads, currency), new BusinessCentralOrderCreation(reads), fanOut::close);
    }

}
