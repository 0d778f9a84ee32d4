package dev.erpgraph.erp.sxe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.StockLevel;
import tools.jackson.databind.JsonNode;

/**
 * Reads SX.API answers (the inner {@code response} object) into the normalized model.
 * SX.API returns Progress temp-tables as {@code tName: {"t-name": [rows]}}; amounts and
 * quantities are JSON numbers; dates are ISO {@code YYYY-MM-DD} per the OpenAPI's
 * {@code format: date} (the older {@code MM/DD/YY} Progress form is accepted too).
 * Anything unreadable throws {@link IllegalArgumentException}, which the connector
 * reports as BAD_RESPONSE.
 *
 * <p>
 * Field names marked [I] are inferred (oeeh/oeel column names, not seen in a captured
 * answer): a real deployment must confirm them.
 */
final class SxeResponses {

    private static final DateTimeFormatter PROGRESS_DATE = DateTimeFormatter.ofPattern("MM/dd/[yyyy][yy]");

    private SxeResponses() {
    }

    // ---- order list (sxapioegetlistofordersv5)

    /** One row of {@code tOeordV5."t-oeordV5"}. */
    record OrderRow(long orderNo, int orderSuf, long custNo, int stageCd, LocalDate enterDt, LocalDate reqShipDt,
            BigDecimal totLineAmt, String whse) {

        /**
         * The number people quote: {@code orderno-ordersuf}, the suffix two digits
         * ({@code 1234567-00}).
         */
        String number() {
            return orderNumber(orderNo, orderSuf);
        }

        static final Comparator<OrderRow> NEWEST_FIRST = Comparator.comparing(OrderRow::enterDt)
            .thenComparingLong(OrderRow::orderNo)
            .thenComparingInt(OrderRow::orderSuf)
            .reversed();

    }

    static String orderNumber(long orderNo, int orderSuf) {
        return orderNo + "-" + String.format(Locale.ROOT, "%02d", orderSuf);
    }

    static List<OrderRow> orderRows(JsonNode response) {
        List<OrderRow> rows = new ArrayList<>();
        for (JsonNode row : table(response, "tOeordV5", "t-oeordV5")) {
            rows.add(new OrderRow(requiredLong(row, "orderNo"), (int) requiredLong(row, "orderSuf"),
                    requiredLong(row, "custNo"), (int) requiredLong(row, "stageCd"), requiredDate(row, "enterDt"),
                    date(row, "reqShipDt"), requiredDecimal(row, "totLineAmt"), blankToNull(text(row, "whse"))));
        }
        return rows;
    }

    /** Whether the list stopped at {@code recordLimit} with more rows behind it. */
    static boolean moreRecordsAvailable(JsonNode response) {
        return response.path("moreRecordsAvailable").asBoolean(false);
    }

    // ---- single order (sxapioegetsingleorderv3)

    /**
     * An order's detail: header name/value rows ({@code tFieldlist}, names lower-cased)
     * and its lines, which carry no warehouse of their own ({@code t-oelineitemV3} has no
     * warehouse field): {@link #withWarehouse} gives them their order's.
     */
    record OrderDetail(Map<String, String> header, List<SalesOrderLine> lines) {

        /**
         * The lines with the order's warehouse: an SX.e order ships from one warehouse,
         * its header's {@code whse} (the list row's, or {@code tFieldlist}'s {@code whse}
         * [I] when the order is read by number).
         */
        List<SalesOrderLine> withWarehouse(String whse) {
            return lines.stream()
                .map(line -> new SalesOrderLine(line.lineNumber(), line.sku(), line.description(), line.quantity(),
                        line.shippedQuantity(), line.unitPrice(), line.amount(), whse))
                .toList();
        }

    }

    static OrderDetail orderDetail(JsonNode response, String currency) {
        Map<String, String> header = new LinkedHashMap<>();
        for (JsonNode field : table(response, "tFieldlist", "t-fieldlist")) {
            header.put(field.path("fieldName").asString("").toLowerCase(Locale.ROOT),
                    field.path("fieldValue").asString(""));
        }
        List<SalesOrderLine> lines = new ArrayList<>();
        for (JsonNode line : table(response, "tOelineitemV3", "t-oelineitemV3")) {
            lines.add(new SalesOrderLine((int) requiredLong(line, "lineNo"), requiredText(line, "prod"),
                    description(line), requiredDecimal(line, "qtyOrd"), decimal(line, "qtyShip"),
                    new Money(requiredDecimal(line, "price"), currency),
                    new Money(requiredDecimal(line, "netAmt"), currency), null));
        }
        return new OrderDetail(header, lines);
    }

