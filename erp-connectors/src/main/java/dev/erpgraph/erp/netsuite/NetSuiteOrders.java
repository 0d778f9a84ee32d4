package dev.erpgraph.erp.netsuite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SalesOrder;
import tools.jackson.databind.JsonNode;

/**
 * Sales orders with their lines in one SuiteQL statement (per 1000 customers or numbers,
 * plus pages), so that a page's orders, lines and then the lines' stock take two round
 * trips, not three. The headers are a derived table over {@code transaction} (by
 * customer, with status letters and date pushed into its WHERE; or by {@code tranid})
 * numbered per customer newest first with {@code ROW_NUMBER() OVER (PARTITION BY entity
 * ...)}, which SuiteQL lists among its supported functions; the outer statement keeps the
 * first {@code limit} of each customer and LEFT JOINs their item lines, so an order
 * without lines still comes back, as one row with no line columns. An order that does not
 * read fails alone, as its key's failure. See {@link NetSuiteConnector}.
 */
record NetSuiteOrders(NetSuiteReads reads, SuiteQlRows rows) implements AssembledConnector.OrderReads {

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        Set<String> ids = NetSuiteReads.internalIds(customerNumbers);
        List<String> statements = new ArrayList<>();
        for (List<String> chunk : SuiteQl.chunks(ids)) {
            StringBuilder where = new StringBuilder("t.type = 'SalesOrd' AND t.entity IN ")
                .append(SuiteQl.idList(chunk));
            if (!query.statuses().isEmpty()) {
                where.append(" AND t.status IN ")
                    .append(SuiteQl.stringList(NetSuiteOrderStatus.letters(query.statuses())));
            }
            if (query.since() != null) {
                where.append(" AND t.trandate >= TO_DATE(")
                    .append(SuiteQl.string(query.since().toString()))
                    .append(", 'YYYY-MM-DD')");
            }
            statements.add(statement(where, query.limit()));
        }
        Map<String, OrderRows> orders = read(statements);
        Map<String, List<OrderRows>> byCustomer = new LinkedHashMap<>();
        ids.forEach(id -> byCustomer.put(id, new ArrayList<>()));
        for (OrderRows order : orders.values()) {
            List<OrderRows> ofCustomer = byCustomer.get(rows.text(order.header(), "entity"));
            if (ofCustomer != null && ofCustomer.size() < query.limit()) {
                ofCustomer.add(order);
            }
        }
        // Read newest first (date, then internal id): the stable sort by date keeps that
        // order.
        return ErpBatch.eachKey(byCustomer, (customer, ofCustomer) -> query
            .newest(ofCustomer.stream().map(this::order).toList(), OrderQuery.NEWEST_DATE_FIRST));
    }

    @Override
    public ErpBatch<String, SalesOrder> byNumber(Set<String> orderNumbers) {
        Map<String, OrderRows> orders = read(SuiteQl.chunks(NetSuiteReads.quotable(orderNumbers))
            .stream()
            .map(chunk -> statement(
                    new StringBuilder("t.type = 'SalesOrd' AND t.tranid IN ").append(SuiteQl.stringList(chunk)), 0))
            .toList());
        Map<String, OrderRows> byNumber = new LinkedHashMap<>();
        for (OrderRows order : orders.values()) {
            String number = rows.text(order.header(), "tranid");
            if (orderNumbers.contains(number)) {
                byNumber.put(number, order);
            }
        }
        return ErpBatch.eachKey(byNumber, (number, order) -> order(order));
    }

    /**
     * Headers matching {@code where} with their item lines; at most {@code limit} per
     * customer, newest first (0: every header).
     */
    String statement(CharSequence where, int limit) {
        String headers = "SELECT t.id, t.tranid, t.entity, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate,"
                + " TO_CHAR(t.shipdate, 'YYYY-MM-DD') AS shipdate, t.status, t.foreigntotal, cur."
                + reads.currencyCode() + " AS currency,"
                + " ROW_NUMBER() OVER (PARTITION BY t.entity ORDER BY t.trandate DESC, t.id DESC) AS rn"
                + " FROM transaction t JOIN currency cur ON cur.id = t.currency WHERE " + where;
        return "SELECT o.id, o.tranid, o.entity, o.trandate, o.shipdate, o.status, o.foreigntotal, o.currency,"
                + " tl.linesequencenumber, i.itemid, tl.memo AS description, tl.quantity, tl.quantityshiprecv,"
                + " tl.rate, tl.netamount, loc." + reads.locationCode() + " AS location FROM (" + headers + ") o"
                + " LEFT JOIN transactionline tl ON tl.transaction = o.id AND tl.mainline = 'F'"
                + " LEFT JOIN item i ON i.id = tl.item LEFT JOIN location loc ON loc.id = tl.location"
                + (limit > 0 ? " WHERE o.rn <= " + limit : "")
                + " ORDER BY o.entity, o.rn, o.id, tl.linesequencenumber";
    }

    /** One order's header row (the first of its rows) and its item line rows. */
    private record OrderRows(JsonNode header, List<JsonNode> lines) {
    }

    /** The rows of these statements, by order internal id, in the order read. */
    private Map<String, OrderRows> read(List<String> statements) {
        Map<String, OrderRows> orders = new LinkedHashMap<>();
        for (JsonNode row : reads.query("orders", statements)) {
            String id = rows.text(row, "id");
            if (id == null || SuiteQl.internalId(id).isEmpty()) {
                continue;
            }
            OrderRows order = orders.computeIfAbsent(id, key -> new OrderRows(row, new ArrayList<>()));
            // A line whose item is gone reads as no line, as the inner join of the
            // two-statement read dropped it.
            if (rows.text(row, "linesequencenumber") != null && rows.text(row, "itemid") != null) {
                order.lines().add(row);
            }
        }
        return orders;
    }

    private SalesOrder order(OrderRows order) {
        String currency = rows.required(order.header(), "currency");
        return rows.order(order.header(), order.lines().stream().map(line -> rows.line(line, currency)).toList());
    }

}
