package dev.erpgraph.sandbox.p21;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.OrderDocuments;
import dev.erpgraph.sandbox.p21.P21SandboxTables.Table;

import static dev.erpgraph.sandbox.p21.P21SandboxTables.midnight;
import static dev.erpgraph.sandbox.p21.P21SandboxTables.row;

/**
 * The P21 sandbox's pick tickets ({@code oe_pick_ticket}, with {@code ship_date} set once
 * the ticket is confirmed shipped, {@code tracking_no} and {@code carrier_id}, and
 * {@code oe_pick_ticket_detail}, whose {@code oe_line_no} is the order line it ships) and
 * invoices ({@code invoice_hdr}, with {@code net_due_date}, {@code total_amount},
 * {@code amount_paid} and {@code paid_in_full_flag}), from {@link OrderDocuments}. Pick
 * ticket numbers are {@code 500000} plus the order's sequence, invoice numbers
 * {@code 1000000} plus it; a pick ticket carries no customer, its order does.
 */
final class P21SandboxDocuments {

    static final Table PICK_TICKETS = new Table("oe_pick_ticket", "shipments",
            P21SandboxTables.columns("pick_ticket_no", P21FilterDialect.NUMBER, "order_no", P21FilterDialect.STRING,
                    "company_id", P21FilterDialect.STRING, "location_id", P21FilterDialect.NUMBER, "print_date",
                    P21FilterDialect.DATETIME, "ship_date", P21FilterDialect.DATETIME, "carrier_id",
                    P21FilterDialect.NUMBER, "tracking_no", P21FilterDialect.STRING, "invoice_no",
                    P21FilterDialect.STRING, "delete_flag", P21FilterDialect.STRING),
            "pick_ticket_no");

    static final Table PICK_TICKET_LINES = new Table("oe_pick_ticket_detail", "shipments",
            P21SandboxTables.columns("pick_ticket_no", P21FilterDialect.NUMBER, "line_number", P21FilterDialect.NUMBER,
                    "oe_line_no", P21FilterDialect.NUMBER, "inv_mast_uid", P21FilterDialect.NUMBER, "ship_quantity",
                    P21FilterDialect.NUMBER, "unit_of_measure", P21FilterDialect.STRING, "delete_flag",
                    P21FilterDialect.STRING),
            "pick_ticket_no,line_number");

    static final Table INVOICES = new Table("invoice_hdr", "invoices",
            P21SandboxTables.columns("invoice_no", P21FilterDialect.STRING, "order_no", P21FilterDialect.STRING,
                    "customer_id", P21FilterDialect.NUMBER, "invoice_date", P21FilterDialect.DATETIME, "net_due_date",
                    P21FilterDialect.DATETIME, "total_amount", P21FilterDialect.NUMBER, "amount_paid",
                    P21FilterDialect.NUMBER, "paid_in_full_flag", P21FilterDialect.STRING, "currency_id",
                    P21FilterDialect.NUMBER),
            "invoice_no");

    private static final long FIRST_PICK_TICKET = 500_000;

    private static final long FIRST_INVOICE = 1_000_000;

    /** P21 carriers are suppliers: their supplier ids. */
    private static final Map<String, Long> CARRIER_IDS = Map.of("UPS", 90_001L, "FedEx", 90_002L, "R+L Carriers",
            90_003L, "Estes", 90_004L);

    private final DistributorDataSet data;

    private final P21SandboxErp erp;

    private final Function<String, Long> uid;

    P21SandboxDocuments(DistributorDataSet data, P21SandboxErp erp, Function<String, Long> uid) {
        this.data = data;
        this.erp = erp;
        this.uid = uid;
    }

    Stream<Map<String, Object>> pickTickets(FilterExpression filter, Function<FilterExpression, Stream<Order>> orders) {
        return ticketOrders(filter, orders).flatMap(order -> OrderDocuments.shipment(order).stream())
            .map(this::pickTicket);
    }

