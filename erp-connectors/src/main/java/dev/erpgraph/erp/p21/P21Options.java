package dev.erpgraph.erp.p21;

import java.util.regex.Pattern;

import dev.erpgraph.erp.ConnectorOptions;
import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.http.RequestFanOut;

/**
 * The connector options of a P21 system ({@code erp.systems.<id>.options.*}), read and
 * checked once at start-up, with defaults that match the sandbox: {@code pageSize} 1000
 * (1 to 10000), {@code maxQueryLength} 1800 (200 to 32000), {@code currency} USD,
 * {@code orderHoldColumn} approved, {@code orderHoldValue} N, {@code shippedColumn}
 * qty_on_pick_tickets, {@code lineLocationColumn} source_loc_id, {@code allocatedColumn}
 * qty_allocated, {@code creditHoldColumn} credit_status, {@code priceView}
 * p21_view_customer_item_price, {@code listPriceColumn} list_price, {@code locations}
 * unset (read from P21's {@code location} table), {@code locationCodeColumn}
 * default_branch_id, {@code defaultLocationId} 10, {@code taker} WEBAPI,
 * {@code maxParallelRequests} 4. Most exist because the field is marked [I] in
 * ERP-WIRE-FORMATS.md: a real deployment must confirm the column against its own P21
 * version and may rename it here without a code change.
 *
 * @param pageSize {@code $top} per OData request; must not exceed the server's page cap
 * (the sandbox's is 1000)
 * @param maxQueryLength longest encoded {@code $filter} value sent; IIS refuses query
 * strings over 2048 bytes by default, so or-chains are cut into chunks below that
 * @param currency P21 keeps amounts in the company's currency and does not put it on the
 * rows
 * @param orderHoldColumn {@code oe_hdr} column that holds an order [I]; {@code approved}
 * in most versions
 * @param orderHoldValue the value of that column meaning "on hold" [I]
 * @param shippedColumn {@code oe_line} quantity shipped but not yet invoiced [I]; P21 has
 * no such column, the quantity on (confirmed) pick tickets is the nearest
 * @param lineLocationColumn {@code oe_line} column naming the line's source location [I]
 * @param allocatedColumn {@code inv_loc} allocated quantity [I]
 * @param creditHoldColumn {@code customer} column with the credit hold code [I];
 * non-blank means on hold
 * @param priceView the OData view serving customer × item prices (P21 has no native price
 * endpoint)
 * @param listPriceColumn the list price column of that view; sources disagree between
 * {@code price1} and {@code list_price}
 * @param locations P21 location ids (numbers) to the warehouse codes the gateway speaks,
 * as configured ({@code 10=CLE,20=CMH}); null: read from P21's {@code location} table
 * ({@link P21LocationSource})
 * @param locationCodeColumn the {@code location} column holding a location's warehouse
 * code [I]
 * @param defaultLocationId location used for a new order when no line names a warehouse
 * @param taker the P21 user recorded as order taker on created orders
 * @param maxParallelRequests requests of one call in flight at once (1 to 64): a batch
 * makes only a few query-string chunks, and four at once overlap them without crowding
 * the IIS middleware other P21 clients share
 */
record P21Options(int pageSize, int maxQueryLength, String currency, String orderHoldColumn, String orderHoldValue,
        String shippedColumn, String lineLocationColumn, String allocatedColumn, String creditHoldColumn,
        String priceView, String listPriceColumn, P21Locations locations, String locationCodeColumn,
        long defaultLocationId, String taker, int maxParallelRequests) {

    /**
     * Column and view names go into URLs unquoted: only plain identifiers are accepted
     * from configuration.
     */
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final String A_COLUMN = "a P21 column or view name (letters, digits, '_')";

    static P21Options from(ConnectorSettings settings) {
        ConnectorOptions options = ConnectorOptions.of(settings);
        P21Options parsed = new P21Options(options.wholeNumber("pageSize", 1000, 1, 10_000),
                options.wholeNumber("maxQueryLength", 1800, 200, 32_000),
                options.name("currency", "USD", Pattern.compile("[A-Z]{3}"), "an ISO 4217 currency code"),
                column(options, "orderHoldColumn", "approved"), options.text("orderHoldValue", "N"),
                column(options, "shippedColumn", "qty_on_pick_tickets"),
                column(options, "lineLocationColumn", "source_loc_id"),
                column(options, "allocatedColumn", "qty_allocated"),
                column(options, "creditHoldColumn", "credit_status"),
                column(options, "priceView", "p21_view_customer_item_price"),
                column(options, "listPriceColumn", "list_price"), locations(options),
                column(options, "locationCodeColumn", "default_branch_id"),
                options.wholeNumber("defaultLocationId", 10L, 1L, Long.MAX_VALUE), options.text("taker", "WEBAPI"),
                RequestFanOut.maxParallelRequests(options, 4));
        options.rejectUnknown();
        return parsed;
    }

    private static String column(ConnectorOptions options, String key, String defaultName) {
        return options.name(key, defaultName, COLUMN, A_COLUMN);
    }

    private static P21Locations locations(ConnectorOptions options) {
        String value = options.text("locations", null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return P21Locations.parse(value);
        }
        catch (IllegalArgumentException ex) {
            throw options.invalid("locations", "must look like 10=CLE,20=CMH", value);
        }
    }

}
