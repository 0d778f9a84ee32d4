package dev.erpgraph.erp.businesscentral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;

/**
 * Reads sales orders, by customer or by number, and turns a {@code salesOrders} entity
 * (with {@code salesOrderLines} and {@code customer} expanded) into a {@link SalesOrder}.
 * A read of {@code customers} goes beside the orders' read, to tell "no orders" from
 * "unknown customer". Status and date are pushed down as far as they map onto fields; the
 * per-customer limit and newest-first order are applied here (OData has no per-group
 * top).
 *
 * <p>
 * Business Central has no single order status: the API's {@code status} is only the
 * document's approval state ({@code "Draft"} = BC's "Open", still being entered;
 * {@code "In Review"} = pending approval; {@code "Open"} = released or pending
 * prepayment), and shipping and invoicing show in {@code fullyShipped} and the lines'
 * {@code shippedQuantity}/{@code invoicedQuantity}. The status is derived, first rule
 * that holds:
 * <ol>
 * <li>every line with a quantity fully invoiced → {@link OrderStatus#INVOICED} (BC
 * deletes a sales order once it is completely shipped and invoiced, so online this shows
 * only in the moment before that);</li>
 * <li>{@code fullyShipped} → {@link OrderStatus#SHIPPED};</li>
 * <li>{@code "In Review"}, or the customer {@code blocked} for {@code "Ship"},
 * {@code "Invoice"} or {@code "All"} (nothing more can ship) →
 * {@link OrderStatus#ON_HOLD};</li>
 * <li>any line with a shipped quantity → {@link OrderStatus#PARTIALLY_SHIPPED};</li>
 * <li>otherwise ({@code "Draft"} and {@code "Open"}) → {@link OrderStatus#OPEN}: a draft
 * is an order like any other to the customer (orders created through the API start as
 * drafts).</li>
 * </ol>
 * {@link OrderStatus#CANCELLED} never appears: BC has no cancelled state, a cancelled
 * order is deleted.
 *
 * <p>
 * Lines: {@code sequence} (BC's line number: 10000, 20000, ...) is the line number;
 * comment lines (no {@code lineObjectNumber}) are skipped; the line amount is
 * {@code netAmount}; the warehouse is the code of the line's {@code locationId}. The
 * order total is {@code totalAmountExcludingTax}, the net total other ERPs report;
 * currency {@code ""} is the company's local currency.
 */
