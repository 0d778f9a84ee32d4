package dev.erpgraph.erp.netsuite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import tools.jackson.databind.JsonNode;

/**
 * Sales orders: one statement on {@code transaction} for the headers (by customer, with
 * status letters and date pushed into the WHERE, newest first; or by {@code tranid}),
 * then one on {@code transactionline} for the lines of the orders kept. An order that
 * does not read fails alone, as its key's failure. See {@link NetSuiteConnector}.
 */
record NetSuiteOrders(NetSuiteReads reads, SuiteQlRows rows) implements AssembledConnector.OrderReads {

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        Set<String> ids = NetSuiteReads.internalIds(customerNumbers);
        Map<String, List<JsonNode>> headers = new LinkedHashMap<>();
        ids.forEach(id -> headers.put(id, new ArrayList<>()));
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
            statements.add(headerStatement(where) + " ORDER BY t.entity, t.trandate DESC, t.id DESC");
        }
        for (JsonNode header : reads.query("orders", statements)) {
            List<JsonNode> ofCustomer = headers.get(rows.text(header, "entity"));
            if (ofCustomer != null && ofCustomer.size() < query.limit()) {
                ofCustomer.add(header);
            }
        }
        Map<String, List<SalesOrderLine>> lines = lines(headers.values().stream().flatMap(List::stream).toList());
        // Read newest first (date, then internal id): the stable sort by date keeps that
        // order.
        return ErpBatch.eachKey(headers, (customer, ofCustomer) -> query
            .newest(ofCustomer.stream().map(header -> order(header, lines)).toList(), OrderQuery.NEWEST_DATE_FIRST));
    }

    @Override
    public ErpBatch<String, SalesOrder> byNumber(Set<String> orderNumbers) {
        List<JsonNode> headers = reads
            .query("orders",
                    SuiteQl.chunks(NetSuiteReads.quotable(orderNumbers))
                        .stream()
                        .map(chunk -> headerStatement(new StringBuilder("t.type = 'SalesOrd' AND t.tranid IN ")
                            .append(SuiteQl.stringList(chunk))) + " ORDER BY t.id")
                        .toList());
        Map<String, List<SalesOrderLine>> lines = lines(headers);
        Map<String, JsonNode> byNumber = new LinkedHashMap<>();
        for (JsonNode header : headers) {
            String number = rows.text(header, "tranid");
            if (orderNumbers.contains(number)) {
                byNumber.put(number, header);
            }
        }
        return ErpBatch.eachKey(byNumber, (number, header) -> order(header, lines));
    }

    private String headerStatement(CharSequence where) {
        return "SELECT t.id, t.tranid, t.entity, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate,"
                + " TO_CHAR(t.shipdate, 'YYYY-MM-DD') AS shipdate, t.status, t.foreigntotal, cur."
                + reads.currencyCode()
                + " AS currency FROM transaction t JOIN currency cur ON cur.id = t.currency WHERE " + where;
    }

    /**
     * The item lines of these orders, by order internal id: one statement (per 1000
     * orders) plus pages.
     */
    private Map<String, List<SalesOrderLine>> lines(List<JsonNode> headers) {
        Map<String, String> currencyOf = new LinkedHashMap<>();
        for (JsonNode header : headers) {
            String id = rows.text(header, "id");
            if (id != null && SuiteQl.internalId(id).isPresent()) {
                currencyOf.put(id, rows.text(header, "currency"));
            }
        }
        Map<String, List<SalesOrderLine>> lines = new HashMap<>();
        List<String> statements = SuiteQl.chunks(currencyOf.keySet())
            .stream()
            .map(chunk -> "SELECT tl.transaction, tl.linesequencenumber, i.itemid, tl.memo AS description,"
                    + " tl.quantity, tl.quantityshiprecv, tl.rate, tl.netamount, loc." + reads.locationCode()
                    + " AS location FROM transactionline tl JOIN item i ON i.id = tl.item"
                    + " LEFT JOIN location loc ON loc.id = tl.location" + " WHERE tl.transaction IN "
                    + SuiteQl.idList(chunk) + " AND tl.mainline = 'F'"
                    + " ORDER BY tl.transaction, tl.linesequencenumber")
            .toList();
        for (JsonNode line : reads.query("order-lines", statements)) {
            String order = rows.required(line, "transaction");
            String currency = currencyOf.get(order);
            if (currency != null) {
                lines.computeIfAbsent(order, key -> new ArrayList<>()).add(rows.line(line, currency));
            }
        }
        return lines;
    }

    private SalesOrder order(JsonNode header, Map<String, List<SalesOrderLine>> lines) {
        return rows.order(header, lines.getOrDefault(rows.text(header, "id"), List.of()));
    }

}
