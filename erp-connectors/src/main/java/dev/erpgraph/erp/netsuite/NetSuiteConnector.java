package dev.erpgraph.erp.netsuite;

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
 * Oracle NetSuite through SuiteTalk REST: every read is one SuiteQL statement per
 * resource (plus its pages), whatever the number of keys; the one write goes through the
 * REST record API.
 *
 * <p>
 * <b>Requests per batch</b> (each SuiteQL statement is followed through all its pages of
 * {@code page-size} rows; IN lists are split at Oracle's 1000 expressions, the only
 * reason to chunk, and the statements of one split are sent side by side, at most
 * {@code maxParallelRequests} at once):
 * <ul>
 * <li>orders: one statement for headers and lines: a derived table on {@code transaction}
 * ({@code type = 'SalesOrd'}, {@code entity IN (...)}, status letters and
 * {@code trandate >= TO_DATE(...)} pushed into its WHERE) numbered newest first per
 * customer with {@code ROW_NUMBER() OVER (PARTITION BY t.entity ...)}, of which the first
 * {@code limit} per customer are kept and LEFT JOINed to {@code transactionline}
 * ({@code mainline = 'F'}); see {@link NetSuiteOrders};</li>
 * <li>orders by number: the same statement, keyed by {@code tranid IN (...)};</li>
 * <li>stock: one on {@code item} LEFT JOIN {@code inventoryitemlocations} and
 * {@code location} (a known sku with no stock row maps to an empty list; the warehouse
 * filter is applied to the few rows per sku);</li>
 * <li>prices: one on {@code pricingwithcustomers} (the customer's tiers; {@code quantity}
 * is where a tier starts) joined to the base price level of {@code pricing} for the list
 * price;</li>
 * <li>credit: one on {@code customer};</li>
 * <li>shipments: one statement on {@code transaction} ({@code type = 'ItemShip'}) by
 * {@code entity} (or joined to the sales orders by {@code createdfrom}), then one on
 * {@code transactionline} joined through {@code previoustransactionlinelink} to the order
 * lines they ship ({@link NetSuiteShipments});</li>
 * <li>invoices: one statement on {@code transaction} ({@code type = 'CustInvc'}) with
 * {@code foreignamountremaining} and {@code duedate} ({@link NetSuiteInvoices});</li>
 * <li>create: one statement resolving skus to item internal ids (and one for warehouse
 * codes to location ids if any line names a warehouse), {@code POST record/v1/salesOrder}
 * (204 + {@code Location}), one statement reading the new order's {@code tranid}.</li>
 * </ul>
 *
 * <p>
 * <b>Status mapping</b>: see {@link NetSuiteOrderStatus} (A ON_HOLD, B OPEN, C CANCELLED,
 * D/E PARTIALLY_SHIPPED, F SHIPPED, G INVOICED, H CANCELLED).
 *
 * <p>
 * <b>Keys</b>: customer numbers are NetSuite internal ids; anything that is not one
 * ({@code [1-9][0-9]*}) is answered unknown without being sent. Skus and order numbers
 * are quoted as Oracle literals with quotes doubled ({@link SuiteQl}). Dates are pinned
 * with {@code TO_CHAR(..., 'YYYY-MM-DD')}, because SuiteQL otherwise answers in the
 * account's date format.
 *
 * <p>
 * <b>Auth</b>: OAuth 2.0 client credentials (M2M), see {@link NetSuiteTokenClient}:
 * {@code auth.client-id} is the integration's client id, {@code auth.client-secret} (or
 * option {@code private-key}) the certificate's private key as PKCS#8 PEM, option
 * {@code certificate-id} the certificate id, {@code auth.scope} default
 * {@code rest_webservices}, {@code auth.token-url} default {@value #TOKEN_PATH}.
 *
 * <p>
 * <b>A missing table</b> (a feature that is off, or {@code stock-table} /
 * {@code customer-price-table} naming one the account does not have) fails its read as
 * {@code MISCONFIGURED} with NetSuite's words and the option, never as a refused key (see
 * {@link SuiteQlClient}); the self-check runs one statement per table that returns no
 * row.
 *
 * <p>
 * <b>Options</b>: see {@link NetSuiteOptions}.
 *
 * <p>
 * This class is the facade; each resource is read by its own part
 * ({@link NetSuiteOrders}, {@link NetSuiteStock}, {@link NetSuitePrices},
 * {@link NetSuiteCredit}, {@link NetSuiteOrderCreation}) over the shared
 * {@link NetSuiteReads}. {@link NetSuiteClient} speaks SuiteTalk REST (auth, errors, the
 * record API); {@link SuiteQlClient} runs SuiteQL statements over it, a second protocol
 * with its own paging, and so a named part of its own.
 */