record BusinessCentralOrders(BusinessCentralReads reads, String localCurrency,
        String lineStockWarehouse) implements AssembledConnector.OrderReads {

    /**
     * Only what {@link #order} maps: a BC sales order carries ~40 properties (three
     * addresses, tax and discount amounts) and each line ~30, and an order page is mostly
     * those.
     */
    private static final String ORDER_SELECT = "id,number,customerNumber,status,fullyShipped,orderDate,"
            + "requestedDeliveryDate,totalAmountExcludingTax,currencyCode";

    private static final String LINE_SELECT = "$select=sequence,lineType,lineObjectNumber,"
            + "description,quantity,shippedQuantity,invoicedQuantity,unitPrice,netAmount,locationId";

    private static final String ORDER_EXPAND = "salesOrderLines(" + LINE_SELECT + "),customer($select=number,blocked)";

    /**
     * The same, with each line's item and its {@code inventory}: the stock the standard
     * API carries, in the orders' own request.
     */
    private static final String ORDER_EXPAND_WITH_STOCK = "salesOrderLines(" + LINE_SELECT + ";$expand=item($select="
            + BusinessCentralItemStock.SELECT + ")),customer($select=number,blocked)";

    /**
     * BC's "no location": never in {@code locations}, so it must not trigger a re-read.
     */
    private static final String NO_LOCATION = "00000000-0000-0000-0000-000000000000";

    private static final Comparator<SalesOrder> NEWEST_FIRST = Comparator.comparing(SalesOrder::orderDate)
        .thenComparing(SalesOrder::number, BusinessCentralOrders::compareNumbers)
        .reversed();

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        Set<String> asked = BusinessCentralReads.codes(customerNumbers);
        if (asked.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        boolean withStock = query.withLineStock() && lineStockWarehouse != null;
        // Which customers exist is asked beside the orders, not after them: one more
        // request in the same round trip instead of a second round trip whenever a
        // customer has no order.
        List<String> orderPaths = paths("customerNumber", asked, pushedDown(query), withStock);
        List<String> customerPaths = reads.customerPaths(asked);
        List<Supplier<List<JsonNode>>> requests = new ArrayList<>();
        orderPaths.forEach(path -> requests.add(() -> reads.client().getAll("orders", path)));
        customerPaths.forEach(path -> requests.add(() -> reads.client().getAll("customers", path)));
        List<List<JsonNode>> answers = reads.fanOut().all(requests);
        List<SalesOrder> orders = orders(BusinessCentralReads.concat(answers.subList(0, orderPaths.size())), withStock);
        Map<String, List<SalesOrder>> result = new HashMap<>(query.newestPerCustomer(
                orders.stream().filter(order -> asked.contains(order.customerNumber())).toList(), NEWEST_FIRST));
        Set<String> known = reads.existingCustomers(asked,
                BusinessCentralReads.concat(answers.subList(orderPaths.size(), answers.size())));
        known.forEach(customer -> result.putIfAbsent(customer, List.of()));
        return ErpBatch.of(result);
    }

    @Override
    public ErpBatch<String, SalesOrder> byNumber(Set<String> orderNumbers) {
        Set<String> asked = BusinessCentralReads.codes(orderNumbers);
        if (asked.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, SalesOrder> result = new HashMap<>();
        for (SalesOrder order : read("number", asked, "", false)) {
            if (asked.contains(order.number())) {
                result.put(order.number(), order);
            }
        }
        return ErpBatch.of(result);
    }

    /**
     * Status and date conditions BC can evaluate: {@code orderDate} and
     * {@code fullyShipped}.
     */
    static String pushedDown(OrderQuery query) {
        StringBuilder condition = new StringBuilder();
        if (query.since() != null) {
            condition.append(" and orderDate ge ").append(query.since());
        }
        Set<OrderStatus> statuses = query.statuses();
        if (!statuses.isEmpty()) {
            boolean wantsShipped = statuses.contains(OrderStatus.SHIPPED) || statuses.contains(OrderStatus.INVOICED);
            boolean wantsUnshipped = statuses.stream()
                .anyMatch(status -> status != OrderStatus.SHIPPED && status != OrderStatus.INVOICED);
            if (!wantsShipped) {
                condition.append(" and fullyShipped eq false");
            }
            else if (!wantsUnshipped) {
                condition.append(" and fullyShipped eq true");
            }
        }
        return condition.toString();
    }

    private List<SalesOrder> read(String keyField, Set<String> keys, String condition, boolean withStock) {
        return orders(reads.getAll("orders", paths(keyField, keys, condition, withStock)), withStock);
    }

    private List<String> paths(String keyField, Set<String> keys, String condition, boolean withStock) {
        String expand = withStock ? ORDER_EXPAND_WITH_STOCK : ORDER_EXPAND;
        Function<String, String> path = filter -> reads.client()
            .api("salesOrders?$filter=" + QueryStrings.encode(filter + condition) + "&$select="
                    + QueryStrings.encode(ORDER_SELECT) + "&$expand=" + QueryStrings.encode(expand));
        return reads.paths(keyField, keys, path);
    }

    /** The orders of these {@code salesOrders} rows, with their lines' location codes. */
    private List<SalesOrder> orders(List<JsonNode> rows, boolean withStock) {
        Set<String> locationIds = new HashSet<>();
        rows.forEach(row -> row.path("salesOrderLines").forEach(line -> {
            String id = BusinessCentralFields.text(line, "locationId");
            if (id != null && !id.equals(NO_LOCATION)) {
                locationIds.add(id);
            }
        }));
        Map<String, String> locationCodes = reads.locationCodes(locationIds);
        List<SalesOrder> orders = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            orders
                .add(order(row, localCurrency, locationCodes, reads.systemId(), withStock ? lineStockWarehouse : null));
        }
        return orders;
    }

    private static int compareNumbers(String left, String right) {
        if (left.length() != right.length() && left.chars().allMatch(Character::isDigit)
                && right.chars().allMatch(Character::isDigit)) {
            return Integer.compare(left.length(), right.length());
        }
        return left.compareTo(right);
    }

    static SalesOrder order(JsonNode order, String localCurrency, Map<String, String> locationCodes,
            String erpSystemId) {
        return order(order, localCurrency, locationCodes, erpSystemId, null);
    }

    /**
     * @param stockWarehouse where an expanded line {@code item} is read as the line's
     * stock (see {@link BusinessCentralItemStock}); null: lines carry no stock
     */
    static SalesOrder order(JsonNode order, String localCurrency, Map<String, String> locationCodes, String erpSystemId,
            String stockWarehouse) {
        String currency = currency(BusinessCentralFields.text(order, "currencyCode"), localCurrency);
        List<JsonNode> wireLines = new ArrayList<>();
        order.path("salesOrderLines").forEach(wireLines::add);
        List<SalesOrderLine> lines = new ArrayList<>();
        for (JsonNode line : wireLines) {
            String sku = BusinessCentralFields.text(line, "lineObjectNumber");
            if (sku == null || sku.isEmpty() || "Comment".equals(BusinessCentralFields.text(line, "lineType"))) {
                continue;
            }
            String locationId = BusinessCentralFields.text(line, "locationId");
            lines.add(new SalesOrderLine(line.path("sequence").asInt(), sku,
                    BusinessCentralFields.text(line, "description"),
                    BusinessCentralFields.requiredDecimal(line, "quantity", erpSystemId),
                    BusinessCentralFields.decimal(line, "shippedQuantity", erpSystemId),
                    new Money(BusinessCentralFields.requiredDecimal(line, "unitPrice", erpSystemId), currency),
                    new Money(BusinessCentralFields.requiredDecimal(line, "netAmount", erpSystemId), currency),
                    locationId == null ? null : locationCodes.get(locationId),
                    stockWarehouse == null || !line.path("item").isObject() ? null
                            : List.of(BusinessCentralItemStock.level(line.path("item"), stockWarehouse, erpSystemId))));
        }
        LocalDate orderDate = BusinessCentralFields.date(order, "orderDate", erpSystemId);
        if (orderDate == null) {
            throw ErpException.badResponse(erpSystemId, "sales order without orderDate", null);
        }
        JsonNode customer = order.path("customer");
        return new SalesOrder(BusinessCentralFields.requiredText(order, "id", erpSystemId),
                BusinessCentralFields.requiredText(order, "number", erpSystemId),
                BusinessCentralFields.requiredText(order, "customerNumber", erpSystemId),
                status(BusinessCentralFields.text(order, "status"), BusinessCentralFields.bool(order, "fullyShipped"),
                        wireLines, customer.isObject() ? BusinessCentralFields.text(customer, "blocked") : null,
                        erpSystemId),
                orderDate, BusinessCentralFields.date(order, "requestedDeliveryDate", erpSystemId),
                new Money(BusinessCentralFields.requiredDecimal(order, "totalAmountExcludingTax", erpSystemId),
                        currency),
                lines);
    }

    /** The derivation documented on the class. */
    static OrderStatus status(String status, boolean fullyShipped, List<JsonNode> lines, String customerBlocked,
            String erpSystemId) {
        boolean anyQuantity = false;
        boolean allInvoiced = true;
        boolean anyShipped = false;
        for (JsonNode line : lines) {
            BigDecimal quantity = BusinessCentralFields.decimal(line, "quantity", erpSystemId);
            if (quantity == null || quantity.signum() <= 0) {
                continue;
            }
            anyQuantity = true;
            BigDecimal invoiced = orZero(BusinessCentralFields.decimal(line, "invoicedQuantity", erpSystemId));
            BigDecimal shipped = orZero(BusinessCentralFields.decimal(line, "shippedQuantity", erpSystemId));
            allInvoiced &= invoiced.compareTo(quantity) >= 0;
            anyShipped |= shipped.signum() > 0;
        }
        if (anyQuantity && allInvoiced) {
            return OrderStatus.INVOICED;
        }
        if (fullyShipped) {
            return OrderStatus.SHIPPED;
        }
        if ("In Review".equals(status) || isBlocked(customerBlocked)) {
            return OrderStatus.ON_HOLD;
        }
        if (anyShipped) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        if ("Draft".equals(status) || "Open".equals(status)) {
            return OrderStatus.OPEN;
        }
        throw ErpException.badResponse(erpSystemId, "unknown sales order status '" + status + "'", null);
    }

    /**
     * {@code blocked} {@code " "} (or empty) is not blocked; {@code Ship},
     * {@code Invoice} and {@code All} are.
     */
    static boolean isBlocked(String blocked) {
        return blocked != null && !blocked.isBlank();
    }

    static String currency(String code, String localCurrency) {
        return code == null || code.isBlank() ? localCurrency : code;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

}
