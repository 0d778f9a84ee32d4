package dev.erpgraph.erp.p21;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.StockLevel;
import tools.jackson.databind.JsonNode;

/**
 * Turns P21 OData rows ({@code oe_hdr}, {@code oe_line}, {@code inv_mast},
 * {@code inv_loc}, {@code customer}, the price view) into the normalized model. Pure
 * functions of the rows, so that captured payloads can be replayed in tests without a
 * server.
 *
 * <p>
 * <b>Order status.</b> P21 has no status code on an order: it is read from the header
 * flags and the line quantities, first rule that applies:
 * <ol>
 * <li>{@code cancel_flag = 'Y'} or {@code delete_flag = 'Y'} on the header →
 * {@link OrderStatus#CANCELLED} (also when every line is cancelled:
 * {@code qty_canceled >= qty_ordered});</li>
 * <li>{@code completed = 'Y'} → {@link OrderStatus#INVOICED} (P21 completes an order when
 * its last line is invoiced or closed);</li>
 * <li>the hold column ({@code approved = 'N'} by default [I], options
 * {@code orderHoldColumn} / {@code orderHoldValue}) → {@link OrderStatus#ON_HOLD};</li>
 * <li>per line, open quantity = {@code qty_ordered - qty_canceled}; every line's open
 * quantity invoiced ({@code qty_invoiced}) → {@link OrderStatus#INVOICED}; every line's
 * open quantity shipped ({@code qty_invoiced} + quantity on pick tickets,
 * {@code qty_on_pick_tickets} [I], option {@code shippedColumn}) →
 * {@link OrderStatus#SHIPPED}; some quantity shipped →
 * {@link OrderStatus#PARTIALLY_SHIPPED};</li>
 * <li>otherwise (including an order without lines) → {@link OrderStatus#OPEN}.</li>
 * </ol>
 * Quantities are divided by {@code unit_size}, since P21 keeps {@code qty_*} in the
 * item's base unit.
 *
 * <p>
 * <b>Stock.</b> available = {@code qty_on_hand - qty_allocated} [I], never below zero.
 * <b>Credit.</b> balance = {@code credit_limit_used}; available = limit − balance
 * (negative when over the limit); on hold when {@code credit_status} [I] is not blank.
 */
final class P21Mapping {

    /**
     * An {@code inv_mast} row: P21's numeric item key and the item id people know as the
     * sku.
     */
    record Item(long uid, String sku, String description) {
    }

    private final String systemId;

    private final P21Options options;

    private final P21LocationSource locations;

    P21Mapping(String systemId, P21Options options, P21LocationSource locations) {
        this.systemId = systemId;
        this.options = options;
        this.locations = locations;
    }

    /** The location mapping as it stands (configured, or read from P21). */
    P21Locations locations() {
        return locations.current();
    }

    String systemId() {
        return systemId;
    }

    Item item(JsonNode row) {
        return new Item(row.path("inv_mast_uid").asLong(), text(row, "item_id"), text(row, "item_desc"));
    }

    /**
     * The status decided by the header alone, before the lines are read; empty if the
     * lines decide.
     */
    Optional<OrderStatus> headerStatus(JsonNode header) {
        if (yes(header, "cancel_flag") || yes(header, "delete_flag")) {
            return Optional.of(OrderStatus.CANCELLED);
        }
        if (yes(header, "completed")) {
            return Optional.of(OrderStatus.INVOICED);
        }
        if (options.orderHoldValue().equalsIgnoreCase(header.path(options.orderHoldColumn()).asString(""))) {
            return Optional.of(OrderStatus.ON_HOLD);
        }
        return Optional.empty();
    }

    OrderStatus status(JsonNode header, List<JsonNode> lines) {
        Optional<OrderStatus> decided = headerStatus(header);
        if (decided.isPresent()) {
            return decided.get();
        }
        boolean anyOpen = false;
        boolean allInvoiced = true;
        boolean allShipped = true;
        boolean anyShipped = false;
        for (JsonNode line : lines) {
            BigDecimal open = decimal(line, "qty_ordered").subtract(decimal(line, "qty_canceled"));
            BigDecimal invoiced = decimal(line, "qty_invoiced");
            BigDecimal shipped = invoiced.add(decimal(line, options.shippedColumn()));
            if (open.signum() <= 0 || yes(line, "cancel_flag") || yes(line, "delete_flag")) {
                continue;
            }
            anyOpen = true;
            allInvoiced &= invoiced.compareTo(open) >= 0;
            allShipped &= shipped.compareTo(open) >= 0;
            anyShipped |= shipped.signum() > 0;
        }
        if (!anyOpen) {
            return lines.isEmpty() ? OrderStatus.OPEN : OrderStatus.CANCELLED;
        }
        if (allInvoiced) {
            return OrderStatus.INVOICED;
        }
        if (allShipped) {
            return OrderStatus.SHIPPED;
        }
        return anyShipped ? OrderStatus.PARTIALLY_SHIPPED : OrderStatus.OPEN;
    }

