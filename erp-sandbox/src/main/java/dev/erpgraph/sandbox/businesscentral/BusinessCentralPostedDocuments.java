package dev.erpgraph.sandbox.businesscentral;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.OrderDocuments;
import dev.erpgraph.sandbox.SandboxErp;
import dev.erpgraph.sandbox.businesscentral.BusinessCentralSandboxEntities.EntitySet;
import dev.erpgraph.sandbox.businesscentral.BusinessCentralSandboxEntities.Row;

import static dev.erpgraph.sandbox.businesscentral.BusinessCentralSandboxEntities.BLANK_DATE;
import static dev.erpgraph.sandbox.businesscentral.BusinessCentralSandboxEntities.ZERO_GUID;
import static dev.erpgraph.sandbox.businesscentral.BusinessCentralSandboxEntities.etag;
import static dev.erpgraph.sandbox.businesscentral.BusinessCentralSandboxEntities.guid;

/**
 * API v2.0's posted documents, from {@link OrderDocuments}: {@code salesShipments} with
 * {@code salesShipmentLines} and {@code salesInvoices}. BC has a shipment only once it is
 * posted (goods shipped): a shipment still being picked is no {@code salesShipment}. A
 * posted shipment line keeps its order line's {@code Line No.} as {@code sequence}; a
 * posted invoice carries {@code orderNumber}, {@code remainingAmount} and the status
 * {@code "Open"} or {@code "Paid"}. Numbers: {@code PS-SHP} and {@code PS-INV} followed
 * by 100000 plus the order's sequence (BC's demo series look alike).
 */
final class BusinessCentralPostedDocuments {

    private final DistributorDataSet data;

    private final SandboxErp erp;

    BusinessCentralPostedDocuments(DistributorDataSet data, SandboxErp erp) {
        this.data = data;
        this.erp = erp;
    }

    EntitySet salesShipments() {
        Order sample = firstWith(order -> OrderDocuments.shipment(order).filter(OrderDocuments.Shipment::goodsIssued));
        OrderDocuments.Shipment shipment = OrderDocuments.shipment(sample).orElseThrow();
        return new EntitySet("salesShipment", "shipments",
                BusinessCentralSandboxEntities.properties(shipment(shipment)),
                Map.of("salesShipmentLines", BusinessCentralSandboxEntities.properties(shipmentLines(shipment).get(0))),
                this::shipmentRows);
    }

    EntitySet salesInvoices() {
        Order sample = firstWith(order -> invoice(order));
        return new EntitySet("salesInvoice", "invoices",
                BusinessCentralSandboxEntities.properties(invoice(invoice(sample).orElseThrow())), Map.of(),
                this::invoiceRows);
    }

    private List<Row> shipmentRows(FilterExpression filter) {
        List<Row> rows = new ArrayList<>();
        for (Order order : orders(filter)) {
            OrderDocuments.shipment(order)
                .filter(OrderDocuments.Shipment::goodsIssued)
                .ifPresent(shipment -> rows.add(new Row(shipmentNumber(order), shipment(shipment),
                        Map.of("salesShipmentLines", () -> shipmentLines(shipment)))));
        }
        return rows;
    }

    private List<Row> invoiceRows(FilterExpression filter) {
        List<Row> rows = new ArrayList<>();
        for (Order order : orders(filter)) {
            invoice(order).ifPresent(invoice -> rows.add(new Row(invoiceNumber(order), invoice(invoice), Map.of())));
        }
        return rows;
    }

    /** The orders of the customers or order numbers the filter pins down; else all. */
    private List<Order> orders(FilterExpression filter) {
        List<Order> orders = new ArrayList<>();
        Set<String> customers = filter == null ? null : filter.candidates("customerNumber");
        Set<String> orderNumbers = filter == null ? null : filter.candidates("orderNumber");
        if (customers != null) {
            customers
                .forEach(number -> erp.customerIndex(number).ifPresent(index -> orders.addAll(data.ordersOf(index))));
        }
        else if (orderNumbers != null) {
            orderNumbers.forEach(number -> erp.orderSequence(number)
                .ifPresent(sequence -> data.order(sequence).ifPresent(orders::add)));
        }
        else {
            for (int sequence = 1; data.order(sequence).isPresent(); sequence++) {
                orders.add(data.order(sequence).get());
            }
        }
        return orders;
    }

