package dev.erpgraph.sandbox.netsuite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.OrderDocuments;
import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Listed;

import static dev.erpgraph.sandbox.netsuite.NetSuiteSandboxTables.row;

/**
 * The item fulfillments ({@code type = 'ItemShip'}) and invoices
 * ({@code type = 'CustInvc'}) of the NetSuite sandbox, from {@link OrderDocuments}, as
 * rows of {@code transaction} (with {@code createdfrom} = the sales order,
 * {@code duedate}, {@code foreignamountremaining}, {@code linkedtrackingnumbers},
 * {@code shipmethod}), of {@code transactionline} (a fulfillment's item lines, quantities
 * stored negative as stock leaves) and of {@code previoustransactionlinelink} (each
 * fulfillment line's sales order line, {@code linktype} {@code ShipRcpt}). Internal ids:
 * {@code 200000} plus the order's sequence for its fulfillment, {@code 300000} plus it
 * for its invoice; numbers {@code IF} and {@code INV} followed by the order number's
 * digits. Status letters: fulfillment {@code A} picked, {@code C} shipped; invoice
 * {@code A} open, {@code B} paid in full.
 */
final class NetSuiteSandboxDocuments {

    static final long FULFILLMENT_ID_BASE = 200_000;

    static final long INVOICE_ID_BASE = 300_000;

    private final DistributorDataSet data;

    private final NetSuiteSandboxErp erp;

    private final Function<Integer, Listed> customerRef;

    private final Function<String, Listed> itemRef;

    NetSuiteSandboxDocuments(DistributorDataSet data, NetSuiteSandboxErp erp, Function<Integer, Listed> customerRef,
            Function<String, Listed> itemRef) {
        this.data = data;
        this.erp = erp;
        this.customerRef = customerRef;
        this.itemRef = itemRef;
    }

    /** Whether a statement's {@code type} constraint (null: none) admits this type. */
    static boolean admits(Set<String> types, String type) {
        return types == null || types.contains(type);
    }