    /**
     * A line's description as {@code t-oelineitemV3} carries it: {@code desc1}, and
     * {@code desc2} after it when that is not blank (SX.e's two 24-character description
     * lines of the product, {@code icsp.descrip[1..2]}).
     */
    private static String description(JsonNode line) {
        String first = blankToNull(text(line, "desc1"));
        String second = blankToNull(text(line, "desc2"));
        if (first == null) {
            return second;
        }
        return second == null ? first : first + " " + second;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * An order read through the list: the list row's header fields and warehouse, the
     * detail's lines and hold flag.
     */
    static SalesOrder order(OrderRow row, OrderDetail detail, SxeOptions options) {
        List<SalesOrderLine> lines = detail.withWarehouse(row.whse());
        return new SalesOrder(row.number(), row.number(), String.valueOf(row.custNo()),
                SxeStageCode.status(row.stageCd(), held(detail, options), lines), row.enterDt(), row.reqShipDt(),
                new Money(row.totLineAmt(), options.currency()), lines);
    }

    /**
     * An order read by number: everything from the single-order answer, its header in
     * {@code tFieldlist} under the oeeh column names
     * {@code custno, stagecd, enterdt, reqshipdt, totlineamt, whse} [I].
     */
    static SalesOrder order(String number, OrderDetail detail, SxeOptions options) {
        Map<String, String> header = detail.header();
        String custNo = header.get("custno");
        String stage = header.get("stagecd");
        String total = header.get("totlineamt");
        if (custNo == null || stage == null || total == null || header.get("enterdt") == null) {
            throw new IllegalArgumentException(
                    "single order " + number + " without custno/stagecd/enterdt/" + "totlineamt header fields");
        }
        LocalDate enterDt = parseDate(header.get("enterdt"));
        if (enterDt == null) {
            throw new IllegalArgumentException("single order " + number + " without an entry date");
        }
        List<SalesOrderLine> lines = detail.withWarehouse(blankToNull(header.get("whse")));
        return new SalesOrder(number, number, new BigDecimal(custNo.trim()).toBigIntegerExact().toString(),
                SxeStageCode.status(Integer.parseInt(stage.trim()), held(detail, options), lines), enterDt,
                parseDate(header.get("reqshipdt")), new Money(new BigDecimal(total.trim()), options.currency()), lines);
    }

    private static boolean held(OrderDetail detail, SxeOptions options) {
        String flag = detail.header().get(options.holdField().toLowerCase(Locale.ROOT));
        return flag != null && options.holdValues().contains(flag.trim().toLowerCase(Locale.ROOT));
    }

    // ---- stock (sxapiicproductavailbywhse)

    /**
     * Per-warehouse stock of one product from {@code tProd_avl."t-prod_avl"}. SX.API
     * gives only {@code netAvail} (on hand less reserved and committed); no SX.API
     * operation returns on-hand quantities ({@code sxapiicgetwhseproductdatageneralv2/v3}
     * carry none), so {@code onHand} is reported as {@code netAvail} too: a documented
     * limitation, never a guess.
     */
    static List<StockLevel> stock(JsonNode response, String sku, String warehouse) {
        List<StockLevel> levels = new ArrayList<>();
        for (JsonNode row : table(response, "tProd_avl", "t-prod_avl")) {
            String prod = text(row, "prod");
            String whse = requiredText(row, "whse");
            if ((prod != null && !prod.equals(sku)) || (warehouse != null && !warehouse.equals(whse))) {
                continue;
            }
            BigDecimal netAvail = requiredDecimal(row, "netAvail");
            levels.add(new StockLevel(sku, whse, netAvail, netAvail));
        }
        return levels;
    }

    // ---- pricing (sxapioepricingmultiplev5)

    /**
     * The rows of a pricing answer by {@code seqno}: the price row and its break row (may
     * be null).
     */
    record PriceRows(JsonNode price, JsonNode breaks) {
    }

    static Map<Integer, PriceRows> priceRows(JsonNode response) {
        Map<Integer, JsonNode> breaks = new LinkedHashMap<>();
        for (JsonNode row : table(response, "tOemultprcoutbrk", "t-oemultprcoutbrk")) {
            breaks.put((int) requiredLong(row, "seqno"), row);
        }
        Map<Integer, PriceRows> rows = new LinkedHashMap<>();
        for (JsonNode row : table(response, "tOemultprcoutV3", "t-oemultprcoutV3")) {
            int seqno = (int) requiredLong(row, "seqno");
            rows.put(seqno, new PriceRows(row, breaks.get(seqno)));
        }
        return rows;
    }

    /** A row's own error ({@code errormess}), null when it priced. */
    static String priceError(JsonNode priceRow) {
        String error = text(priceRow, "errormess");
        return error == null || error.isBlank() ? null : error.trim();
    }

    /**
     * A customer's price. {@code price} is SX.e's unit price after the pricing record and
     * quantity break; {@code discamt} is a line discount on top
     * ({@code extamt = price x qty - discamt}), so with a discount the unit price is
     * {@code extamt / qty} [I]. Breaks: {@code pricebreak1} applies below
     * {@code quantitybreak1}, {@code pricebreakN+1} from {@code quantitybreakN} on; a
     * zero quantity ends the ladder [I].
     */
    static ItemPrice itemPrice(String sku, BigDecimal quantity, PriceRows rows, String currency) {
        JsonNode row = rows.price();
        BigDecimal price = requiredDecimal(row, "price");
        BigDecimal discount = decimal(row, "discamt");
        BigDecimal extended = decimal(row, "extamt");
        BigDecimal unit = discount == null || discount.signum() == 0 || extended == null ? price
                : extended.divide(quantity, Math.max(price.scale(), 5), RoundingMode.HALF_UP);
        BigDecimal list = decimal(row, "listprice");
        return new ItemPrice(sku, quantity, new Money(unit, currency), list == null ? null : new Money(list, currency),
                breaks(rows.breaks(), currency));
    }

    private static List<PriceBreak> breaks(JsonNode row, String currency) {
        List<PriceBreak> breaks = new ArrayList<>();
        if (row == null) {
            return breaks;
        }
        BigDecimal first = decimal(row, "pricebreak1");
        BigDecimal firstQuantity = decimal(row, "quantitybreak1");
        if (first == null || first.signum() == 0 || firstQuantity == null || firstQuantity.signum() == 0) {
            return breaks;
        }
        breaks.add(new PriceBreak(BigDecimal.ONE, new Money(first, currency)));
        for (int n = 1; n <= 8; n++) {
            BigDecimal from = decimal(row, "quantitybreak" + n);
            BigDecimal price = decimal(row, "pricebreak" + (n + 1));
            if (from == null || from.signum() == 0 || price == null) {
                break;
            }
            breaks.add(new PriceBreak(from, new Money(price, currency)));
        }
        return breaks;
    }

    // ---- create (sxapisfoeordertotloadv4)

    /**
     * The new order's number from {@code tOrdtotdata."t-ordtotdata"[0]}: {@code orderno}
     * and {@code ordersuf} [I] (the captured client shows only {@code totordamt} in that
     * table; the order number beside it must be confirmed on a tenant).
     */
    static String createdOrderNumber(JsonNode response) {
        List<JsonNode> rows = table(response, "tOrdtotdata", "t-ordtotdata");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("order load answered no tOrdtotdata row");
        }
        JsonNode row = rows.get(0);
        long orderNo = requiredLong(row, "orderno");
        if (orderNo <= 0) {
            throw new IllegalArgumentException("order load answered order number " + orderNo);
        }
        return orderNumber(orderNo, (int) row.path("ordersuf").asLong(0));
    }

