package dev.erpgraph.sandbox.businesscentral;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.OrderStatus;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxErp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox data set as Business Central entities: field names, types and enum values
 * of API v2.0 ({@code salesOrders} with {@code salesOrderLines} and {@code customer},
 * {@code customers} with {@code paymentTerms}, {@code items}, {@code locations}, and the
 * posted {@code salesShipments} and {@code salesInvoices} of
 * {@link BusinessCentralPostedDocuments}) and of the custom pages
 * ({@code itemLocationStocks}, {@code customerPriceListLines}). Rows are generated on
 * request from the data set, narrowed by the keys the filter pins down
 * ({@link FilterExpression#candidates}) and then tested against the whole filter.
 */
final class BusinessCentralSandboxEntities {

    /** BC's blank date: {@code 0001-01-01}, never null. */
    static final LocalDate BLANK_DATE = LocalDate.of(1, 1, 1);

    static final String ZERO_GUID = "00000000-0000-0000-0000-000000000000";

    static final LocalDate PRICES_FROM = LocalDate.of(2024, 1, 1);

    static final String MODIFIED = "2026-11-01T06:00:00.000Z";

    /**
     * One entity: its sort key (the primary key), its fields and its navigation
     * properties.
     */
    record Row(String key, Map<String, Object> fields, Map<String, Supplier<Object>> navigations) {
    }

    /**
     * An entity set: name, the resource name for stats, property names, navigations and
     * their properties.
     */
    record EntitySet(String name, String resource, Set<String> properties, Map<String, Set<String>> navigations,
            Function<FilterExpression, List<Row>> rows, Map<String, Map<String, SubNavigation>> subNavigations) {

        EntitySet(String name, String resource, Set<String> properties, Map<String, Set<String>> navigations,
                Function<FilterExpression, List<Row>> rows) {
            this(name, resource, properties, navigations, rows, Map.of());
        }

        List<Row> rows(FilterExpression filter) {
            return rows.apply(filter);
        }
    }

    /**
     * A navigation of a navigation's rows (a sales order line's {@code item}): its
     * properties and the row it leads to from the parent row's fields (null: none).
     */
    record SubNavigation(Set<String> properties, Function<Map<String, Object>, Map<String, Object>> resolve) {
    }

    private final DistributorDataSet data;

    private final SandboxErp erp;

    private final BusinessCentralCatalogEntities catalog;

    private final EntitySet salesOrders;

    /** API v2.0's entity sets by URL name. */
    private final Map<String, EntitySet> standardSets;

    /** The custom API pages' entity sets by URL name. */
    private final Map<String, EntitySet> customSets;

    /** The API v2.0 entity set {@code name}, if BC has one. */
    Optional<EntitySet> standard(String name) {
        return Optional.ofNullable(standardSets.get(name));
    }

    /** The custom API page {@code name}, if the extension publishes one. */
    Optional<EntitySet> custom(String name) {
        return Optional.ofNullable(customSets.get(name));
    }

    BusinessCentralSandboxEntities(DistributorDataSet data, SandboxErp erp) {
        this.data = data;
        this.erp = erp;
        this.catalog = new BusinessCentralCatalogEntities(data, erp);
        DistributorDataSet.Customer firstCustomer = data.customer(0).orElseThrow();
        DistributorDataSet.Item firstItem = data.items().iterator().next();
        DistributorDataSet.Order firstOrder = data.order(1).orElseThrow();
        Map<String, Object> lineSample = orderLines(firstOrder).get(0);
        this.salesOrders = new EntitySet("salesOrder", "orders", properties(orderFields(firstOrder)), Map
            .of("salesOrderLines", properties(lineSample), "customer", properties(customerFields(firstCustomer))),
                this::orderRows,
                Map.of("salesOrderLines",
                        Map.of("item",
                                new SubNavigation(properties(catalog.itemFields(firstItem)),
                                        line -> data.item(String.valueOf(line.get("lineObjectNumber")))
                                            .map(catalog::itemFields)
                                            .orElse(null)))));
        EntitySet customers = new EntitySet("customer", "customers", properties(customerFields(firstCustomer)),
                Map.of("paymentTerm", properties(paymentTerms(firstCustomer.paymentTerms()))), this::customerRows);
        EntitySet items = new EntitySet("item", "items", properties(catalog.itemFields(firstItem)), Map.of(),
                catalog::itemRows);
        EntitySet locations = new EntitySet("location", "locations",
                properties(catalog.locationFields(data.warehouses().get(0))), Map.of(),
                filter -> data.warehouses()
                    .stream()
                    .map(w -> new Row(w.code(), catalog.locationFields(w), Map.of()))
                    .toList());
        EntitySet itemLocationStocks = new EntitySet("itemLocationStock", "inventory",
                properties(
                        catalog.stockFields(new DistributorDataSet.Stock("X", "CLE", BigDecimal.ONE, BigDecimal.ZERO))),
                Map.of(), catalog::stockRows);
        EntitySet customerPriceListLines = new EntitySet("customerPriceListLine", "prices",
                properties(catalog.priceLine(BusinessCentralCatalogEntities.CUSTOMER, "X", "X", BigDecimal.ZERO,
                        BigDecimal.ONE, PRICES_FROM, null)),
                Map.of(), catalog::priceRows);
        EntitySet customerPricing = new EntitySet("customerPricing", "customers",
                properties(catalog.customerPricingFields(firstCustomer)), Map.of(), catalog::customerPricingRows);
        BusinessCentralPostedDocuments posted = new BusinessCentralPostedDocuments(data, erp);
        this.standardSets = Map.of("salesOrders", salesOrders, "customers", customers, "items", items, "locations",
                locations, "salesShipments", posted.salesShipments(), "salesInvoices", posted.salesInvoices());
        this.customSets = Map.of("itemLocationStocks", itemLocationStocks, "customerPriceListLines",
                customerPriceListLines, "customerPricing", customerPricing);
    }

    // ---- salesOrders

    private List<Row> orderRows(FilterExpression filter) {
        List<DistributorDataSet.Order> orders = new ArrayList<>();
        Set<String> customerNumbers = filter == null ? null : filter.candidates("customerNumber");
        Set<String> numbers = filter == null ? null : filter.candidates("number");
        if (customerNumbers != null) {
            for (String number : customerNumbers) {
                erp.customerIndex(number).ifPresent(index -> orders.addAll(data.ordersOf(index)));
            }
        }
        else if (numbers != null) {
            for (String number : numbers) {
                erp.orderSequence(number).ifPresent(sequence -> data.order(sequence).ifPresent(orders::add));
            }
        }
        else {
            for (int sequence = 1; data.order(sequence).isPresent(); sequence++) {
                orders.add(data.order(sequence).get());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (DistributorDataSet.Order order : orders) {
            if (order.status() == OrderStatus.CANCELLED) {
                continue; // BC deletes a cancelled order
            }
            DistributorDataSet.Customer customer = data.customer(order.customerIndex()).orElseThrow();
            rows.add(new Row(erp.orderNumber(order.sequence()), orderFields(order),
                    Map.of("salesOrderLines", () -> orderLines(order), "customer", () -> customerFields(customer))));
        }
        return rows;
    }

    private Map<String, Object> orderFields(DistributorDataSet.Order order) {
        DistributorDataSet.Customer customer = data.customer(order.customerIndex()).orElseThrow();
        String number = erp.orderNumber(order.sequence());
        boolean fullyShipped = order.status() == OrderStatus.SHIPPED || order.status() == OrderStatus.INVOICED;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag", etag(number + order.status()));
        fields.put("id", guid("salesOrder", number));
        fields.put("number", number);
        fields.put("externalDocumentNumber", order.customerPo() == null ? "" : order.customerPo());
        fields.put("orderDate", order.orderDate());
        fields.put("postingDate", order.orderDate());
        fields.put("customerId", guid("customer", erp.customerNumber(customer.index())));
        fields.put("customerNumber", erp.customerNumber(customer.index()));
        fields.put("customerName", customer.name());
        fields.put("billToName", customer.name());
        fields.put("billToCustomerId", guid("customer", erp.customerNumber(customer.index())));
        fields.put("billToCustomerNumber", erp.customerNumber(customer.index()));
        fields.put("shipToName", customer.name());
        fields.put("shipToContact", "");
        fields.put("sellToCity", customer.city());
        fields.put("sellToState", customer.region());
        fields.put("sellToCountry", "US");
        fields.put("currencyId", ZERO_GUID);
        fields.put("currencyCode", DistributorDataSet.CURRENCY);
        fields.put("pricesIncludeTax", false);
        fields.put("paymentTermsId", guid("paymentTerms", customer.paymentTerms()));
        fields.put("shipmentMethodId", ZERO_GUID);
        fields.put("salesperson", "");
        fields.put("partialShipping", true);
        fields.put("requestedDeliveryDate", order.requestedDate() == null ? BLANK_DATE : order.requestedDate());
        fields.put("discountAmount", BigDecimal.ZERO);
        fields.put("discountAppliedBeforeTax", true);
        fields.put("totalAmountExcludingTax", order.total());
        fields.put("totalTaxAmount", BigDecimal.ZERO);
        fields.put("totalAmountIncludingTax", order.total());
        fields.put("fullyShipped", fullyShipped);
        fields.put("status", order.status() == OrderStatus.ON_HOLD ? "In Review" : "Open");
        fields.put("lastModifiedDateTime", order.orderDate() + "T09:00:00.000Z");
        fields.put("phoneNumber", "");
        fields.put("email", "");
        return fields;
    }

    private List<Map<String, Object>> orderLines(DistributorDataSet.Order order) {
        String number = erp.orderNumber(order.sequence());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (DistributorDataSet.OrderLine line : order.lines()) {
            BigDecimal shipped = switch (order.status()) {
                case SHIPPED, INVOICED -> line.quantity();
                default -> line.shippedQuantity() == null ? BigDecimal.ZERO : line.shippedQuantity();
            };
            BigDecimal invoiced = order.status() == OrderStatus.INVOICED ? line.quantity() : BigDecimal.ZERO;
            String unit = data.item(line.sku()).map(DistributorDataSet.Item::unit).orElse("EA");
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("@odata.etag", etag(number + "/" + line.lineNumber() + shipped + invoiced));
            fields.put("id", guid("salesOrderLine", number + "/" + line.lineNumber()));
            fields.put("documentId", guid("salesOrder", number));
            fields.put("sequence", line.lineNumber() * 10_000);
            fields.put("itemId", guid("item", line.sku()));
            fields.put("accountId", ZERO_GUID);
            fields.put("lineType", "Item");
            fields.put("lineObjectNumber", line.sku());
            fields.put("description", line.description());
            fields.put("description2", "");
            fields.put("unitOfMeasureId", guid("unitOfMeasure", unit));
            fields.put("unitOfMeasureCode", unit);
            fields.put("quantity", line.quantity());
            fields.put("unitPrice", line.unitPrice());
            fields.put("discountAmount", BigDecimal.ZERO);
            fields.put("discountPercent", BigDecimal.ZERO);
            fields.put("discountAppliedBeforeTax", false);
            fields.put("amountExcludingTax", line.amount());
            fields.put("taxCode", "");
            fields.put("taxPercent", BigDecimal.ZERO);
            fields.put("totalTaxAmount", BigDecimal.ZERO);
            fields.put("amountIncludingTax", line.amount());
            fields.put("invoiceDiscountAllocation", BigDecimal.ZERO);
            fields.put("netAmount", line.amount());
            fields.put("netTaxAmount", BigDecimal.ZERO);
            fields.put("netAmountIncludingTax", line.amount());
            fields.put("shipmentDate", order.requestedDate() == null ? BLANK_DATE : order.requestedDate());
            fields.put("shippedQuantity", shipped);
            fields.put("invoicedQuantity", invoiced);
            fields.put("invoiceQuantity", shipped.subtract(invoiced));
            fields.put("shipQuantity", line.quantity().subtract(shipped));
            fields.put("itemVariantId", ZERO_GUID);
            fields.put("locationId", line.warehouse() == null ? ZERO_GUID : guid("location", line.warehouse()));
            lines.add(fields);
        }
        return lines;
    }

    // ---- customers

    private List<Row> customerRows(FilterExpression filter) {
        List<Row> rows = new ArrayList<>();
        for (int index : catalog.customerIndexes(filter == null ? null : filter.candidates("number"))) {
            DistributorDataSet.Customer customer = data.customer(index).orElseThrow();
            rows.add(new Row(erp.customerNumber(index), customerFields(customer),
                    Map.of("paymentTerm", () -> paymentTerms(customer.paymentTerms()))));
        }
        return rows;
    }

    private Map<String, Object> customerFields(DistributorDataSet.Customer customer) {
        String number = erp.customerNumber(customer.index());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag", etag(number + customer.balance() + customer.creditLimit() + customer.onHold()));
        fields.put("id", guid("customer", number));
        fields.put("number", number);
        fields.put("displayName", customer.name());
        fields.put("type", "Company");
        putAddress(fields, customer.city(), customer.region());
        fields.put("salespersonCode", "");
        fields.put("balanceDue", customer.balance());
        fields.put("creditLimit", customer.creditLimit());
        fields.put("taxLiable", false);
        fields.put("taxAreaId", ZERO_GUID);
        fields.put("taxAreaDisplayName", "");
        fields.put("taxRegistrationNumber", "");
        fields.put("currencyId", ZERO_GUID);
        fields.put("currencyCode", DistributorDataSet.CURRENCY);
        fields.put("paymentTermsId", guid("paymentTerms", customer.paymentTerms()));
        fields.put("shipmentMethodId", ZERO_GUID);
        fields.put("paymentMethodId", ZERO_GUID);
        fields.put("blocked", customer.onHold() ? "Ship" : " ");
        fields.put("lastModifiedDateTime", MODIFIED);
        return fields;
    }

    /**
     * BC's postal address and contact fields, as customers and locations both carry them;
     * the data set knows only city and state.
     */
    static void putAddress(Map<String, Object> fields, String city, String state) {
        fields.put("addressLine1", "");
        fields.put("addressLine2", "");
        fields.put("city", city);
        fields.put("state", state);
        fields.put("country", "US");
        fields.put("postalCode", "");
        fields.put("phoneNumber", "");
        fields.put("email", "");
        fields.put("website", "");
    }

    private Map<String, Object> paymentTerms(String code) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag", etag(code));
        fields.put("id", guid("paymentTerms", code));
        fields.put("code", code);
        fields.put("displayName", code.replace("NET", "Net "));
        fields.put("dueDateCalculation", code.endsWith("NET30") ? "30D" : code.substring(3) + "D");
        fields.put("discountDateCalculation", code.startsWith("2%") ? "10D" : "");
        fields.put("discountPercent", code.startsWith("2%") ? BigDecimal.valueOf(2) : BigDecimal.ZERO);
        fields.put("calculateDiscountOnCreditMemos", false);
        fields.put("lastModifiedDateTime", MODIFIED);
        return fields;
    }

    /**
     * Enters a sales order from BC's deep-insert body; answers it as BC reads it back.
     */
    Map<String, Object> create(JsonNode order, Sandbox sandbox) {
        return new BusinessCentralOrderEntry(sandbox).create(order, salesOrders, this::orderFields);
    }

    // ---- rendering

    /** Writes a row's values as BC's JSON: decimals as numbers, dates as ISO strings. */
    static void render(Map<String, Object> fields, ObjectNode target) {
        fields.forEach((name, value) -> {
            if (value == null) {
                target.putNull(name);
            }
            else if (value instanceof BigDecimal decimal) {
                target.put(name, decimal);
            }
            else if (value instanceof Integer number) {
                target.put(name, number);
            }
            else if (value instanceof Boolean flag) {
                target.put(name, flag);
            }
            else if (value instanceof List<?> list) {
                ArrayNode array = target.putArray(name);
                for (Object item : list) {
                    render(BusinessCentralQuery.cast(item), array.addObject());
                }
            }
            else if (value instanceof Map<?, ?> map) {
                render(BusinessCentralQuery.cast(map), target.putObject(name));
            }
            else {
                target.put(name, value.toString());
            }
        });
    }

    static Set<String> properties(Map<String, Object> sample) {
        Set<String> names = new LinkedHashSet<>(sample.keySet());
        names.remove("@odata.etag");
        return Set.copyOf(names);
    }

    static String guid(String type, String key) {
        return UUID.nameUUIDFromBytes(("bc:" + type + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String etag(String state) {
        return "W/\"" + Base64.getEncoder()
            .encodeToString(
                    ("JzQ0O" + Integer.toHexString(state.hashCode()) + ";00;'").getBytes(StandardCharsets.UTF_8))
                + "\"";
    }

}
