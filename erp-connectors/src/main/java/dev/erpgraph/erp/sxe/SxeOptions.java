package dev.erpgraph.erp.sxe;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.erpgraph.erp.ConnectorOptions;
import dev.erpgraph.erp.ConnectorSettings;

/**
 * The connector options of one SX.e system ({@code erp.systems.<id>.options}), with
 * defaults. SX.API operation names carry a version suffix that moves with the SX.e
 * release ({@code ...v5} today, {@code ...v6} after an upgrade), and several field names
 * are only inferred from public material, so everything a real tenant may spell
 * differently is an option rather than a constant.
 *
 * @param companyNumber {@code companyNumber} sent in every request (SX.e's {@code cono})
 * @param operatorInit {@code operatorInit} sent in every request: the SX.e operator the
 * calls run as
 * @param currency the company's currency; SX.API answers carry none (an SX.e company is
 * single-currency)
 * @param recordLimit the order list's page size ({@code recordLimit})
 * @param transactionTypes the order list's {@code transactionTypes} filter ("SO": stock
 * orders); blank for all
 * @param holdField the header field of {@code sxapioegetsingleorderv3} that flags a held
 * order [I]
 * @param holdValues values of {@link #holdField} that mean "on hold" [I]
 * @param creditHoldSellTypes {@code sellType} codes that mean the customer may not be
 * sold to [I]
 * @param pricingWarehouse the {@code whse} sent with each pricing row; blank lets SX.e
 * use the customer's default
 * @param stockWarehouses the warehouses a stock read without a warehouse reports (option
 * {@code stockWarehouses}, comma-separated); empty: the company's, read from
 * {@code sxapiicgetwarehouselistv2}
 * @param notFound how a {@code cErrorMessage} saying "this key does not exist" reads
 * ("... not set up in ..."), option {@code notFoundPattern}
 *
 * <p>
 * Defaults: {@code companyNumber} 1 (1 to 9999), {@code operatorInit} api,
 * {@code currency} USD, {@code recordLimit} 100 (1 to 10000), {@code transactionTypes}
 * SO, {@code holdField} approvty, {@code holdValues} h,n, {@code creditHoldSellTypes} n,
 * {@code pricingWarehouse} and {@code stockWarehouses} blank, the operation names of
 * {@link Operations#DEFAULTS} (options {@code operation.orderList}, ...). Read and
 * checked once at start-up; the fan-out's bound is the system's {@code max-concurrency}.
 */
record SxeOptions(int companyNumber, String operatorInit, String currency, int recordLimit, String transactionTypes,
        Operations operations, String holdField, Set<String> holdValues, Set<String> creditHoldSellTypes,
        String pricingWarehouse, List<String> stockWarehouses, Pattern notFound) {

    /**
     * The versioned SX.API operation names: configuration, because each SX.e upgrade may
     * bump a version.
     */
    record Operations(String orderList, String singleOrder, String pricing, String availability, String warehouseList,
            String credit, String balance, String createOrder, String shipmentList, String invoiceList) {

        /**
         * The shipment and invoice lists are [I]: SX.API's published operations carry no
         * list of either, so a deployment names the ones its SX.e exposes.
         */
        static final Operations DEFAULTS = new Operations("sxapioegetlistofordersv5", "sxapioegetsingleorderv3",
                "sxapioepricingmultiplev5", "sxapisfgetpriceavailmultiplev2", "sxapiicgetwarehouselistv2",
                "sxapiargetcustomerdatacredit", "sxapiargetcustomerbalancev2", "sxapisfoeordertotloadv4",
                "sxapioegetshipmentlistv1", "sxapiargetinvoicelistv2");

        /**
         * Each read operation, with the option that names it; the create is not a read.
         */
        Map<String, String> reads() {
            Map<String, String> reads = new LinkedHashMap<>();
            reads.put(orderList, "operation.orderList");
            reads.putIfAbsent(singleOrder, "operation.singleOrder");
            reads.putIfAbsent(pricing, "operation.pricing");
            reads.putIfAbsent(availability, "operation.availability");
            reads.putIfAbsent(warehouseList, "operation.warehouseList");
            reads.putIfAbsent(credit, "operation.credit");
            reads.putIfAbsent(balance, "operation.balance");
            reads.putIfAbsent(shipmentList, "operation.shipmentList");
            reads.putIfAbsent(invoiceList, "operation.invoiceList");
            return reads;
        }

        /** The option that names an operation, or null. */
        String optionOf(String operation) {
            return operation.equals(createOrder) ? "operation.createOrder" : reads().get(operation);
        }

    }

    private static final Pattern OPERATION_NAME = Pattern.compile("[a-z0-9]{3,80}");

    static SxeOptions from(ConnectorSettings settings) {
        ConnectorOptions options = ConnectorOptions.of(settings);
        Operations defaults = Operations.DEFAULTS;
        Operations operations = new Operations(operation(options, "operation.orderList", defaults.orderList()),
                operation(options, "operation.singleOrder", defaults.singleOrder()),
                operation(options, "operation.pricing", defaults.pricing()),
                operation(options, "operation.availability", defaults.availability()),
                operation(options, "operation.warehouseList", defaults.warehouseList()),
                operation(options, "operation.credit", defaults.credit()),
                operation(options, "operation.balance", defaults.balance()),
                operation(options, "operation.createOrder", defaults.createOrder()),
                operation(options, "operation.shipmentList", defaults.shipmentList()),
                operation(options, "operation.invoiceList", defaults.invoiceList()));
        SxeOptions parsed = new SxeOptions(options.wholeNumber("companyNumber", 1, 1, 9999),
                options.text("operatorInit", "api"), options.text("currency", "USD"),
                options.wholeNumber("recordLimit", 100, 1, 10_000), options.text("transactionTypes", "SO"), operations,
                options.text("holdField", "approvty"), options.lowercaseList("holdValues", "h,n"),
                options.lowercaseList("creditHoldSellTypes", "n"), options.text("pricingWarehouse", ""),
                warehouses(options.text("stockWarehouses", "")), notFound(options));
        options.rejectUnknown();
        return parsed;
    }

    /**
     * The name becomes a path segment: never let configuration smuggle '/', '?' or '..'
     * into the URL.
     */
    private static String operation(ConnectorOptions options, String key, String defaultName) {
        return options.name(key, defaultName, OPERATION_NAME, "an SX.API operation name (3 to 80 of a-z, 0-9)");
    }

    private static List<String> warehouses(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(code -> !code.isEmpty()).toList();
    }

    private static Pattern notFound(ConnectorOptions options) {
        String value = options.text("notFoundPattern", "(?i)not set up|not found|not on file|does not exist");
        try {
            return Pattern.compile(value);
        }
        catch (PatternSyntaxException ex) {
            throw options.invalid("notFoundPattern", "must be a regular expression", value);
        }
    }

}