    private Map<String, Object> shipment(OrderDocuments.Shipment shipment) {
        Order order = shipment.order();
        String customer = erp.customerNumber(order.customerIndex());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag", etag(shipmentNumber(order)));
        fields.put("id", guid("salesShipment", shipmentNumber(order)));
        fields.put("number", shipmentNumber(order));
        fields.put("externalDocumentNumber", order.customerPo() == null ? "" : order.customerPo());
        fields.put("invoiceDate", BLANK_DATE);
        fields.put("postingDate", shipment.shipDate());
        fields.put("dueDate", BLANK_DATE);
        fields.put("customerPurchaseOrderReference", "");
        fields.put("customerId", guid("customer", customer));
        fields.put("customerNumber", customer);
        fields.put("customerName", data.customer(order.customerIndex()).orElseThrow().name());
        fields.put("billToCustomerNumber", customer);
        fields.put("currencyCode", DistributorDataSet.CURRENCY);
        fields.put("orderNumber", erp.orderNumber(order.sequence()));
        fields.put("paymentTermsCode", data.customer(order.customerIndex()).orElseThrow().paymentTerms());
        fields.put("shipmentMethodCode", "");
        fields.put("salesperson", "");
        fields.put("pricesIncludeTax", false);
        fields.put("lastModifiedDateTime", shipment.shipDate() + "T16:00:00.000Z");
        return fields;
    }

    private List<Map<String, Object>> shipmentLines(OrderDocuments.Shipment shipment) {
        Order order = shipment.order();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OrderDocuments.ShippedLine line : shipment.lines()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("@odata.etag", etag(shipmentNumber(order) + "/" + line.orderLineNumber()));
            fields.put("id", guid("salesShipmentLine", shipmentNumber(order) + "/" + line.orderLineNumber()));
            fields.put("documentId", guid("salesShipment", shipmentNumber(order)));
            fields.put("documentNo", shipmentNumber(order));
            fields.put("sequence", line.orderLineNumber() * 10_000);
            fields.put("lineType", "Item");
            fields.put("lineObjectNumber", line.sku());
            fields.put("description", line.description());
            fields.put("description2", "");
            fields.put("unitOfMeasureCode", data.item(line.sku()).map(DistributorDataSet.Item::unit).orElse("EA"));
            fields.put("unitPrice", order.lines().get(line.orderLineNumber() - 1).unitPrice());
            fields.put("quantity", line.quantity());
            fields.put("discountPercent", BigDecimal.ZERO);
            fields.put("taxPercent", BigDecimal.ZERO);
            fields.put("shipmentDate", shipment.shipDate());
            lines.add(fields);
        }
        return lines;
    }

    private Map<String, Object> invoice(OrderDocuments.Invoice invoice) {
        Order order = invoice.order();
        String customer = erp.customerNumber(order.customerIndex());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@odata.etag", etag(invoiceNumber(order) + invoice.remaining()));
        fields.put("id", guid("salesInvoice", invoiceNumber(order)));
        fields.put("number", invoiceNumber(order));
        fields.put("externalDocumentNumber", order.customerPo() == null ? "" : order.customerPo());
        fields.put("invoiceDate", invoice.invoiceDate());
        fields.put("postingDate", invoice.invoiceDate());
        fields.put("dueDate", invoice.dueDate());
        fields.put("customerPurchaseOrderReference", "");
        fields.put("customerId", guid("customer", customer));
        fields.put("customerNumber", customer);
        fields.put("customerName", data.customer(order.customerIndex()).orElseThrow().name());
        fields.put("billToCustomerNumber", customer);
        fields.put("currencyId", ZERO_GUID);
        fields.put("currencyCode", DistributorDataSet.CURRENCY);
        fields.put("orderId", guid("salesOrder", erp.orderNumber(order.sequence())));
        fields.put("orderNumber", erp.orderNumber(order.sequence()));
        fields.put("paymentTermsId",
                guid("paymentTerms", data.customer(order.customerIndex()).orElseThrow().paymentTerms()));
        fields.put("shipmentMethodId", ZERO_GUID);
        fields.put("salesperson", "");
        fields.put("pricesIncludeTax", false);
        fields.put("remainingAmount", invoice.remaining());
        fields.put("discountAmount", BigDecimal.ZERO);
        fields.put("totalAmountExcludingTax", invoice.total());
        fields.put("totalTaxAmount", BigDecimal.ZERO);
        fields.put("totalAmountIncludingTax", invoice.total());
        fields.put("status", invoice.paid() ? "Paid" : "Open");
        fields.put("lastModifiedDateTime", invoice.invoiceDate() + "T18:00:00.000Z");
        return fields;
    }

    private Optional<OrderDocuments.Invoice> invoice(Order order) {
        return OrderDocuments.invoice(order, data.customer(order.customerIndex()).orElseThrow());
    }

    private Order firstWith(Function<Order, Optional<?>> document) {
        for (int sequence = 1; data.order(sequence).isPresent(); sequence++) {
            Order order = data.order(sequence).get();
            if (document.apply(order).isPresent()) {
                return order;
            }
        }
        throw new IllegalStateException("the data set has no such document");
    }

    private static String shipmentNumber(Order order) {
        return "PS-SHP" + (100_000 + order.sequence());
    }

    private static String invoiceNumber(Order order) {
        return "PS-INV" + (100_000 + order.sequence());
    }

}
