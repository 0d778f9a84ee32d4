package dev.erpgraph.sandbox.sap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.erpgraph.sandbox.ConditionalOnSandboxMode;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.OrderDocuments;
import dev.erpgraph.sandbox.OrderDocuments.Invoice;
import dev.erpgraph.sandbox.OrderDocuments.Shipment;
import dev.erpgraph.sandbox.OrderDocuments.ShippedLine;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxRegistry;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SAP sandbox's outbound deliveries ({@code API_OUTBOUND_DELIVERY_SRV}: header with
 * {@code to_DeliveryDocumentItem}, and the items alone, which carry the sales order they
 * deliver in {@code ReferenceSDDocument}), billing documents
 * ({@code API_BILLING_DOCUMENT_SRV}: header with {@code to_Item}, and the items alone,
 * which carry the order in {@code SalesDocument}) and the receivables they post in
 * Financial Accounting
 * ({@code API_OPLACCTGDOCITEMCUBE_SRV/A_OperationalAcctgDocItemCube}, one customer item
 * per invoice, {@code DocumentReferenceID} = the billing document; a part payment clears
 * it and leaves a residual item with the rest), from {@link OrderDocuments}. Delivery
 * numbers are {@code 80000000} plus the order's sequence, billing documents
 * {@code 90000000} plus it, accounting documents {@code 1400000000} plus it.
 */
@RestController
@RequestMapping("/sandbox/{erpSystemId}")
@ConditionalOnSandboxMode
class SapDeliveriesAndBilling {

    static final String DELIVERY_SERVICE = "API_OUTBOUND_DELIVERY_SRV";

    static final String BILLING_SERVICE = "API_BILLING_DOCUMENT_SRV";

    static final String RECEIVABLES_SERVICE = "API_OPLACCTGDOCITEMCUBE_SRV";

    private static final int FIRST_DELIVERY = 80_000_000;

    private static final int FIRST_BILLING = 90_000_000;

    private static final long FIRST_ACCOUNTING = 1_400_000_000L;

    private static final Map<String, Class<?>> DELIVERY_PROPERTIES = SapOData.types(
            "DeliveryDocument DeliveryDocumentType SoldToParty ShipToParty ShippingPoint OverallGoodsMovementStatus "
                    + "OverallPickingStatus BillOfLading",
            String.class, "DeliveryDate PlannedGoodsIssueDate ActualGoodsMovementDate CreationDate", LocalDate.class);

    private static final Map<String, Class<?>> DELIVERY_ITEM_PROPERTIES = SapOData.types(
            "DeliveryDocument DeliveryDocumentItem Material DeliveryDocumentItemText DeliveryQuantityUnit Plant "
                    + "ReferenceSDDocument ReferenceSDDocumentItem",
            String.class, "ActualDeliveryQuantity", BigDecimal.class);

    private static final Map<String, Class<?>> BILLING_PROPERTIES = SapOData.types(
            "BillingDocument BillingDocumentType BillingDocumentCategory SoldToParty PayerParty TransactionCurrency "
                    + "CustomerPaymentTerms CompanyCode AccountingDocument",
            String.class, "BillingDocumentDate CreationDate", LocalDate.class, "TotalNetAmount TotalTaxAmount",
            BigDecimal.class, "BillingDocumentIsCancelled", Boolean.class);

    private static final Map<String, Class<?>> BILLING_ITEM_PROPERTIES = SapOData.types(
            "BillingDocument BillingDocumentItem Material BillingDocumentItemText BillingQuantityUnit SalesDocument "
                    + "SalesDocumentItem ReferenceSDDocument TransactionCurrency",
            String.class, "BillingQuantity NetAmount", BigDecimal.class);

    private static final Map<String, Class<?>> RECEIVABLE_PROPERTIES = SapOData.types(
            "CompanyCode AccountingDocument FiscalYear AccountingDocumentItem Customer FinancialAccountType "
                    + "AccountingDocumentType DocumentReferenceID ClearingAccountingDocument TransactionCurrency",
            String.class, "PostingDate NetDueDate ClearingDate", LocalDate.class, "AmountInTransactionCurrency",
            BigDecimal.class);

    private final SandboxRegistry registry;

    SapDeliveriesAndBilling(SandboxRegistry registry) {
        this.registry = registry;
    }

    // ---- outbound deliveries

