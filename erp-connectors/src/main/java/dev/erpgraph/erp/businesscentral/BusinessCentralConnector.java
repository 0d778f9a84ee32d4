package dev.erpgraph.erp.businesscentral;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ErpProbe;
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
 *     customer($select=number,blocked)}: one request; beside it (in the same round trip)
 * {@code GET customers?$filter=number eq ...&$select=number}, to tell "no orders" from
 * "unknown customer". Status and date are pushed down as far as they map onto fields; the
 * per-customer limit and newest-first order are applied here (OData has no per-group
 * top).</li>
 * <li>orders by number: {@code GET salesOrders?$filter=number eq ... or ...} with the
 * same expansion.</li>
 * <li>stock: {@code GET {custom API}/itemLocationStocks?$filter=(itemNumber eq ...) [and
 * locationCode eq 'CLE']}; plus {@code GET items?$filter=number eq ...&$select=number}
 * only for skus without a stock row. With {@code stockSource: standardApi}:
 * {@code GET items?$filter=number eq ...&$select=number,inventory}, the company total
 * ({@link BusinessCentralItemStock}); then orders read with
 * {@code OrderQuery.withLineStock} expand each line's
 * {@code item($select=number,inventory)} in their own request, so a page of orders, lines
 * and stock is one round trip.</li>
 * <li>prices, three reads at the same time (none needs another's answer; lines of unknown
 * skus, groups or customers are dropped): {@code GET items?$filter=number eq
 * ...&$select=number,unitPrice} (list price, and which skus exist), {@code GET {custom
 * API}/customerPricing?$filter=number eq ...&$select=number,customerPriceGroup} (each
 * customer's price group, and which customers exist) and {@code GET {custom
 * API}/customerPriceListLines?$filter=...}: the customers' own lines
 * ({@code sourceType eq 'Customer' and ((sourceNo eq '10000' and (assetNo eq 'A' or
 * ...)) or ...)}) and the group and all-customer lines of the items
 * ({@code (sourceType eq 'Customer Price Group' or sourceType eq 'All Customers') and
 * (assetNo eq 'A' or ...)}).</li>
 * <li>credit:
 * {@code GET customers?$filter=number eq ... or ...&$select=...&$expand=paymentTerm($select=code)}.</li>
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
 * the code of the expanded {@code paymentTerm} (singular: the v2.0 navigation).
 *
 * <p>
 * <b>Stock and prices</b> per location and per customer are not in the standard API: they
 * come from the distributor's custom API pages (ERP-WIRE-FORMATS.md §3.2, [I]), under
 * {@code api/{customApiPublisher}/{customApiGroup}/{customApiVersion}}. Available =
 * {@code inventory} − {@code reservedQtyOnInventory}, never below 0. The price is BC's
 * best price: the lowest {@code unitPrice} of the lines that apply to the customer (its
 * own, its customer price group's, all customers') for the item whose
 * {@code minimumQuantity} is reached and that are valid today ({@code startingDate} ≤
 * today ≤ {@code endingDate}, {@code 0001-01-01} = open), in the local currency
 * ({@code ""}); without such a line the item's {@code unitPrice}. The breaks are the
 * minimum quantities above 0 from which that best price drops, each with the price from
 * there on.
 *
 * <p>
 * <b>Standard-API stock</b> ({@code stockSource: standardApi}, see
 * {@link BusinessCentralOptions}): a deployment without the stock page reads
 * {@code items.inventory}, the company total, as one level per item
 * ({@link BusinessCentralItemStock}); the connector then declares
 * {@code EMBEDDED_LINE_STOCK} instead of {@code PER_WAREHOUSE_STOCK}, and orders read
 * with {@code OrderQuery.withLineStock} carry it on their lines from the same request.
 *
 * <p>
 * <b>Locations</b>: order lines carry {@code locationId}, a GUID; it is mapped to the
 * location code through the {@code locations} entity set, read once per connector
 * instance (configuration-like master data) and read again only when a line names a
 * location not seen yet.
 *
 * <p>
 * <b>A missing entity set</b> (a custom page not installed, or {@code stockEntitySet} /
 * {@code priceEntitySet} naming one that is not there) fails its read as
 * {@code MISCONFIGURED} with BC's words and the option, never as "no stock" or an unknown
 * item (see {@link BusinessCentralClient}); the self-check reads each set with
 * {@code $top=0}.
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
        this(settings, BusinessCentralOptions.from(settings), http, clock);
    }

    private BusinessCentralConnector(ConnectorSettings settings, BusinessCentralOptions options, ErpHttpClient http,
            Clock clock) {
        super(settings.systemId(), ErpKind.BUSINESS_CENTRAL, capabilities(options),
                parts(settings, options, http, clock));
    }

    /**
     * With the standard API's stock ({@code stockSource: standardApi}) stock is a company
     * total, not per warehouse, and it can ride along in the orders' request.
     */
    private static Set<ErpCapability> capabilities(BusinessCentralOptions options) {
        if (options.standardStock() == null) {
            return CAPABILITIES;
        }
        Set<ErpCapability> capabilities = EnumSet.copyOf(CAPABILITIES);
        capabilities.remove(ErpCapability.PER_WAREHOUSE_STOCK);
        capabilities.add(ErpCapability.EMBEDDED_LINE_STOCK);
        return capabilities;
    }

    private static Parts parts(ConnectorSettings settings, BusinessCentralOptions options, ErpHttpClient http,
            Clock clock) {
        RequestFanOut fanOut = new RequestFanOut(settings.systemId(), options.maxParallelRequests());
        BusinessCentralClient client = new BusinessCentralClient(http,
                new BusinessCentralTokenClient(http, settings.auth(), clock), options.tenantId(), options.environment(),
                options.companyId(), options.customApiPath(), options.maxPageSize(), customPages(options));
        BusinessCentralReads reads = new BusinessCentralReads(client, fanOut, options.maxUrlLength());
        String currency = options.localCurrency();
        String standardStock = options.standardStock() == null ? null : options.standardStock().warehouse();
        return new Parts(new BusinessCentralOrders(reads, currency, standardStock),
                standardStock == null ? new BusinessCentralStock(reads, options.stock())::stock
                        : new BusinessCentralItemStock(reads, standardStock)::stock,
                new BusinessCentralPrices(reads, options.prices(), currency, clock)::prices,
                new BusinessCentralCredit(reads, currency)::credit, new BusinessCentralShipments(reads),
                new BusinessCentralInvoices(reads, currency), new BusinessCentralOrderCreation(reads), fanOut::close,
                probes(client, options));
    }

    /** Each custom page's entity set, with the option that names it. */
    private static Map<String, String> customPages(BusinessCentralOptions options) {
        Map<String, String> pages = new LinkedHashMap<>();
        if (options.standardStock() == null) {
            pages.put(options.stock().entitySet(), "stockEntitySet");
        }
        pages.putIfAbsent(options.prices().priceEntitySet(), "priceEntitySet");
        pages.putIfAbsent(options.prices().customerPricingEntitySet(), "customerPricingEntitySet");
        return pages;
    }

    /**
     * A {@code $top=0} read of every entity set the parts read: the standard ones and the
     * custom pages.
     */
    private static List<ErpProbe> probes(BusinessCentralClient client, BusinessCentralOptions options) {
        List<ErpProbe> probes = new ArrayList<>();
        for (String set : List.of("customers", "items", "salesOrders", "locations", "salesShipments",
                "salesInvoices")) {
            probes.add(new ErpProbe("api/v2.0/" + set, null, () -> client.probe(client.api(set))));
        }
        customPages(options)
            .forEach((page, option) -> probes.add(new ErpProbe("api/" + options.customApiPath() + "/" + page, option,
                    () -> client.probe(client.customApi(page)))));
        return probes;
    }

}
