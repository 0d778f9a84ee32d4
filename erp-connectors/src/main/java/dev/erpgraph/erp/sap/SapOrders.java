package dev.erpgraph.erp.sap;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import tools.jackson.databind.JsonNode;

import static dev.erpgraph.erp.sap.SapReads.amount;
import static dev.erpgraph.erp.sap.SapReads.decimal;
import static dev.erpgraph.erp.sap.SapReads.optionalText;
import static dev.erpgraph.erp.sap.SapReads.strip;
import static dev.erpgraph.erp.sap.SapReads.text;

/**
 * Sales orders with their items: one
 * {@code API_SALES_ORDER_SRV/A_SalesOrder?$expand=to_Item&$select=...} per URL-length
 * chunk of customers ({@code SoldToParty}) or order numbers ({@code SalesOrder}), the
 * status and {@code since} filters pushed down; limit and newest-first are applied per
 * customer to what comes back. See {@link SapConnector}.
 */
record SapOrders(SapReads reads) implements AssembledConnector.OrderReads {

    static final String SALES_ORDER_SERVICE = "API_SALES_ORDER_SRV";

    static final String SALES_ORDERS = SALES_ORDER_SERVICE + "/A_SalesOrder";

    /**
     * The items expanded, and of headers and items only the properties {@link #order}
     * reads: 10 of the header's and 10 of the item's (S/4HANA's entity types carry
     * several dozen each). Without {@code $select} even the sandbox's 21 and 17 made 100
     * orders 470 KB to send and parse, on the first of a page's two trips.
     */
    private static final String EXPAND_AND_SELECT = "$expand=to_Item&$select=SalesOrder,SoldToParty,SalesOrderDate,"
            + "RequestedDeliveryDate,TotalNetAmount,TransactionCurrency," + SapOrderStatus.REJECTION + ","
            + SapOrderStatus.CREDIT + "," + SapOrderStatus.PROCESS + "," + SapOrderStatus.DELIVERY + ","
            + "to_Item/SalesOrderItem,to_Item/Material,to_Item/SalesOrderItemText,to_Item/RequestedQuantity,"
            + "to_Item/NetAmount,to_Item/NetPriceAmount,to_Item/NetPriceQuantity,to_Item/TransactionCurrency,"
            + "to_Item/DeliveryStatus,to_Item/ProductionPlant";

    /**
     * SAP's sales order numbers are numeric: the higher one of the same day is the newer.
     */
    private static final Comparator<SalesOrder> NEWEST_FIRST = Comparator.comparing(SalesOrder::orderDate)
        .thenComparing(order -> Long.parseLong(order.number()))
        .reversed();

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        Map<String, List<String>> requested = SapReads.canonicalKeys(customerNumbers);
        List<String> extra = new ArrayList<>();
        String statusFilter = SapOrderStatus.filter(query.statuses());
        if (statusFilter != null) {
            extra.add(statusFilter);
        }
        if (query.since() != null) {
            extra.add("SalesOrderDate ge " + SapODataValues.dateTimeLiteral(query.since()));
        }
        Map<String, List<SalesOrder>> byCustomer = query
            .newestPerCustomer(read("SoldToParty", requested.keySet(), extra), NEWEST_FIRST);
        Map<String, List<SalesOrder>> values = new HashMap<>();
        requested.forEach((canonical, keys) -> {
            List<SalesOrder> orders = byCustomer.getOrDefault(canonical, List.of());
            keys.forEach(key -> values.put(key, orders));
        });
        return ErpBatch.of(values);
    }

    @Override
    public ErpBatch<String, SalesOrder> byNumber(Set<String> orderNumbers) {
        Map<String, List<String>> requested = SapReads.canonicalKeys(orderNumbers);
        Map<String, SalesOrder> values = new HashMap<>();
        for (SalesOrder order : read("SalesOrder", requested.keySet(), List.of())) {
            requested.getOrDefault(order.number(), List.of()).forEach(key -> values.put(key, order));
        }
        return ErpBatch.of(values);
    }

    private List<SalesOrder> read(String keyField, Set<String> keys, List<String> extra) {
        List<SalesOrder> orders = new ArrayList<>();
        if (keys.isEmpty()) {
            return orders;
        }
        String suffix = extra.isEmpty() ? "" : " and " + String.join(" and ", extra);
        for (JsonNode row : reads.readChunked("orders", SALES_ORDERS, EXPAND_AND_SELECT, keys,
                chunk -> SapODataFilter.anyOf(keyField, chunk) + suffix)) {
            orders.add(order(reads.systemId(), row));
        }
        return orders;
    }

    /** One {@code A_SalesOrder} row with its expanded items, normalized. */
    static SalesOrder order(String systemId, JsonNode row) {
        return SapReads.parse(systemId, row, SapOrders::order);
    }

    private static SalesOrder order(JsonNode row) {
        String currency = text(row, "TransactionCurrency");
        List<SalesOrderLine> lines = new ArrayList<>();
        for (JsonNode item : row.path("to_Item").path("results").values()) {
            lines.add(line(item, currency));
        }
        lines.sort(Comparator.comparingInt(SalesOrderLine::lineNumber));
        String number = text(row, "SalesOrder");
        String requested = optionalText(row, "RequestedDeliveryDate");
        return new SalesOrder(number, number, text(row, "SoldToParty"),
                SapOrderStatus.of(optionalText(row, SapOrderStatus.REJECTION), optionalText(row, SapOrderStatus.CREDIT),
                        optionalText(row, SapOrderStatus.PROCESS), optionalText(row, SapOrderStatus.DELIVERY)),
                SapODataValues.parseDate(text(row, "SalesOrderDate")),
                requested == null ? null : SapODataValues.parseDate(requested),
                new Money(amount(decimal(row, "TotalNetAmount")), currency), lines);
    }

    private static SalesOrderLine line(JsonNode item, String headerCurrency) {
        String currency = optionalText(item, "TransactionCurrency");
        currency = currency == null ? headerCurrency : currency;
        BigDecimal quantity = strip(decimal(item, "RequestedQuantity"));
        BigDecimal amount = decimal(item, "NetAmount");
        String netPrice = optionalText(item, "NetPriceAmount");
        BigDecimal unitPrice;
        if (netPrice != null) {
            String per = optionalText(item, "NetPriceQuantity");
            BigDecimal perQuantity = per == null ? BigDecimal.ONE : SapODataValues.parseDecimal(per);
            unitPrice = perQuantity.signum() == 0 || perQuantity.compareTo(BigDecimal.ONE) == 0
                    ? SapODataValues.parseDecimal(netPrice)
                    : SapODataValues.parseDecimal(netPrice).divide(perQuantity, MathContext.DECIMAL64);
        }
        else {
            unitPrice = quantity.signum() == 0 ? BigDecimal.ZERO : amount.divide(quantity, MathContext.DECIMAL64);
        }
        BigDecimal shipped = switch (String.valueOf(optionalText(item, "DeliveryStatus"))) {
            case "C" -> quantity;
            case "A", "null", "" -> BigDecimal.ZERO;
            default -> null;
        };
        return new SalesOrderLine(Integer.parseInt(text(item, "SalesOrderItem")), text(item, "Material"),
                optionalText(item, "SalesOrderItemText"), quantity, shipped, new Money(amount(unitPrice), currency),
                new Money(amount(amount), currency), optionalText(item, "ProductionPlant"));
    }

}
