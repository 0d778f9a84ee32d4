package dev.erpgraph.erp.p21;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ErpProbe;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.erp.http.ErpHttpResponse;
import dev.erpgraph.erp.http.RequestFanOut;

/**
 * The Epicor Prophet 21 connector: reads through P21's read-only OData service, writes
 * through its Transaction API, authenticates with a bearer token from
 * {@code /api/security/token/v2} (see {@link P21TokenClient}).
 *
 * <p>
 * <b>Requests per batch</b> (each may be cut into a few chunks when the {@code or}-chain
 * would pass the query-string limit, see {@link P21ODataFilter}, sent side by side, at
 * most {@code maxParallelRequests} at once; and each follows {@code $top}/{@code $skip}
 * paging):
 * <ul>
 * <li>orders: one {@code oe_hdr} read for all customers
 * ({@code customer_id eq 100198 or ...}, with the status and date filter pushed down
 * where P21's flags allow), then one {@code oe_line} read for the orders kept
 * ({@code order_no eq '1013938' or ...}), then one {@code inv_mast} read mapping the
 * lines' {@code inv_mast_uid} to {@code item_id} (the sku) and {@code item_desc}. P21
 * cannot limit per customer, so the newest {@code limit} per customer are chosen from the
 * headers before lines are read;</li>
 * <li>stock: one {@code inv_mast} read (sku → {@code inv_mast_uid}), one {@code inv_loc}
 * read;</li>
 * <li>prices: one read of the price view (below);</li>
 * <li>credit: one {@code customer} read;</li>
 * <li>shipments: pick tickets, through the customers' orders: one {@code oe_hdr}, one
 * {@code oe_pick_ticket}, one {@code oe_pick_ticket_detail} and one {@code inv_mast} read
 * ({@link P21Shipments}; the table and column names are <b>[I]</b>, from P21's schema as
 * public SQL reports use it);</li>
 * <li>invoices: one {@code invoice_hdr} read, remaining = {@code total_amount} -
 * {@code amount_paid} ({@link P21Invoices}, <b>[I]</b> likewise);</li>
 * <li>create: one {@code oe_hdr} read (same customer and PO already entered?), the router
 * once per connector, one transaction.</li>
 * </ul>
 * Warehouse codes: unless the {@code locations} option maps them, the {@code location}
 * table is read once an hour ({@link P21LocationSource}), by the first read that needs a
 * location's code.
 *
 * <p>
 * <b>Keys.</b> P21 customer ids are numbers: a customer number that is not all digits is
 * answered as unknown without being sent. Order numbers and skus are strings and are
 * quoted with quotes doubled. A numeric customer without orders and a customer P21 does
 * not know both get an empty order list (one {@code oe_hdr} read cannot tell them apart;
 * {@link #credit} can).
 *
 * <p>
 * <b>Status mapping</b>: see {@link P21Mapping} (header flags {@code cancel_flag},
 * {@code delete_flag}, {@code completed}, the hold flag {@code approved}, then line
 * quantities). Push-down: when every status asked for is one of OPEN, PARTIALLY_SHIPPED,
 * SHIPPED, ON_HOLD the read asks only for
 * {@code completed eq 'N' and cancel_flag eq 'N' and delete_flag eq 'N'} (plus the hold
 * flag for ON_HOLD alone); INVOICED and CANCELLED may also follow from line quantities,
 * so they are filtered after reading. {@code since} becomes
 * {@code order_date ge 2026-01-01} (a literal: P21 does not support {@code now()}).
 *
 * <p>
 * <b>Prices.</b> P21 has no price endpoint: its pricing engine works over
 * {@code price_page}, {@code price_book}, {@code price_library} and
 * {@code price_page_x_book} and is only reachable through the order-entry screens. A
 * deployment provides prices as an OData <i>view</i>
 * ({@code /odataservice/odata/view/{priceView}}, default
 * {@code p21_view_customer_item_price}): either a custom SQL view over the price tables
 * published to the OData service, or a middleware endpoint that computes the rows with
 * the Interactive API and serves the same shape. One row per customer × item × quantity
 * break: {@code item_id, customer_id, unit_price, quantity_break, price_page_uid} and the
 * list price column (option {@code listPriceColumn}: {@code list_price} by default,
 * {@code price1} where it comes from {@code inv_mast}).
 *
 * <p>
 * <b>Errors.</b> OData's {@code {"error":{"code","message"}}}, the token endpoint's
 * {@code {"error","error_description"}} and the Transaction API's {@code Messages[]}
 * become the {@code erpMessage}; status codes map as in {@link ErpHttpResponse#failure}.
 * A failing request fails the whole batch (it is the ERP failing, not a key); unknown
 * keys never fail the others.
 *
 * <p>
 * <b>A missing view or table</b> (a view not published, or {@code priceView} naming one
 * that is not there) fails its read as {@code MISCONFIGURED} with P21's words and the
 * option, never as an unknown customer (see {@link P21Client}); the self-check reads each
 * with {@code $top=0}.
 *
 * <p>
 * <b>Options</b>: see {@link P21Options}. This class is the facade: orders are read by
 * {@link P21Orders}, every read goes through {@link P21Reads}, and writes through
 * {@link P21TransactionClient} (P21's Transaction API, a protocol of its own beside the
 * OData {@link P21Client}).
 */
