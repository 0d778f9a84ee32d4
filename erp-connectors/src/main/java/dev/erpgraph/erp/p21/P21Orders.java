package dev.erpgraph.erp.p21;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.SalesOrder;
import tools.jackson.databind.JsonNode;

/**
 * Sales orders: {@code oe_hdr} by customer (status and date pushed down where P21's
 * columns decide them) or by number, then their {@code oe_line} rows and the
 * {@code inv_mast} items those name, two reads for all orders together. See
 * {@link P21Connector}.
 */
record P21Orders(P21Reads reads, P21Options options, P21Mapping mapping) implements AssembledConnector.OrderReads {

    private static final String ORDERS_NEWEST_FIRST = "order_date desc,order_no desc";

    private static final Set<OrderStatus> UNCOMPLETED = EnumSet.of(OrderStatus.OPEN, OrderStatus.PARTIALLY_SHIPPED,
            OrderStatus.SHIPPED, OrderStatus.ON_HOLD);

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        Map<Long, List<String>> keysById = P21Reads.numericKeys(customerNumbers);
        if (keysById.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        List<String> conditions = new ArrayList<>();
        statusCondition(query.statuses()).ifPresent(conditions::add);
        if (query.since() != null) {
            conditions.add("order_date ge " + P21ODataFilter.literal(query.since()));
        }
        List<JsonNode> headers = reads.read("orders", "oe_hdr", P21Reads.terms("customer_id", keysById.keySet()),
                conditions.isEmpty() ? null : String.join(" and ", conditions), headerSelect(), ORDERS_NEWEST_FIRST);

        Map<Long, List<JsonNode>> candidates = new LinkedHashMap<>();
        for (JsonNode header : newestFirst(headers)) {
            long customerId = header.path("customer_id").asLong();
            Optional<OrderStatus> decided = mapping.headerStatus(header);
            if (!query.statuses().isEmpty() && decided.isPresent() && !query.statuses().contains(decided.get())) {
                continue;
            }
            List<JsonNode> list = candidates.computeIfAbsent(customerId, id -> new ArrayList<>());
            // Without a status filter every order counts, so only the newest `limit` need
            // their lines.
            if (!query.statuses().isEmpty() || list.size() < query.limit()) {
                list.add(header);
            }
        }
        List<SalesOrder> orders = withLines(candidates.values().stream().flatMap(List::stream).toList());

        // Already newest first (by order time and number): the stable sort by date keeps
        // that order.
        Map<String, List<SalesOrder>> byCustomer = query.newestPerCustomer(orders, OrderQuery.NEWEST_DATE_FIRST);
        Map<String, List<SalesOrder>> values = new HashMap<>();
        keysById.forEach((id, keys) -> keys
            .forEach(key -> values.put(key, byCustomer.getOrDefault(String.valueOf(id), List.of()))));
        return ErpBatch.of(values);
    }

    @Override
    public ErpBatch<String, SalesOrder> byNumber(Set<String> orderNumbers) {
        List<String> terms = P21ODataFilter.eqTerms("order_no", orderNumbers);
        if (terms.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        List<JsonNode> headers = reads.read("orders", "oe_hdr", terms, null, headerSelect(), "order_no");
        Map<String, SalesOrder> values = new HashMap<>();
        for (SalesOrder order : withLines(headers)) {
            if (orderNumbers.contains(order.number())) {
                values.put(order.number(), order);
            }
        }
        return ErpBatch.of(values);
    }

    /**
     * The orders of these headers, in the headers' order, with their lines and items (two
     * reads).
     */
    private List<SalesOrder> withLines(List<JsonNode> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Set<String> numbers = new TreeSet<>();
        headers.forEach(header -> numbers.add(header.path("order_no").asString()));
        List<JsonNode> lines = reads.read("order-lines", "oe_line",
                numbers.stream().map(number -> P21ODataFilter.eq("order_no", number)).toList(), null,
                "order_no,line_no,inv_mast_uid,qty_ordered,qty_invoiced,qty_canceled," + options.shippedColumn()
                        + ",unit_price,extended_price,unit_size," + options.lineLocationColumn()
                        + ",cancel_flag,delete_flag",
                "order_no,line_no");
        Map<String, List<JsonNode>> linesByOrder = new HashMap<>();
        Set<Long> uids = new TreeSet<>();
        for (JsonNode line : lines) {
            if ("Y".equalsIgnoreCase(line.path("delete_flag").asString(""))) {
                continue;
            }
            linesByOrder.computeIfAbsent(line.path("order_no").asString(), number -> new ArrayList<>()).add(line);
            uids.add(line.path("inv_mast_uid").asLong());
        }
        Map<Long, P21Mapping.Item> items = new HashMap<>();
        if (!uids.isEmpty()) {
            for (JsonNode row : reads.read("items", "inv_mast", P21Reads.terms("inv_mast_uid", uids), null,
                    "inv_mast_uid,item_id,item_desc", "inv_mast_uid")) {
                P21Mapping.Item item = mapping.item(row);
                items.put(item.uid(), item);
            }
        }
        List<SalesOrder> orders = new ArrayList<>(headers.size());
        for (JsonNode header : headers) {
            orders.add(mapping.order(header, linesByOrder.getOrDefault(header.path("order_no").asString(), List.of()),
                    items));
        }
        return orders;
    }

    private String headerSelect() {
        return "order_no,customer_id,order_date,requested_date,po_no,completed,cancel_flag,delete_flag,"
                + options.orderHoldColumn();
    }

    private Optional<String> statusCondition(Set<OrderStatus> statuses) {
        if (statuses.isEmpty() || !UNCOMPLETED.containsAll(statuses)) {
            return Optional.empty();
        }
        String condition = "completed eq 'N' and cancel_flag eq 'N' and delete_flag eq 'N'";
        if (statuses.equals(Set.of(OrderStatus.ON_HOLD))) {
            condition += " and " + P21ODataFilter.eq(options.orderHoldColumn(), options.orderHoldValue());
        }
        return Optional.of(condition);
    }

    private static List<JsonNode> newestFirst(List<JsonNode> headers) {
        List<JsonNode> sorted = new ArrayList<>(headers);
        sorted.sort(Comparator.<JsonNode, String>comparing(header -> header.path("order_date").asString(""))
            .thenComparing(header -> header.path("order_no").asString(""), P21Orders::compareNumbers)
            .reversed());
        return sorted;
    }

    private static int compareNumbers(String left, String right) {
        return left.length() != right.length() ? Integer.compare(left.length(), right.length()) : left.compareTo(right);
    }

}