    // ---- reading

    /**
     * A temp-table's rows; an absent table is empty (SX.API leaves out tables it has no
     * rows for).
     */
    static List<JsonNode> table(JsonNode response, String name, String rowsName) {
        JsonNode table = response.path(name);
        if (table.isMissingNode() || table.isNull()) {
            return List.of();
        }
        JsonNode rows = table.path(rowsName);
        if (rows.isMissingNode() || rows.isNull()) {
            return List.of();
        }
        if (!rows.isArray()) {
            throw new IllegalArgumentException(name + "." + rowsName + " is not an array");
        }
        List<JsonNode> list = new ArrayList<>();
        rows.values().forEach(list::add);
        return list;
    }

    static BigDecimal decimal(JsonNode row, String field) {
        JsonNode node = row.path(field);
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString() && !node.stringValue().isBlank()) {
            return new BigDecimal(node.stringValue().trim());
        }
        return null;
    }

    static BigDecimal requiredDecimal(JsonNode row, String field) {
        BigDecimal value = decimal(row, field);
        if (value == null) {
            throw new IllegalArgumentException("missing number " + field);
        }
        return value;
    }

    private static long requiredLong(JsonNode row, String field) {
        return requiredDecimal(row, field).longValueExact();
    }

    static String text(JsonNode row, String field) {
        JsonNode node = row.path(field);
        return node.isString() ? node.stringValue() : node.isNumber() ? node.asString() : null;
    }

    private static String requiredText(JsonNode row, String field) {
        String value = text(row, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.trim();
    }

    private static LocalDate date(JsonNode row, String field) {
        return parseDate(text(row, field));
    }

    private static LocalDate requiredDate(JsonNode row, String field) {
        LocalDate date = date(row, field);
        if (date == null) {
            throw new IllegalArgumentException("missing date " + field);
        }
        return date;
    }

    /**
     * ISO {@code 2026-10-01}, or Progress {@code 10/01/26}; blank and Progress's unknown
     * {@code ?} are null.
     */
    static LocalDate parseDate(String value) {
        if (value == null || value.isBlank() || value.trim().equals("?")) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.contains("/")) {
                LocalDate date = LocalDate.parse(text, PROGRESS_DATE);
                return date.getYear() < 100 ? date.plusYears(2000) : date;
            }
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("unreadable date " + text, ex);
        }
    }

}
