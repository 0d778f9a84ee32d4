package dev.erpgraph.erp.p21;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentLine;
import dev.erpgraph.erp.ShipmentQuery;
import dev.erpgraph.erp.ShipmentStatus;
import tools.jackson.databind.JsonNode;

/**
 * Pick tickets, P21's shipments: a pick ticket names its order, not its customer, so a
 * customer's are read through its orders. Per batch of customers: one {@code oe_hdr} read
 * ({@code customer_id eq ...}, only {@code order_no,customer_id}), one
 * {@code oe_pick_ticket} read by those {@code order_no}s (not deleted), one
 * {@code oe_pick_ticket_detail} read by {@code pick_ticket_no} and one {@code inv_mast}
 * read for the skus; per batch of orders the same from {@code oe_hdr} by
 * {@code order_no}. Each read is one request unless IIS's query-string limit cuts its
 * {@code or} chain ({@code maxQueryLength}), so a page of many orders may need a second
 * chunk. A ticket with a {@code ship_date} was confirmed shipped on it; without one it is
 * printed and being picked ({@code print_date}). {@code tracking_no} is the tracking
 * number; the carrier is a supplier id ({@code carrier_id}), not a name this read can
 * show: null. A detail's {@code oe_line_no} is the order line it ships. See
 * {@link P21Connector}.
 */
record P21Shipments(P21Reads reads, P21Mapping mapping) implements AssembledConnector.ShipmentReads {

    @Override
    public ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query) {
        Map<Long, List<String>> keysById = P21Reads.numericKeys(customerNumbers);
        if (keysById.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        List<JsonNode> orders = reads.read("shipments", "oe_hdr", P21Reads.terms("customer_id", keysById.keySet()),
                null, "order_no,customer_id", "order_no");
        Map<String, List<Shipment>> byCustomer = query.perCustomer(P21Reads.idStrings(keysById), read(orders));
        return ErpBatch.of(P21Reads.asRequested(keysById, byCustomer));
    }

    @Override
    public ErpBatch<String, List<Shipment>> byOrder(Set<String> orderNumbers) {
        List<String> terms = P21ODataFilter.eqTerms("order_no", orderNumbers);
        if (terms.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        List<JsonNode> orders = reads.read("shipments", "oe_hdr", terms, null, "order_no,customer_id", "order_no");
        Set<String> asked = new TreeSet<>();
        orderNumbers.stream().filter(P21ODataFilter::stringKey).forEach(asked::add);
        return ErpBatch.of(ShipmentQuery.perOrder(asked, read(orders)));
    }

    /** The pick tickets of these {@code oe_hdr} rows, with their lines and skus. */
    private List<Shipment> read(List<JsonNode> orders) {
        Map<String, String> customerOf = new HashMap<>();
        orders
            .forEach(order -> customerOf.put(order.path("order_no").asString(), order.path("customer_id").asString()));
        List<Shipment> shipments = new ArrayList<>();
        if (customerOf.isEmpty()) {
            return shipments;
        }
        List<JsonNode> tickets = reads.read("shipments", "oe_pick_ticket",
                new TreeSet<>(customerOf.keySet()).stream()
                    .map(number -> P21ODataFilter.eq("order_no", number))
                    .toList(),
                "delete_flag eq 'N'", "pick_ticket_no,order_no,print_date,ship_date,tracking_no", "pick_ticket_no");
        if (tickets.isEmpty()) {
            return shipments;
        }
        Set<Long> numbers = new TreeSet<>();
        tickets.forEach(ticket -> numbers.add(ticket.path("pick_ticket_no").asLong()));
        Map<Long, List<JsonNode>> linesOf = new HashMap<>();
        Set<Long> uids = new TreeSet<>();
        for (JsonNode line : reads.read("shipments", "oe_pick_ticket_detail", P21Reads.terms("pick_ticket_no", numbers),
                "delete_flag eq 'N'", "pick_ticket_no,line_number,oe_line_no,inv_mast_uid,ship_quantity",
                "pick_ticket_no,line_number")) {
            linesOf.computeIfAbsent(line.path("pick_ticket_no").asLong(), number -> new ArrayList<>()).add(line);
            uids.add(line.path("inv_mast_uid").asLong());
        }
        Map<Long, P21Mapping.Item> items = new HashMap<>();
        for (JsonNode row : reads.read("items", "inv_mast", P21Reads.terms("inv_mast_uid", uids), null,
                "inv_mast_uid,item_id,item_desc", "inv_mast_uid")) {
            P21Mapping.Item item = mapping.item(row);
            items.put(item.uid(), item);
        }
        for (JsonNode ticket : tickets) {
            String order = ticket.path("order_no").asString();
            shipments.add(shipment(ticket, customerOf.get(order),
                    linesOf.getOrDefault(ticket.path("pick_ticket_no").asLong(), List.of()), items));
        }
        return shipments;
    }

    private Shipment shipment(JsonNode ticket, String customer, List<JsonNode> details,
            Map<Long, P21Mapping.Item> items) {
        String order = ticket.path("order_no").asString();
        List<ShipmentLine> lines = new ArrayList<>();
        for (JsonNode detail : details) {
            P21Mapping.Item item = items.get(detail.path("inv_mast_uid").asLong());
            if (item == null) {
                throw ErpException.badResponse(mapping.systemId(),
                        "pick ticket line names an unknown inv_mast_uid " + detail.path("inv_mast_uid").asLong(), null);
            }
            BigDecimal quantity = mapping.decimal(detail, "ship_quantity");
            lines.add(new ShipmentLine(detail.path("line_number").asInt(), item.sku(), quantity, order,
                    detail.path("oe_line_no").asInt()));
        }
        LocalDate shipped = mapping.date(ticket, "ship_date");
        LocalDate printed = mapping.date(ticket, "print_date");
        String number = ticket.path("pick_ticket_no").asString();
        String tracking = ticket.path("tracking_no").asString("");
        return new Shipment(number, number, customer, shipped != null ? shipped : printed,
                shipped != null ? ShipmentStatus.SHIPPED : ShipmentStatus.PENDING, null,
                tracking.isBlank() ? null : tracking, lines);
    }

}
