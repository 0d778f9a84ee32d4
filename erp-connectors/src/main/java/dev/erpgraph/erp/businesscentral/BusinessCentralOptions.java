package dev.erpgraph.erp.businesscentral;

import java.util.regex.Pattern;

import dev.erpgraph.erp.ConnectorOptions;
import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.http.RequestFanOut;

/**
 * The options of a Business Central system ({@code erp.systems.<id>.options.*}), read and
 * checked once at start-up. Defaults in brackets; every name goes into a URL, so only
 * letters, digits, {@code .}, {@code _} and {@code -} are accepted.
 *
 * @param tenantId the Entra tenant (GUID or domain name), required
 * @param environment the BC environment [{@code production}]
 * @param companyId the company's id (GUID), required
 * @param maxPageSize sent as {@code Prefer: odata.maxpagesize} (1 to 20000); null: the
 * server's 20,000 [unset]
 * @param maxUrlLength longest URL sent (200 to 64000) [2048]
 * @param maxParallelRequests requests of one call in flight at once (1 to 64): BC online
 * takes 100 simultaneous requests per user, so eight of one batch leave room for the
 * gateway's other batches and for other integrations, and the stock of a 50-account page,
 * five URL-length chunks, goes out in one round trip, not two [8]
 * @param localCurrency the company's local currency, which BC writes as {@code ""} [USD]
 * @param customApiPath
 * {@code customApiPublisher}/{@code customApiGroup}/{@code customApiVersion} of the
 * distributor's custom API pages [I] [{@code erpgraph/distribution/v1.0}]
 * @param standardStock where stock comes from: null (option {@code stockSource}
 * [{@code customPage}]) reads the custom page below, per location; with
 * {@code stockSource: standardApi} it is API v2.0's {@code items.inventory}, the
 * company's total on hand across locations (no reservations, so available = on hand),
 * reported as one level under the warehouse code {@code standardStockWarehouse}
 * [{@code ALL}]. Only that stock can ride along in the orders' request ({@code $expand}
 * of the lines' {@code item}).
 * @param stock the stock page's names [I]: {@code stockEntitySet}
 * [{@code itemLocationStocks}], {@code stockItemField} [{@code itemNumber}],
 * {@code stockLocationField} [{@code locationCode}], {@code stockOnHandField}
 * [{@code inventory}], {@code stockReservedField} [{@code reservedQtyOnInventory}]
 * @param prices the price pages' names [I]: {@code priceEntitySet}
 * [{@code customerPriceListLines}], the lines of every price list (fields as table "Price
 * List Line": {@code sourceType} {@code Customer}, {@code Customer Price Group} or
 * {@code All Customers}, {@code sourceNo}, {@code assetNo}, {@code minimumQuantity},
 * {@code unitPrice}, {@code currencyCode}, {@code startingDate}, {@code endingDate}), and
 * {@code customerPricingEntitySet} [{@code customerPricing}], each customer's
 * {@code number} and {@code customerPriceGroup} (table Customer: API v2.0's
 * {@code customers} does not carry the price group)
 */
record BusinessCentralOptions(String tenantId, String environment, String companyId, Integer maxPageSize,
        int maxUrlLength, int maxParallelRequests, String localCurrency, String customApiPath,
        StandardStock standardStock, StockPage stock, PricePages prices) {

    /** Stock from the standard API's {@code items.inventory}, reported under a code. */
    record StandardStock(String warehouse) {
    }

    /** The names of the custom API pages that serve price list lines and price groups. */
    record PricePages(String priceEntitySet, String customerPricingEntitySet) {
    }

    /** The names of the custom API page that serves stock per item and location. */
    record StockPage(String entitySet, String itemField, String locationField, String onHandField,
            String reservedField) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private static final String A_NAME = "a GUID or name of letters, digits, '.', '_' or '-'";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private static final Pattern STOCK_SOURCE = Pattern.compile("customPage|standardApi");

    static BusinessCentralOptions from(ConnectorSettings settings) {
        ConnectorOptions options = ConnectorOptions.of(settings);
        boolean pageSizeSet = options.text("maxPageSize", null) != null;
        BusinessCentralOptions parsed = new BusinessCentralOptions(name(options, "tenantId", null),
                name(options, "environment", "production"), name(options, "companyId", null),
                pageSizeSet ? options.wholeNumber("maxPageSize", 20_000, 1, 20_000) : null,
                options.wholeNumber("maxUrlLength", 2048, 200, 64_000), RequestFanOut.maxParallelRequests(options, 8),
                options.name("localCurrency", "USD", CURRENCY, "an ISO 4217 currency code"),
                String.join("/", name(options, "customApiPublisher", "erpgraph"),
                        name(options, "customApiGroup", "distribution"), name(options, "customApiVersion", "v1.0")),
                standardStock(options),
                new StockPage(name(options, "stockEntitySet", "itemLocationStocks"),
                        name(options, "stockItemField", "itemNumber"),
                        name(options, "stockLocationField", "locationCode"),
                        name(options, "stockOnHandField", "inventory"),
                        name(options, "stockReservedField", "reservedQtyOnInventory")),
                new PricePages(name(options, "priceEntitySet", "customerPriceListLines"),
                        name(options, "customerPricingEntitySet", "customerPricing")));
        options.rejectUnknown();
        return parsed;
    }

    private static StandardStock standardStock(ConnectorOptions options) {
        String source = options.name("stockSource", "customPage", STOCK_SOURCE, "customPage or standardApi");
        String warehouse = name(options, "standardStockWarehouse", "ALL");
        return source.equals("standardApi") ? new StandardStock(warehouse) : null;
    }

    private static String name(ConnectorOptions options, String key, String defaultValue) {
        return options.name(key, defaultValue, NAME, A_NAME);
    }

}