    SalesOrder order(JsonNode header, List<JsonNode> lines, Map<Long, Item> items) {
        String number = header.path("order_no").asString("");
        if (number.isBlank()) {
            throw ErpException.badResponse(systemId, "oe_hdr row without order_no", null);
        }
        List<SalesOrderLine> mapped = new ArrayList<>(lines.size());
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            SalesOrderLine orderLine = line(line, items);
            mapped.add(orderLine);
            total = total.add(orderLine.amount().amount());
        }
        mapped.sort(Comparator.comparingInt(SalesOrderLine::lineNumber));
        LocalDate orderDate = date(header, "order_date");
        if (orderDate == null) {
            throw ErpException.badResponse(systemId, "order " + number + " without order_date", null);
        }
        return new SalesOrder(number, number, header.path("customer_id").asString(""), status(header, lines), orderDate,
                date(header, "requested_date"), money(total), mapped);
    }

    SalesOrderLine line(JsonNode line, Map<Long, Item> items) {
        long uid = line.path("inv_mast_uid").asLong();
        Item item = items.get(uid);
        BigDecimal unitSize = decimal(line, "unit_size");
        if (unitSize.signum() <= 0) {
            unitSize = BigDecimal.ONE;
        }
        BigDecimal quantity = perUnit(decimal(line, "qty_ordered"), unitSize);
        BigDecimal shipped = perUnit(decimal(line, "qty_invoiced").add(decimal(line, options.shippedColumn())),
                unitSize);
        BigDecimal unitPrice = decimal(line, "unit_price");
        BigDecimal amount = line.hasNonNull("extended_price") ? decimal(line, "extended_price")
                : unitPrice.multiply(quantity);
        JsonNode location = line.path(options.lineLocationColumn());
        return new SalesOrderLine(line.path("line_no").asInt(),
                // A uid whose inv_mast row is missing still shows up, by its P21 number,
                // rather than vanish.
                item == null ? String.valueOf(uid) : item.sku(), item == null ? null : item.description(), quantity,
                shipped, money(unitPrice), money(amount),
                location.isNumber() ? locations.current().warehouse(location.asLong()) : null);
    }

    CreditStatus credit(JsonNode customer) {
        Money limit = money(decimal(customer, "credit_limit"));
        Money balance = money(decimal(customer, "credit_limit_used"));
        boolean onHold = !customer.path(options.creditHoldColumn()).asString("").isBlank();
        String terms = text(customer, "terms_id");
        return new CreditStatus(limit, balance, limit.minus(balance), onHold, terms);
    }

    StockLevel stock(String sku, JsonNode invLoc) {
        BigDecimal onHand = decimal(invLoc, "qty_on_hand");
        BigDecimal available = onHand.subtract(decimal(invLoc, options.allocatedColumn())).max(BigDecimal.ZERO);
        return new StockLevel(sku, locations.current().warehouse(invLoc.path("location_id").asLong()), onHand,
                available);
    }

    /**
     * The price of one key from its rows of the price view (one row per quantity break of
     * that customer and item): the row with the highest {@code quantity_break} not above
     * the quantity (the lowest row if the quantity is below every break). The rows above
     * the lowest are the key's quantity breaks.
     */
    Optional<ItemPrice> price(PriceKey key, List<JsonNode> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(row -> decimal(row, "quantity_break")));
        JsonNode chosen = sorted.get(0);
        for (JsonNode row : sorted) {
            if (decimal(row, "quantity_break").compareTo(key.quantity()) <= 0) {
                chosen = row;
            }
        }
        List<PriceBreak> breaks = new ArrayList<>();
        for (JsonNode row : sorted.subList(1, sorted.size())) {
            breaks.add(new PriceBreak(decimal(row, "quantity_break"), money(decimal(row, "unit_price"))));
        }
        JsonNode list = chosen.path(options.listPriceColumn());
        return Optional.of(new ItemPrice(key.sku(), key.quantity(), money(decimal(chosen, "unit_price")),
                list.isNull() || list.isMissingNode() ? null : money(decimal(chosen, options.listPriceColumn())),
                breaks));
    }

    Money money(BigDecimal amount) {
        return new Money(amount, options.currency());
    }

    /**
     * A number as written on the wire (JSON number, or a numeric string); missing or null
     * is zero.
     */
    BigDecimal decimal(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return BigDecimal.ZERO;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asString("").trim());
        }
        catch (NumberFormatException ex) {
            throw ErpException.badResponse(systemId, "not a number in " + field + ": " + value, ex);
        }
    }

    /**
     * P21 answers {@code YYYY-MM-DDThh:mm:ss} (local time, no offset); the date part is
     * the business date.
     */
    LocalDate date(JsonNode row, String field) {
        String value = row.path(field).asString("");
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        }
        catch (DateTimeParseException ex) {
            throw ErpException.badResponse(systemId, "not a date in " + field + ": " + value, ex);
        }
    }

    private static BigDecimal perUnit(BigDecimal quantity, BigDecimal unitSize) {
        return unitSize.compareTo(BigDecimal.ONE) == 0 ? quantity : quantity.divide(unitSize, MathContext.DECIMAL64);
    }

    private static boolean yes(JsonNode row, String field) {
        return "Y".equalsIgnoreCase(row.path(field).asString(""));
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

}
