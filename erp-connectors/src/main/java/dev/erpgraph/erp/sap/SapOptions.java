package dev.erpgraph.erp.sap;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.erpgraph.erp.ConnectorOptions;
import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.http.RequestFanOut;

/**
 * The options of an SAP S/4HANA system ({@code erp.systems.<id>.options.*}), read and
 * checked once at start-up. Defaults in brackets.
 *
 * @param servicesPath where the OData v2 services live under the base URL
 * [{@code /sap/opu/odata/sap/}]
 * @param top the {@code $top} every collection read sends, far above any real result so
 * that RAP services answer 5000-row pages instead of 100; 0 sends none [1000000]
 * @param maxUrlLength longest URL sent (1000 to 64000): OData v2 has no {@code in}, key
 * sets become chained {@code or} and are split where a URL would pass this [7500]
 * @param maxParallelRequests requests of one call in flight at once (1 to 64): enough to
 * overlap the few chunks a batch makes without crowding the work processes every other
 * integration shares [4]
 * @param availableStockTypes {@code stock.availableStockTypes}: the stock types summed as
 * available, comma-separated [{@code 01}, unrestricted use]
 * @param pricing {@code prices.conditionTypes} [{@code PPR0}],
 * {@code prices.customerConditionTables} [{@code 305}] and
 * {@code prices.listConditionTables} [{@code 304}]: which condition records price an
 * item, and by which condition table a record is the customer's own price or the
 * material's list price (S/4HANA's standard pricing: {@code PPR0} through access sequence
 * {@code PPR0}, table 305 Customer/Material before 304 Material; ECC's {@code PR00} is
 * not in it)
 * @param creditSegment {@code credit.segment} [{@code 1000}]
 * @param creditAccountPath {@code credit.accountPath}, the credit account entity set
 * [{@code API_CRDTMBUSINESSPARTNER/CreditManagementAccount}]
 * @param creditExposurePath {@code credit.exposurePath} [I]
 * [{@code API_CRDTMBUSINESSPARTNER/A_CrdtMgmtCreditExposure}]
 * @param creditExposureAmountField {@code credit.exposureAmountField} [I]
 * [{@code CustomerCreditExposureAmount}]
 * @param order {@code order.salesOrderType} [{@code OR}], {@code order.salesOrganization}
 * [{@code 1710}], {@code order.distributionChannel} [{@code 10}], {@code order.division}
 * [{@code 00}]: the organizational data of a created order
 */
record SapOptions(String servicesPath, int top, int maxUrlLength, int maxParallelRequests,
        Set<String> availableStockTypes, Pricing pricing, String creditSegment, String creditAccountPath,
        String creditExposurePath, String creditExposureAmountField, OrderData order) {

    /**
     * The condition types read for prices, and the condition tables that make a record
     * the customer's own price or the material's list price (comma-separated lists).
     */
    record Pricing(Set<String> conditionTypes, Set<String> customerTables, Set<String> listTables) {
    }

    /** The organizational data every created sales order carries. */
    record OrderData(String salesOrderType, String salesOrganization, String distributionChannel, String division) {
    }

    private static final Pattern PATH = Pattern.compile("/?[A-Za-z0-9_./-]+");

    private static final Pattern ENTITY_SET = Pattern.compile("[A-Za-z0-9_]+/[A-Za-z0-9_]+");

    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,10}");

    static SapOptions from(ConnectorSettings settings) {
        ConnectorOptions options = ConnectorOptions.of(settings);
        SapOptions parsed = new SapOptions(options.name("servicesPath", "/sap/opu/odata/sap/", PATH, "a URL path"),
                options.wholeNumber("top", 1_000_000, 0, Integer.MAX_VALUE),
                options.wholeNumber("maxUrlLength", 7500, 1000, 64_000), RequestFanOut.maxParallelRequests(options, 4),
                codes(options, "stock.availableStockTypes", "01", "SAP stock type codes"),
                new Pricing(codes(options, "prices.conditionTypes", "PPR0", "SAP condition types"),
                        codes(options, "prices.customerConditionTables", "305", "SAP condition tables"),
                        codes(options, "prices.listConditionTables", "304", "SAP condition tables")),
                options.name("credit.segment", "1000", CODE, "an SAP credit segment"),
                options.name("credit.accountPath", "API_CRDTMBUSINESSPARTNER/CreditManagementAccount", ENTITY_SET,
                        "SERVICE/EntitySet"),
                options.name("credit.exposurePath", "API_CRDTMBUSINESSPARTNER/A_CrdtMgmtCreditExposure", ENTITY_SET,
                        "SERVICE/EntitySet"),
                options.name("credit.exposureAmountField", "CustomerCreditExposureAmount", FIELD,
                        "an OData property name"),
                new OrderData(options.name("order.salesOrderType", "OR", CODE, "an SAP code"),
                        options.name("order.salesOrganization", "1710", CODE, "an SAP code"),
                        options.name("order.distributionChannel", "10", CODE, "an SAP code"),
                        options.name("order.division", "00", CODE, "an SAP code")));
        options.rejectUnknown();
        return parsed;
    }

    /**
     * Every entity set the connector reads, each with the option that names it
     * ({@code ""} for the standard APIs, which no option names).
     */
    Map<String, String> entitySetOptions() {
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put(SapOrders.SALES_ORDERS, "");
        sets.put(SapStock.STOCK, "");
        sets.put(SapPrices.PRICE_VALIDITIES, "");
        sets.put(SapPrices.PRICE_SCALES, "");
        sets.put(SapShipments.HEADERS, "");
        sets.put(SapShipments.ITEMS, "");
        sets.put(SapInvoices.DOCUMENTS, "");
        sets.put(SapInvoices.ITEMS, "");
        sets.put(SapInvoices.RECEIVABLES, "");
        sets.putIfAbsent(creditAccountPath, "credit.accountPath");
        sets.putIfAbsent(creditExposurePath, "credit.exposurePath");
        return sets;
    }

    private static Set<String> codes(ConnectorOptions options, String key, String defaultValue, String what) {
        String value = options.text(key, defaultValue);
        Set<String> codes = Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(code -> !code.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
        if (codes.isEmpty() || !codes.stream().allMatch(code -> CODE.matcher(code).matches())) {
            throw options.invalid(key, "must be " + what + ", comma-separated", value);
        }
        return Collections.unmodifiableSet(codes);
    }

}