    Stream<Map<String, Object>> pickTicketLines(FilterExpression filter,
            Function<FilterExpression, Stream<Order>> orders) {
        return ticketOrders(filter, orders).flatMap(order -> OrderDocuments.shipment(order).stream())
            .flatMap(this::pickTicketLines);
    }

    Stream<Map<String, Object>> invoices(FilterExpression filter, Function<FilterExpression, Stream<Order>> orders) {
        Set<String> numbers = filter.candidates("invoice_no");
        Stream<Order> source = numbers == null ? orders.apply(filter)
                : numbers.stream().map(number -> order(number, FIRST_INVOICE)).flatMap(Optional::stream);
        return source
            .flatMap(
                    order -> OrderDocuments.invoice(order, data.customer(order.customerIndex()).orElseThrow()).stream())
            .map(this::invoice);
    }

    /** The orders behind the pick tickets the filter names, else those of its orders. */
    private Stream<Order> ticketOrders(FilterExpression filter, Function<FilterExpression, Stream<Order>> orders) {
        Set<String> tickets = filter.candidates("pick_ticket_no");
        if (tickets == null) {
            return orders.apply(filter);
        }
        return tickets.stream().map(ticket -> order(ticket, FIRST_PICK_TICKET)).flatMap(Optional::stream);
    }

    private Optional<Order> order(String document, long first) {
        try {
            long sequence = new BigDecimal(document.trim()).longValueExact() - first;
            return sequence > 0 && sequence < Integer.MAX_VALUE ? data.order((int) sequence) : Optional.empty();
        }
        catch (ArithmeticException | NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    private Map<String, Object> pickTicket(OrderDocuments.Shipment shipment) {
        Order order = shipment.order();
        String warehouse = order.lines().get(shipment.lines().get(0).orderLineNumber() - 1).warehouse();
        return row("pick_ticket_no", FIRST_PICK_TICKET + order.sequence(), "order_no",
                erp.orderNumber(order.sequence()), "company_id", "DIST1", "location_id",
                P21SandboxErp.LOCATIONS.get(warehouse), "print_date", midnight(shipment.shipDate()), "ship_date",
                shipment.goodsIssued() ? midnight(shipment.shipDate()) : null, "carrier_id",
                shipment.carrier() == null ? null : CARRIER_IDS.get(shipment.carrier()), "tracking_no",
                shipment.trackingNumber(), "invoice_no", null, "delete_flag", "N");
    }

    private Stream<Map<String, Object>> pickTicketLines(OrderDocuments.Shipment shipment) {
        Order order = shipment.order();
        List<Map<String, Object>> rows = new ArrayList<>();
        long number = 0;
        for (OrderDocuments.ShippedLine line : shipment.lines()) {
            number++;
            rows.add(row("pick_ticket_no", FIRST_PICK_TICKET + order.sequence(), "line_number", number, "oe_line_no",
                    (long) line.orderLineNumber(), "inv_mast_uid", uid.apply(line.sku()), "ship_quantity",
                    line.quantity(), "unit_of_measure",
                    data.item(line.sku()).map(DistributorDataSet.Item::unit).orElse("EA"), "delete_flag", "N"));
        }
        return rows.stream();
    }

    private Map<String, Object> invoice(OrderDocuments.Invoice invoice) {
        Order order = invoice.order();
        return row("invoice_no", String.valueOf(FIRST_INVOICE + order.sequence()), "order_no",
                erp.orderNumber(order.sequence()), "customer_id",
                (long) P21SandboxErp.FIRST_CUSTOMER_ID + order.customerIndex(), "invoice_date",
                midnight(invoice.invoiceDate()), "net_due_date", midnight(invoice.dueDate()), "total_amount",
                invoice.total(), "amount_paid", invoice.total().subtract(invoice.remaining()), "paid_in_full_flag",
                invoice.paid() ? "Y" : "N", "currency_id", 1L);
    }

}
