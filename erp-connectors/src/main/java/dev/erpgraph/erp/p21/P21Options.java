package dev.erpgraph.erp.p21;

import java.util.Map;

import dev.erpgraph.erp.ConnectorSettings;

/**
 * The connector options of a P21 system ({@code erp.systems.<id>.options}), with defaults
 * that match the sandbox. Most exist because the field is marked [I] in
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
 * @param locations P21 location ids (numbers) to the warehouse codes the gateway speaks
 * @param defaultLocationId location used for a new order when no line names a warehouse
 * @param taker the P21 user recorded as order taker on created orders
 */
record P21Options(int pageSize, int maxQueryLength, String currency, String orderHoldColumn, String orderHoldValue,
        String shippedColumn, String lineLocationColumn, String allocatedColumn, String creditHoldColumn,
        String priceView, String listPriceColumn, P21Locations locations, long defaultLocationId, String taker) {

    static final String DEFAULT_LOCATIONS = "10=CLE,20=CMH,30=DET,40=PIT,50=IND";

    static P21Options of(ConnectorSettings settings) {
        return new P21Options(Integer.parseInt(settings.option("pageSize", "1000")),
                Integer.parseInt(settings.option("maxQueryLength", "1800")), settings.option("currency", "USD"),
                column(settings.option("orderHoldColumn", "approved")), settings.option("orderHoldValue", "N"),
                column(settings.option("shippedColumn", "qty_on_pick_tickets")),
                column(settings.option("lineLocationColumn", "source_loc_id")),
                column(settings.option("allocatedColumn", "qty_allocated")),
                column(settings.option("creditHoldColumn", "credit_status")),
                column(settings.option("priceView", "p21_view_customer_item_price")),
                column(settings.option("listPriceColumn", "list_price")),
                P21Locations.parse(settings.option("locations", DEFAULT_LOCATIONS)),
                Long.parseLong(settings.option("defaultLocationId", "10")), settings.option("taker", "WEBAPI"));
    }

    static P21Options defaults() {
        return of(new ConnectorSettings("p21", dev.erpgraph.erp.ErpKind.EPICOR_P21, null,
                dev.erpgraph.erp.config.ErpAuthProperties.none(), java.time.Duration.ofSeconds(2), 4, Map.of()));
    }

    /**
     * Column and view names go into URLs unquoted: only plain identifiers are accepted
     * from configuration.
     */
    private static String column(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a P21 column or view name: '" + name + "'");
        }
        return name;
    }
}