final class NetSuiteConnector extends AssembledConnector {

    /**
     * No CHANGE_EVENTS: NetSuite has no outbound webhook; a deployment's script posts
     * signed events.
     */
    private static final Set<ErpCapability> CAPABILITIES = EnumSet.of(ErpCapability.PRICE_BREAKS,
            ErpCapability.PER_WAREHOUSE_STOCK, ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE,
            ErpCapability.SHIPMENTS, ErpCapability.INVOICES, ErpCapability.SHIPMENT_TRACKING);

    static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";

    NetSuiteConnector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        super(settings.systemId(), ErpKind.NETSUITE, CAPABILITIES,
                parts(settings, NetSuiteOptions.from(settings), http, clock));
    }

    private static Parts parts(ConnectorSettings settings, NetSuiteOptions options, ErpHttpClient http, Clock clock) {
        String tokenUrl = settings.auth().tokenUrl() == null ? TOKEN_PATH : settings.auth().tokenUrl();
        NetSuiteClientAssertion assertion = new NetSuiteClientAssertion(settings.auth().clientId(),
                options.certificateId(), NetSuiteClientAssertion.privateKey(options.privateKeyPem()),
                settings.auth().scope());
        NetSuiteClient client = new NetSuiteClient(http, new NetSuiteTokenClient(http, tokenUrl, assertion, clock));
        RequestFanOut fanOut = new RequestFanOut(settings.systemId(), options.maxParallelRequests());
        SuiteQlClient suiteQl = new SuiteQlClient(client, options.pageSize(), options.tables());
        NetSuiteReads reads = new NetSuiteReads(suiteQl, fanOut, new SuiteQlRows(settings.systemId()), options);
        return new Parts(new NetSuiteOrders(reads, reads.rows()), new NetSuiteStock(reads)::stock,
                new NetSuitePrices(reads, reads.rows())::prices, new NetSuiteCredit(reads)::credit,
                new NetSuiteShipments(reads, reads.rows()), new NetSuiteInvoices(reads, reads.rows()),
                new NetSuiteOrderCreation(client, reads, settings.systemId()), fanOut::close, probes(suiteQl, options));
    }

    /**
     * One SuiteQL statement per table the parts read that returns no row; the record API
     * a create posts to is not probed (its cheapest request would be a list of orders).
     */
    private static List<ErpProbe> probes(SuiteQlClient suiteQl, NetSuiteOptions options) {
        Map<String, String> keyColumns = new LinkedHashMap<>();
        options.tables().keySet().forEach(table -> keyColumns.put(table, "id"));
        keyColumns.put("transactionline", "transaction");
        keyColumns.put("pricing", "item");
        keyColumns.put(options.stockTable(), "item");
        keyColumns.put(options.customerPriceTable(), "customer");
        List<ErpProbe> probes = new ArrayList<>();
        options.tables()
            .forEach((table, option) -> probes.add(new ErpProbe(table, option.isEmpty() ? null : option,
                    () -> suiteQl.probe(table, keyColumns.get(table)))));
        return probes;
    }

}