final class P21Connector extends AssembledConnector {

    private static final Set<ErpCapability> CAPABILITIES = EnumSet.of(ErpCapability.PRICE_BREAKS,
            ErpCapability.PER_WAREHOUSE_STOCK, ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE,
            ErpCapability.SHIPMENTS, ErpCapability.INVOICES);

    P21Connector(ConnectorSettings settings, ErpHttpClient http, Clock clock) {
        super(settings.systemId(), ErpKind.EPICOR_P21, CAPABILITIES,
                parts(settings, P21Options.from(settings), http, clock));
    }

    private static Parts parts(ConnectorSettings settings, P21Options options, ErpHttpClient http, Clock clock) {
        P21Client odata = new P21Client(http, new P21TokenClient(http, settings, clock), options.pageSize(),
                Map.of(options.priceView(), "priceView"));
        P21LocationSource locations = new P21LocationSource(odata, options, clock);
        P21Mapping mapping = new P21Mapping(settings.systemId(), options, locations);
        RequestFanOut fanOut = new RequestFanOut(settings.systemId(), options.maxParallelRequests());
        P21Reads reads = new P21Reads(odata, fanOut, options.maxQueryLength());
        P21TransactionClient transactions = new P21TransactionClient(odata, options, locations, clock);
        return new Parts(new P21Orders(reads, options, mapping), new P21Stock(reads, options, mapping)::stock,
                new P21Prices(reads, odata, options, mapping)::prices, new P21Credit(reads, options, mapping)::credit,
                new P21Shipments(reads, mapping), new P21Invoices(reads, mapping),
                new P21OrderCreation(odata, transactions), fanOut::close, probes(odata, options));
    }

    /**
     * A {@code $top=0} read of every table and view the parts read; the Transaction API a
     * create posts to is not probed (it has no request that changes nothing).
     */
    private static List<ErpProbe> probes(P21Client odata, P21Options options) {
        List<ErpProbe> probes = new ArrayList<>();
        List<String> tables = new ArrayList<>(List.of("oe_hdr", "oe_line", "inv_mast", "inv_loc", "customer",
                "oe_pick_ticket", "oe_pick_ticket_detail", "invoice_hdr"));
        if (options.locations() == null) {
            // Location codes come from P21's own table only when not configured.
            tables.add("location");
        }
        for (String table : tables) {
            probes.add(new ErpProbe("table " + table, null, () -> odata.probe("odataservice/odata/table/" + table)));
        }
        probes.add(new ErpProbe("view " + options.priceView(), "priceView",
                () -> odata.probe("odataservice/odata/view/" + options.priceView())));
        return probes;
    }

}