    /**
     * The fulfillments and invoices the constraints can name: by internal id, by the
     * sales order they were created from, by number, by customer; else all.
     */
    List<Map<String, Object>> transactions(Map<String, Set<String>> hints, Map<String, Set<String>> only) {
        Set<String> types = hints.get("type");
        boolean fulfillments = admits(types, "ItemShip");
        boolean invoices = admits(types, "CustInvc");
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!fulfillments && !invoices) {
            return rows;
        }
        for (Order order : orders(hints, only)) {
            Optional<OrderDocuments.Shipment> shipment = OrderDocuments.shipment(order);
            if (fulfillments && shipment.isPresent()) {
                rows.add(fulfillment(shipment.get()));
            }
            Optional<OrderDocuments.Invoice> invoice = invoices ? invoice(order) : Optional.empty();
            invoice.ifPresent(found -> rows.add(invoice(found)));
        }
        return rows;
    }

    /** The item lines of the fulfillments among these transaction ids. */
    List<Map<String, Object>> lines(Set<String> transactions) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Order order : ordersOfDocuments(transactions, FULFILLMENT_ID_BASE)) {
            OrderDocuments.shipment(order).ifPresent(shipment -> {
                long id = FULFILLMENT_ID_BASE + order.sequence();
                rows.add(row("id", 0L, "transaction", id, "linesequencenumber", 0L, "mainline", "T"));
                int sequence = 0;
                for (OrderDocuments.ShippedLine line : shipment.lines()) {
                    sequence++;
                    rows.add(row("id", (long) sequence, "transaction", id, "linesequencenumber", (long) sequence,
                            "mainline", "F", "item", itemRef.apply(line.sku()), "memo", line.description(), "quantity",
                            line.quantity().negate(), "quantityshiprecv", line.quantity(), "rate", BigDecimal.ZERO,
                            "netamount", BigDecimal.ZERO, "location", null));
                }
            });
        }
        return rows;
    }

    /** Each fulfillment line's sales order line, for the fulfillments named. */
    List<Map<String, Object>> links(Map<String, Set<String>> hints, Map<String, Set<String>> only) {
        Set<String> next = only.containsKey("nextdoc") ? only.get("nextdoc") : hints.get("nextdoc");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Order order : ordersOfDocuments(next, FULFILLMENT_ID_BASE)) {
            OrderDocuments.shipment(order).ifPresent(shipment -> {
                int sequence = 0;
                for (OrderDocuments.ShippedLine line : shipment.lines()) {
                    sequence++;
                    rows.add(row("previousdoc", NetSuiteSandboxErp.orderId(order.sequence()), "previousline",
                            (long) line.orderLineNumber(), "nextdoc", FULFILLMENT_ID_BASE + order.sequence(),
                            "nextline", (long) sequence, "linktype", "ShipRcpt"));
                }
            });
        }
        return rows;
    }

    private List<Order> orders(Map<String, Set<String>> hints, Map<String, Set<String>> only) {
        Set<String> createdFrom = only.containsKey("createdfrom") ? only.get("createdfrom") : hints.get("createdfrom");
        Set<String> ids = only.containsKey("id") ? only.get("id") : hints.get("id");
        List<Order> orders = new ArrayList<>();
        if (createdFrom != null) {
            new TreeSet<>(createdFrom).forEach(id -> NetSuiteSandboxErp.orderSequenceOfId(id)
                .ifPresent(sequence -> data.order(sequence).ifPresent(orders::add)));
        }
        else if (ids != null) {
            orders.addAll(ordersOfDocuments(ids, FULFILLMENT_ID_BASE));
            orders.addAll(ordersOfDocuments(ids, INVOICE_ID_BASE));
        }
        else if (hints.containsKey("entity")) {
            hints.get("entity")
                .forEach(customer -> erp.customerIndex(customer)
                    .ifPresent(index -> orders.addAll(data.ordersOf(index))));
        }
        else if (hints.containsKey("tranid")) {
            hints.get("tranid")
                .forEach(number -> erp.orderSequence("SO" + number.replaceFirst("^(IF|INV)", ""))
                    .ifPresent(sequence -> data.order(sequence).ifPresent(orders::add)));
        }
        else {
            for (int sequence = 1; data.order(sequence).isPresent(); sequence++) {
                orders.add(data.order(sequence).get());
            }
        }
        return orders;
    }

    /** The orders behind these document ids of one kind (null: none asked, all). */
    private List<Order> ordersOfDocuments(Set<String> ids, long base) {
        List<Order> orders = new ArrayList<>();
        if (ids == null) {
            return orders;
        }
        for (String id : new TreeSet<>(ids)) {
            try {
                long sequence = Long.parseLong(id) - base;
                if (sequence > 0 && sequence < 100_000) {
                    data.order((int) sequence).ifPresent(orders::add);
                }
            }
            catch (NumberFormatException notAnId) {
                // not an internal id: no such transaction
            }
        }
        return orders;
    }

    private Map<String, Object> fulfillment(OrderDocuments.Shipment shipment) {
        Order order = shipment.order();
        Map<String, Object> row = row("id", FULFILLMENT_ID_BASE + order.sequence(), "tranid", "IF" + digits(order),
                "type", new Listed("ItemShip", "Item Fulfillment"), "entity", customerRef.apply(order.customerIndex()),
                "trandate", shipment.shipDate(), "status",
                shipment.goodsIssued() ? new Listed("C", "Item Fulfillment : Shipped")
                        : new Listed("A", "Item Fulfillment : Picked"),
                "currency", NetSuiteSandboxTables.USD, "foreigntotal", BigDecimal.ZERO, "createdfrom",
                new Listed(NetSuiteSandboxErp.orderId(order.sequence()),
                        "Sales Order #" + erp.orderNumber(order.sequence())),
                "linkedtrackingnumbers", shipment.trackingNumber(), "shipmethod",
                shipment.carrier() == null ? null : new Listed((long) shipment.carrier().length(), shipment.carrier()));
        return row;
    }

    private Map<String, Object> invoice(OrderDocuments.Invoice invoice) {
        Order order = invoice.order();
        return row("id", INVOICE_ID_BASE + order.sequence(), "tranid", "INV" + digits(order), "type",
                new Listed("CustInvc", "Invoice"), "entity", customerRef.apply(order.customerIndex()), "trandate",
                invoice.invoiceDate(), "duedate", invoice.dueDate(), "status",
                invoice.paid() ? new Listed("B", "Invoice : Paid In Full") : new Listed("A", "Invoice : Open"),
                "currency", NetSuiteSandboxTables.USD, "foreigntotal", invoice.total(), "foreignamountremaining",
                invoice.remaining(), "createdfrom", new Listed(NetSuiteSandboxErp.orderId(order.sequence()),
                        "Sales Order #" + erp.orderNumber(order.sequence())));
    }

    private Optional<OrderDocuments.Invoice> invoice(Order order) {
        return OrderDocuments.invoice(order, data.customer(order.customerIndex()).orElseThrow());
    }

    private String digits(Order order) {
        return erp.orderNumber(order.sequence()).replaceFirst("^SO", "");
    }

}
