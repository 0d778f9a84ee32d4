package dev.erpgraph.erp.netsuite;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.http.RequestFanOut;

/**
 * The options of a NetSuite system ({@code erp.systems.<id>.options.*}), read and checked
 * once at start-up. Defaults in brackets. The private key (option {@code private-key}, or
 * {@code auth.client-secret}) is read by the connector and kept out of this record, so
 * that no {@code toString} can print it.
 *
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
 * @param maxParallelRequests requests of one call in flight at once (1 to 64): the
 * account's concurrency pool is small, 15 on a shared tier with one SuiteCloud Plus
 * licence, and shared with every integration, which get 429 beyond it [2]
 */
record NetSuiteOptions(String certificateId, int pageSize, String locationCodeColumn, String currencyCodeColumn,
        long basePriceLevel, int concurrencyLimit, int maxParallelRequests) {

    private static final String COLUMN = "a SuiteQL column name (lowercase letters, digits, '_')";

    static NetSuiteOptions from(ConnectorSettings settings) {
        return new NetSuiteOptions(settings.text("certificate-id", null),
                settings.wholeNumber("page-size", SuiteQlClient.MAX_PAGE_SIZE, 1, SuiteQlClient.MAX_PAGE_SIZE),
                settings.name("location-code-column", "name", SuiteQl.IDENTIFIER, COLUMN),
                settings.name("currency-code-column", "symbol", SuiteQl.IDENTIFIER, COLUMN),
                settings.wholeNumber("base-price-level", 1L, 1L, Long.MAX_VALUE),
                settings.wholeNumber("concurrency-limit", 15, 1, 1000), RequestFanOut.maxParallelRequests(settings, 2));
    }

}