    @GetMapping(SapOData.ROOT + "/" + DELIVERY_SERVICE + "/A_OutbDeliveryHeader")
    ResponseEntity<String> deliveries(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "shipments", request);
        boolean items = SapOData.expand(request, "to_DeliveryDocumentItem");
        FilterExpression filter = SapOData.filter(request, DELIVERY_PROPERTIES);
        List<Order> orders = orders(sandbox, filter.candidates("DeliveryDocument"), FIRST_DELIVERY,
                filter.candidates("SoldToParty"));
        List<Shipment> matches = new ArrayList<>();
        for (Order order : orders) {
            OrderDocuments.shipment(order)
                .filter(shipment -> filter.test(deliveryHeader(sandbox, shipment)::get))
                .ifPresent(matches::add);
        }
        Set<String> select = SapOData.select(request, DELIVERY_PROPERTIES);
        return SapOData.page(request, matches, shipment -> {
            Map<String, Object> header = deliveryHeader(sandbox, shipment);
            ObjectNode node = SapOData.entity(request, DELIVERY_SERVICE, "A_OutbDeliveryHeader",
                    "A_OutbDeliveryHeader('" + header.get("DeliveryDocument") + "')", header, select);
            if (items) {
                ArrayNode results = node.putObject("to_DeliveryDocumentItem").putArray("results");
                shipment.lines().forEach(line -> results.add(deliveryItemEntity(request, sandbox, shipment, line)));
            }
            return node;
        });
    }

    @GetMapping(SapOData.ROOT + "/" + DELIVERY_SERVICE + "/A_OutbDeliveryItem")
    ResponseEntity<String> deliveryItems(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "shipments", request);
        FilterExpression filter = SapOData.filter(request, DELIVERY_ITEM_PROPERTIES);
        List<Order> orders = byOrder(sandbox, filter.candidates("ReferenceSDDocument"));
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Order order : orders) {
            OrderDocuments.shipment(order)
                .ifPresent(shipment -> shipment.lines()
                    .stream()
                    .map(line -> deliveryItem(sandbox, shipment, line))
                    .filter(filter::test)
                    .forEach(matches::add));
        }
        return SapOData.rows(request, matches, DELIVERY_ITEM_PROPERTIES, DELIVERY_SERVICE, "A_OutbDeliveryItem",
                row -> "A_OutbDeliveryItem(DeliveryDocument='" + row.get("DeliveryDocument")
                        + "',DeliveryDocumentItem='" + row.get("DeliveryDocumentItem") + "')");
    }

    // ---- billing documents

    @GetMapping(SapOData.ROOT + "/" + BILLING_SERVICE + "/A_BillingDocument")
    ResponseEntity<String> billingDocuments(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "invoices", request);
        boolean items = SapOData.expand(request, "to_Item");
        FilterExpression filter = SapOData.filter(request, BILLING_PROPERTIES);
        List<Order> orders = orders(sandbox, filter.candidates("BillingDocument"), FIRST_BILLING,
                filter.candidates("SoldToParty"));
        List<Invoice> matches = new ArrayList<>();
        for (Order order : orders) {
            invoice(sandbox, order).filter(invoice -> filter.test(billingHeader(sandbox, invoice)::get))
                .ifPresent(matches::add);
        }
        Set<String> select = SapOData.select(request, BILLING_PROPERTIES);
        return SapOData.page(request, matches, invoice -> {
            Map<String, Object> header = billingHeader(sandbox, invoice);
            ObjectNode node = SapOData.entity(request, BILLING_SERVICE, "A_BillingDocument",
                    "A_BillingDocument('" + header.get("BillingDocument") + "')", header, select);
            if (items) {
                ArrayNode results = node.putObject("to_Item").putArray("results");
                billingItems(sandbox, invoice).forEach(
                        item -> results.add(SapOData.entity(request, BILLING_SERVICE, "A_BillingDocumentItem",
                                "A_BillingDocumentItem(BillingDocument='" + item.get("BillingDocument")
                                        + "',BillingDocumentItem='" + item.get("BillingDocumentItem") + "')",
                                item, null)));
            }
            return node;
        });
    }

    @GetMapping(SapOData.ROOT + "/" + BILLING_SERVICE + "/A_BillingDocumentItem")
    ResponseEntity<String> billingDocumentItems(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "invoices", request);
        FilterExpression filter = SapOData.filter(request, BILLING_ITEM_PROPERTIES);
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Order order : byOrder(sandbox, filter.candidates("SalesDocument"))) {
            invoice(sandbox, order).ifPresent(
                    invoice -> billingItems(sandbox, invoice).stream().filter(filter::test).forEach(matches::add));
        }
        return SapOData.rows(request, matches, BILLING_ITEM_PROPERTIES, BILLING_SERVICE, "A_BillingDocumentItem",
                row -> "A_BillingDocumentItem(BillingDocument='" + row.get("BillingDocument")
                        + "',BillingDocumentItem='" + row.get("BillingDocumentItem") + "')");
    }

    @GetMapping(SapOData.ROOT + "/" + RECEIVABLES_SERVICE + "/A_OperationalAcctgDocItemCube")
    ResponseEntity<String> receivables(@PathVariable String erpSystemId, HttpServletRequest request) {
        Sandbox sandbox = SapOData.authenticated(registry, erpSystemId, "invoices", request);
        FilterExpression filter = SapOData.filter(request, RECEIVABLE_PROPERTIES);
        Set<String> references = filter.candidates("DocumentReferenceID");
        List<Order> orders = references == null ? orders(sandbox, null, FIRST_BILLING, filter.candidates("Customer"))
                : orders(sandbox, references, FIRST_BILLING, null);
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Order order : orders) {
            invoice(sandbox, order).ifPresent(
                    invoice -> receivableItems(sandbox, invoice).stream().filter(filter::test).forEach(matches::add));
        }
        return SapOData.rows(request, matches, RECEIVABLE_PROPERTIES, RECEIVABLES_SERVICE,
                "A_OperationalAcctgDocItemCube",
                row -> "A_OperationalAcctgDocItemCube(CompanyCode='1710',AccountingDocument='"
                        + row.get("AccountingDocument") + "',FiscalYear='" + row.get("FiscalYear")
                        + "',AccountingDocumentItem='" + row.get("AccountingDocumentItem") + "')");
    }

    // ---- rows

    /**
     * The orders behind documents named by number ({@code first} plus the sequence), or
     * else the orders of these customers (all customers for null), in key order.
     */
    private static List<Order> orders(Sandbox sandbox, Set<String> documents, int first, Set<String> customers) {
        List<Order> orders = new ArrayList<>();
        DistributorDataSet data = sandbox.data();
        if (documents != null) {
            for (String document : documents) {
                try {
                    long sequence = Long.parseLong(document.replaceFirst("^0+", "")) - first;
                    if (sequence > 0 && sequence < Integer.MAX_VALUE) {
                        data.order((int) sequence).ifPresent(orders::add);
                    }
                }
                catch (NumberFormatException notOurs) {
                    // not a number of this kind of document: no such document
                }
            }
        }
        else {
            SapOData.customerIndexes(sandbox, customers).forEach(index -> orders.addAll(data.ordersOf(index)));
        }
        orders.sort(Comparator.comparingInt(Order::sequence));
        return orders;
    }

    private static List<Order> byOrder(Sandbox sandbox, Set<String> orderNumbers) {
        if (orderNumbers == null) {
            return orders(sandbox, null, 0, null);
        }
        List<Order> orders = new ArrayList<>();
        orderNumbers.forEach(number -> sandbox.erp()
            .orderSequence(number)
            .ifPresent(sequence -> sandbox.data().order(sequence).ifPresent(orders::add)));
        orders.sort(Comparator.comparingInt(Order::sequence));
        return orders;
    }

    private static Optional<Invoice> invoice(Sandbox sandbox, Order order) {
        return OrderDocuments.invoice(order, sandbox.data().customer(order.customerIndex()).orElseThrow());
    }

    private static Map<String, Object> deliveryHeader(Sandbox sandbox, Shipment shipment) {
        Map<String, Object> header = new LinkedHashMap<>();
        String customer = sandbox.erp().customerNumber(shipment.order().customerIndex());
        header.put("DeliveryDocument", String.valueOf(FIRST_DELIVERY + shipment.order().sequence()));
        header.put("DeliveryDocumentType", "LF");
        header.put("SoldToParty", customer);
        header.put("ShipToParty", customer);
        header.put("ShippingPoint", shipment.lines().isEmpty() ? "" : "1710");
        header.put("CreationDate", shipment.order().orderDate());
        header.put("PlannedGoodsIssueDate", shipment.shipDate());
        header.put("DeliveryDate", shipment.shipDate().plusDays(2));
        header.put("ActualGoodsMovementDate", shipment.goodsIssued() ? shipment.shipDate() : null);
        header.put("OverallPickingStatus", "C");
        header.put("OverallGoodsMovementStatus", shipment.goodsIssued() ? "C" : "A");
        header.put("BillOfLading", shipment.trackingNumber() == null ? "" : shipment.trackingNumber());
        return header;
    }

    private static Map<String, Object> deliveryItem(Sandbox sandbox, Shipment shipment, ShippedLine line) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("DeliveryDocument", String.valueOf(FIRST_DELIVERY + shipment.order().sequence()));
        item.put("DeliveryDocumentItem", String.valueOf(line.orderLineNumber() * 10));
        item.put("Material", line.sku());
        item.put("DeliveryDocumentItemText", line.description());
        item.put("ActualDeliveryQuantity", line.quantity().setScale(3));
        item.put("DeliveryQuantityUnit", sandbox.data().item(line.sku()).map(i -> i.unit()).orElse("EA"));
        item.put("Plant", shipment.order().lines().get(line.orderLineNumber() - 1).warehouse());
        item.put("ReferenceSDDocument", sandbox.erp().orderNumber(shipment.order().sequence()));
        item.put("ReferenceSDDocumentItem", String.valueOf(line.orderLineNumber() * 10));
        return item;
    }

    private static ObjectNode deliveryItemEntity(HttpServletRequest request, Sandbox sandbox, Shipment shipment,
            ShippedLine line) {
        Map<String, Object> item = deliveryItem(sandbox, shipment, line);
        return SapOData.entity(request, DELIVERY_SERVICE, "A_OutbDeliveryItem", "A_OutbDeliveryItem(DeliveryDocument='"
                + item.get("DeliveryDocument") + "',DeliveryDocumentItem='" + item.get("DeliveryDocumentItem") + "')",
                item, null);
    }

    private static Map<String, Object> billingHeader(Sandbox sandbox, Invoice invoice) {
        Map<String, Object> header = new LinkedHashMap<>();
        String customer = sandbox.erp().customerNumber(invoice.order().customerIndex());
        header.put("BillingDocument", String.valueOf(FIRST_BILLING + invoice.order().sequence()));
        header.put("BillingDocumentType", "F2");
        header.put("BillingDocumentCategory", "M");
        header.put("SoldToParty", customer);
        header.put("PayerParty", customer);
        header.put("BillingDocumentDate", invoice.invoiceDate());
        header.put("CreationDate", invoice.invoiceDate());
        header.put("TotalNetAmount", invoice.total().setScale(3));
        header.put("TotalTaxAmount", BigDecimal.ZERO.setScale(3));
        header.put("TransactionCurrency", DistributorDataSet.CURRENCY);
        header.put("CustomerPaymentTerms", "");
        header.put("CompanyCode", "1710");
        header.put("AccountingDocument", String.valueOf(FIRST_ACCOUNTING + invoice.order().sequence()));
        header.put("BillingDocumentIsCancelled", false);
        return header;
    }

    private static List<Map<String, Object>> billingItems(Sandbox sandbox, Invoice invoice) {
        Order order = invoice.order();
        return order.lines().stream().map(line -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("BillingDocument", String.valueOf(FIRST_BILLING + order.sequence()));
            item.put("BillingDocumentItem", String.valueOf(line.lineNumber() * 10));
            item.put("Material", line.sku());
            item.put("BillingDocumentItemText", line.description());
            item.put("BillingQuantity", line.quantity().setScale(3));
            item.put("BillingQuantityUnit", sandbox.data().item(line.sku()).map(i -> i.unit()).orElse("EA"));
            item.put("NetAmount", line.amount().setScale(3));
            item.put("TransactionCurrency", DistributorDataSet.CURRENCY);
            item.put("SalesDocument", sandbox.erp().orderNumber(order.sequence()));
            item.put("SalesDocumentItem", String.valueOf(line.lineNumber() * 10));
            item.put("ReferenceSDDocument", String.valueOf(FIRST_DELIVERY + order.sequence()));
            return item;
        }).toList();
    }

    /**
     * The invoice's customer items: one, open or cleared; a part payment clears it and
     * leaves a residual item for the rest, due on the same day.
     */
    private static List<Map<String, Object>> receivableItems(Sandbox sandbox, Invoice invoice) {
        Order order = invoice.order();
        Function<Integer, Map<String, Object>> item = number -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("CompanyCode", "1710");
            row.put("AccountingDocument", String.valueOf(FIRST_ACCOUNTING + number * 100_000_000L + order.sequence()));
            row.put("FiscalYear", String.valueOf(invoice.invoiceDate().getYear()));
            row.put("AccountingDocumentItem", "001");
            row.put("Customer", sandbox.erp().customerNumber(order.customerIndex()));
            row.put("FinancialAccountType", "D");
            row.put("AccountingDocumentType", number == 0 ? "RV" : "DZ");
            row.put("DocumentReferenceID", String.valueOf(FIRST_BILLING + order.sequence()));
            row.put("PostingDate", invoice.invoiceDate());
            row.put("NetDueDate", invoice.dueDate());
            row.put("TransactionCurrency", DistributorDataSet.CURRENCY);
            return row;
        };
        Map<String, Object> original = item.apply(0);
        original.put("AmountInTransactionCurrency", invoice.total().setScale(2));
        boolean openInFull = invoice.remaining().compareTo(invoice.total()) == 0;
        original.put("ClearingAccountingDocument",
                openInFull ? "" : String.valueOf(FIRST_ACCOUNTING + 500_000_000L + order.sequence()));
        original.put("ClearingDate", openInFull ? null : invoice.dueDate());
        if (openInFull || invoice.paid()) {
            return List.of(original);
        }
        Map<String, Object> residual = item.apply(1);
        residual.put("AmountInTransactionCurrency", invoice.remaining().setScale(2));
        residual.put("ClearingAccountingDocument", "");
        residual.put("ClearingDate", null);
        return List.of(original, residual);
    }

}
