package dev.erpgraph.sandbox.sxe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.OrderDocuments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SX.e sandbox's shipments and AR invoices, from {@link OrderDocuments}, one customer
 * (or one order) per call as every SX.API read: {@code sxapioegetshipmentlistv1} answers
 * the shipped lines of a customer's orders (or of one order) in the flat temp-table
 * {@code tShipment.t-shipment}, a row per line with its order's ship date, ship via and
 * tracking number; {@code sxapiargetinvoicelistv2} answers the customer's AR invoices
 * ({@code tArinvoice.t-arinvoice}, the invoice number being the order's, as SX.e numbers
 * OE invoices). SX.e has no shipment document of its own: an order shipped (stage 3 and
 * on) is its shipment, so one still being picked is not listed. Both names and shapes are
 * [I]: SX.API publishes no shipment or invoice list this sandbox could copy.
 */
final class SxeShipmentsAndInvoices {

    private static final Map<String, String> SHIP_VIA = Map.of("UPS", "UPSG", "FedEx", "FDXG", "R+L Carriers", "RLCA",
            "Estes", "ESTS");

    private SxeShipmentsAndInvoices() {
    }

    static ObjectNode shipments(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        Optional<List<Order>> orders = orders(request, data, erp);
        if (orders.isEmpty()) {
            return SxeWire.error(SxeWire.NOT_SET_UP_CUSTOMER);
        }
        LocalDate since = SxeWire.date(request, "startShipDate");
        ObjectNode response = SxeWire.ok();
        ArrayNode rows = response.putObject("tShipment").putArray("t-shipment");
        for (Order order : orders.get()) {
            OrderDocuments.shipment(order)
                .filter(OrderDocuments.Shipment::goodsIssued)
                .filter(shipment -> since == null || !shipment.shipDate().isBefore(since))
                .ifPresent(shipment -> shipment.lines().forEach(line -> {
                    ObjectNode row = rows.addObject();
                    row.put("orderNo", SxeSandboxErp.FIRST_ORDER + order.sequence());
                    row.put("orderSuf", 0);
                    row.put("custNo", SxeSandboxErp.FIRST_CUSTOMER + order.customerIndex());
                    row.put("shipDt", shipment.shipDate().toString());
                    row.put("stageCd", SxeOrders.stage(order));
                    row.put("shipViaTy", SHIP_VIA.get(shipment.carrier()));
                    row.put("shipViaDesc", shipment.carrier());
                    row.put("trackerNo", shipment.trackingNumber());
                    row.put("lineNo", line.orderLineNumber());
                    row.put("prod", line.sku());
                    row.put("qtyShip", line.quantity());
                }));
        }
        return response;
    }

    static ObjectNode invoices(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        Optional<List<Order>> orders = orders(request, data, erp);
        if (orders.isEmpty()) {
            return SxeWire.error(SxeWire.NOT_SET_UP_CUSTOMER);
        }
        LocalDate since = SxeWire.date(request, "startInvoiceDate");
        boolean openOnly = request.path("openOnly").asBoolean(false);
        ObjectNode response = SxeWire.ok();
        ArrayNode rows = response.putObject("tArinvoice").putArray("t-arinvoice");
        for (Order order : orders.get()) {
            OrderDocuments.invoice(order, data.customer(order.customerIndex()).orElseThrow())
                .filter(invoice -> since == null || !invoice.invoiceDate().isBefore(since))
                .filter(invoice -> !openOnly || !invoice.paid())
                .ifPresent(invoice -> {
                    ObjectNode row = rows.addObject();
                    row.put("invNo", SxeSandboxErp.FIRST_ORDER + order.sequence());
                    row.put("invSuf", 0);
                    row.put("custNo", SxeSandboxErp.FIRST_CUSTOMER + order.customerIndex());
                    row.put("invDt", invoice.invoiceDate().toString());
                    row.put("dueDt", invoice.dueDate().toString());
                    row.put("amount", invoice.total());
                    row.put("amtDue", invoice.remaining());
                    row.put("orderNo", SxeSandboxErp.FIRST_ORDER + order.sequence());
                    row.put("orderSuf", 0);
                    row.put("transCd", "IN");
                });
        }
        return response;
    }

    /**
     * The one order the request names ({@code orderNumber}, {@code orderSuffix}), or the
     * customer's; empty for a customer SX.e does not know. An unknown order is no order.
     */
    private static Optional<List<Order>> orders(JsonNode request, DistributorDataSet data, SxeSandboxErp erp) {
        JsonNode number = request.path("orderNumber");
        if (number.isIntegralNumber() && number.asLong() > 0) {
            long sequence = number.asLong() - SxeSandboxErp.FIRST_ORDER;
            List<Order> found = new ArrayList<>();
            if (request.path("orderSuffix").asInt(0) == 0 && sequence > 0 && sequence < Integer.MAX_VALUE) {
                data.order((int) sequence).ifPresent(found::add);
            }
            return Optional.of(found);
        }
        OptionalInt index = SxeWire.customer(request, erp);
        return index.isEmpty() ? Optional.empty() : Optional.of(data.ordersOf(index.getAsInt()));
    }

}
