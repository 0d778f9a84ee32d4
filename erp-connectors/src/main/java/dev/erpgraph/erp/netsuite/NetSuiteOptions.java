package dev.erpgraph.erp.netsuite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.erpgraph.erp.ConnectorOptions;
import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.http.RequestFanOut;

/**
 * The options of a NetSuite system ({@code erp.systems.<id>.options.*}), read and checked
 * once at start-up. Defaults in brackets.
 *
 * @param privateKeyPem {@code private-key}: the certificate's private key as PKCS#8 PEM
 * [{@code auth.client-secret}]; never printed
 * @param certificateId {@code certificate-id}: the id of the certificate the M2M
 * integration was set up with
 * @param pageSize {@code page-size}: rows per SuiteQL page (1 to 1000) [1000]
 * @param locationCodeColumn {@code location-code-column}: which {@code location} column
 * holds the warehouse code [I] [{@code name}]
 * @param currencyCodeColumn {@code currency-code-column}: the ISO code on
 * {@code currency} [I] [{@code symbol}]
 * @param basePriceLevel {@code base-price-level}: the internal id of NetSuite's "Base
 * Price" level, the list price [I] [1]
 * @param concurrencyLimit {@code concurrency-limit}: the account's concurrency pool (1 to
 * 1000), as the account reports it; informational, the bulkhead comes from
 * {@code erp.resilience.max-concurrent-calls} [15]
 * @param stockTable {@code stock-table}: the SuiteQL table of stock per item and location
 * [C], with its columns {@code item}, {@code location}, {@code quantityonhand},
 * {@code quantityavailable} [{@code inventoryitemlocations}]
 * @param customerPriceTable {@code customer-price-table}: the SuiteQL table of customer
 * item prices [C], with its columns {@code customer}, {@code item}, {@code currency},
 * {@code quantity}, {@code unitprice} [{@code pricingwithcustomers}]
 * @param maxParallelRequests requests of one call in flight at once (1 to 64): the
 * account's concurrency pool is small, 15 on a shared tier with one SuiteCloud Plus
 * licence, and shared with every integration, which get 429 beyond it [2]
 */
record NetSuiteOptions(String privateKeyPem, String certificateId, int pageSize, String locationCodeColumn,
        String currencyCodeColumn, long basePriceLevel, String stockTable, String customerPriceTable,
        int concurrencyLimit, int maxParallelRequests) {

    private static final String TABLE = "a SuiteQL table name (lowercase letters, digits, '_')";

    private static final String COLUMN = "a SuiteQL column name (lowercase letters, digits, '_')";

    static NetSuiteOptions from(ConnectorSettings settings) {
        ConnectorOptions options = ConnectorOptions.of(settings);
        NetSuiteOptions parsed = new NetSuiteOptions(options.text("private-key", settings.auth().clientSecret()),
                options.text("certificate-id", null),
                options.wholeNumber("page-size", SuiteQlClient.MAX_PAGE_SIZE, 1, SuiteQlClient.MAX_PAGE_SIZE),
                options.name("location-code-column", "name", SuiteQl.IDENTIFIER, COLUMN),
                options.name("currency-code-column", "symbol", SuiteQl.IDENTIFIER, COLUMN),
                options.wholeNumber("base-price-level", 1L, 1L, Long.MAX_VALUE),
                options.name("stock-table", "inventoryitemlocations", SuiteQl.IDENTIFIER, TABLE),
                options.name("customer-price-table", "pricingwithcustomers", SuiteQl.IDENTIFIER, TABLE),
                options.wholeNumber("concurrency-limit", 15, 1, 1000), RequestFanOut.maxParallelRequests(options, 2));
        options.rejectUnknown();
        return parsed;
    }

    /**
     * The tables the connector reads, each with the option that names it ({@code ""} for
     * the standard ones no option names).
     */
    Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : List.of("transaction", "transactionline", "item", "location", "currency", "customer",
                "pricing")) {
            tables.put(table, "");
        }
        tables.putIfAbsent(stockTable, "stock-table");
        tables.putIfAbsent(customerPriceTable, "customer-price-table");
        return tables;
    }

    @Override
    public String toString() {
        return "NetSuiteOptions[privateKeyPem=***, certificateId=" + certificateId + ", pageSize=" + pageSize
                + ", locationCodeColumn=" + locationCodeColumn + ", currencyCodeColumn=" + currencyCodeColumn
                + ", basePriceLevel=" + basePriceLevel + ", stockTable=" + stockTable + ", customerPriceTable="
                + customerPriceTable + ", concurrencyLimit=" + concurrencyLimit + ", maxParallelRequests="
                + maxParallelRequests + "]";
    }

}
