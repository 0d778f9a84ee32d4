package dev.erpgraph.erp.sxe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentLine;
import dev.erpgraph.erp.ShipmentQuery;
import dev.erpgraph.erp.ShipmentStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shipments, one customer (or one order) per call as every SX.API read: option
 * {@code operation.shipmentList} (default {@code sxapioegetshipmentlistv1} [I]) with
 * {@code customerNumber} (and {@code startShipDate} for {@code since}) or
 * {@code orderNumber}/{@code orderSuffix}, answering the shipped lines in
 * {@code tShipment.t-shipment} (a row per line: {@code orderNo}, {@code orderSuf},
 * {@code custNo}, {@code shipDt}, {@code shipViaDesc}, {@code trackerNo}, {@code lineNo},
 * {@code prod}, {@code qtyShip}) [I]. SX.e has no shipment document of its own: a shipped
 * order (stage 3 and on) is its shipment, numbered as the order
 * ({@code orderno-ordersuf}); the carrier is the ship via's description. See
 * {@link SxeConnector}.
 */
record SxeShipments(SxeClient api, SxeFanOut fanOut, SxeOptions options) implements AssembledConnector.ShipmentReads {

    @Override
    public ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query) {
        Map<String, SxeFanOut.Outcome<List<Shipment>>> outcomes = fanOut
            .each(SxeClient.numericCustomers(customerNumbers), customer -> {
                ObjectNode request = api.request();
                request.put("customerNumber", Long.parseLong(customer));
                if (query.since() != null) {
                    request.put("startShipDate", query.since().toString());
                }
                return query.perCustomer(Set.of(customer), read("customer " + customer, request)).get(customer);
            });
        return SxeFanOut.failWhole(SxeFanOut.collect(outcomes));
    }

    @Override
    public ErpBatch<String, List<Shipment>> byOrder(Set<String> orderNumbers) {
        Map<String, Matcher> valid = new LinkedHashMap<>();
        for (String number : orderNumbers) {
            Matcher matcher = number == null ? null : SxeOrders.ORDER_NUMBER.matcher(number);
            if (matcher != null && matcher.matches()) {
                valid.put(number, matcher);
            }
        }
        Map<String, SxeFanOut.Outcome<List<Shipment>>> outcomes = fanOut.each(valid.keySet(), number -> {
            ObjectNode request = api.request();
            request.put("orderNumber", Long.parseLong(valid.get(number).group(1)));
            request.put("orderSuffix", Integer.parseInt(valid.get(number).group(2)));
            return ShipmentQuery.perOrder(Set.of(number), read("order " + number, request)).get(number);
        });
        return SxeFanOut.failWhole(SxeFanOut.collect(outcomes));
    }

    private List<Shipment> read(String what, ObjectNode request) {
        SxeClient.Answer answer = api.call("shipments", options.operations().shipmentList(), request);
        if (answer.failed()) {
            throw api.businessFailure(what, answer.errorMessage());
        }
        Map<String, List<JsonNode>> byOrder = new LinkedHashMap<>();
        for (JsonNode row : SxeResponses.table(answer.response(), "tShipment", "t-shipment")) {
            String number = SxeResponses.orderNumber(row.path("orderNo").asLong(), row.path("orderSuf").asInt());
            byOrder.computeIfAbsent(number, key -> new ArrayList<>()).add(row);
        }
        List<Shipment> shipments = new ArrayList<>();
        byOrder.forEach((number, rows) -> {
            JsonNode first = rows.get(0);
            List<ShipmentLine> lines = new ArrayList<>();
            for (JsonNode row : rows) {
                lines.add(new ShipmentLine(row.path("lineNo").asInt(), text(row, "prod"),
                        SxeResponses.decimal(row, "qtyShip"), number, row.path("lineNo").asInt()));
            }
            shipments.add(new Shipment(number, number, first.path("custNo").asString(),
                    LocalDate.parse(text(first, "shipDt")), ShipmentStatus.SHIPPED,
                    blankToNull(first.path("shipViaDesc").asString("")),
                    blankToNull(first.path("trackerNo").asString("")), lines));
        });
        return shipments;
    }

    private static String text(JsonNode row, String field) {
        String value = row.path(field).asString("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

}
