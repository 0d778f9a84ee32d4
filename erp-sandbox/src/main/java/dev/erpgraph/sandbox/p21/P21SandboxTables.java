package dev.erpgraph.sandbox.p21;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.OrderStatus;
import dev.erpgraph.sandbox.p21.P21SandboxFilter.Expr;
import dev.erpgraph.sandbox.p21.P21SandboxFilter.Type;

/**
 * The sandbox's P21 tables and price view, rendered from the ERP-neutral data set: column
 * names and types as the P21 OData service shows them, numbers as numbers, dates as
 * {@code LocalDateTime} (served as {@code YYYY-MM-DDThh:mm:ss}).
 *
 * <p>
 * How the neutral order status becomes P21 flags and quantities (the connector maps them
 * back, see {@link P21Mapping}): CANCELLED → {@code cancel_flag 'Y'} and every line's
 * {@code qty_canceled}; INVOICED → {@code completed 'Y'} and {@code qty_invoiced};
 * SHIPPED and PARTIALLY_SHIPPED → the shipped quantity on pick tickets
 * ({@code qty_on_pick_tickets}); ON_HOLD → {@code approved 'N'}; OPEN → quantities
 * allocated.
 *
 * <p>
 * Rows are looked up by key when the filter pins the key column to a set of values
 * ({@link P21SandboxFilter#candidates}), otherwise scanned; the full filter is applied
 * either way.
 */
public final class P21SandboxTables {

    static final String PRICE_VIEW = "p21_view_customer_item_price";

    private static final int FIRST_ITEM_UID = 35_000;

    private static final int FIRST_PRICE_PAGE = 5_000;

    private static final String[] TAKERS = { "JSMITH", "MKOWALSKI", "TNGUYEN", "ABROWN" };

    /** One table (or view): its columns with types, default order, and row source. */
    record Table(String name, String resource, Map<String, Type> columns, String keyOrder) {
    }

    static final Map<String, Table> TABLES = Map.of("oe_hdr", new Table("oe_hdr", "orders",
            columns("order_no", Type.STRING, "customer_id", Type.NUMBER, "order_date", Type.DATETIME, "requested_date",
                    Type.DATETIME, "po_no", Type.STRING, "taker", Type.STRING, "ship_to_id", Type.NUMBER, "ship2_name",
                    Type.STRING, "ship2_city", Type.STRING, "completed", Type.STRING, "cancel_flag", Type.STRING,
                    "delete_flag", Type.STRING, "approved", Type.STRING, "rma_flag", Type.STRING, "projected_order",
                    Type.STRING, "location_id", Type.NUMBER, "date_last_modified", Type.DATETIME),
            "order_no"), "oe_line",
            new Table("oe_line", "order-lines",
                    columns("order_no", Type.STRING, "line_no", Type.NUMBER, "inv_mast_uid", Type.NUMBER, "qty_ordered",
                            Type.NUMBER, "qty_allocated", Type.NUMBER, "qty_on_pick_tickets", Type.NUMBER,
                            "qty_invoiced", Type.NUMBER, "qty_canceled", Type.NUMBER, "qty_staged", Type.NUMBER,
                            "unit_price", Type.NUMBER, "extended_price", Type.NUMBER, "unit_of_measure", Type.STRING,
                            "unit_size", Type.NUMBER, "unit_quantity", Type.NUMBER, "required_date", Type.DATETIME,
                            "disposition", Type.STRING, "complete", Type.STRING, "cancel_flag", Type.STRING,
                            "delete_flag", Type.STRING, "source_loc_id", Type.NUMBER),
                    "order_no,line_no"),
            "inv_mast",
            new Table("inv_mast", "items",
                    columns("inv_mast_uid", Type.NUMBER, "item_id", Type.STRING, "item_desc", Type.STRING,
                            "default_selling_unit", Type.STRING, "price1", Type.NUMBER, "delete_flag", Type.STRING),
                    "inv_mast_uid"),
            "inv_loc",
            new Table("inv_loc", "inventory",
                    columns("inv_mast_uid", Type.NUMBER, "location_id", Type.NUMBER, "qty_on_hand", Type.NUMBER,
                            "qty_allocated", Type.NUMBER, "qty_backordered", Type.NUMBER, "primary_bin", Type.STRING,
                            "product_group_id", Type.STRING),
                    "inv_mast_uid,location_id"),
            "customer",
            new Table("customer", "credit",
                    columns("customer_id", Type.NUMBER, "company_id", Type.STRING, "customer_name", Type.STRING,
                            "mail_city", Type.STRING, "mail_state", Type.STRING, "credit_limit", Type.NUMBER,
                            "credit_limit_used", Type.NUMBER, "credit_status", Type.STRING, "terms_id", Type.STRING,
                            "row_status_flag", Type.NUMBER),
                    "customer_id"));

    static final Map<String, Table> VIEWS = Map.of(PRICE_VIEW,
            new Table(PRICE_VIEW, "prices",
                    columns("customer_id", Type.NUMBER, "item_id", Type.STRING, "unit_price", Type.NUMBER,
                            "quantity_break", Type.NUMBER, "price_page_uid", Type.NUMBER, "list_price", Type.NUMBER),
                    "customer_id,item_id,quantity_break"));

    private final DistributorDataSet data;

    private final P21SandboxErp erp;

    private final List<String> skus;

    private final Map<String, Integer> skuIndex = new LinkedHashMap<>();

    public P21SandboxTables(DistributorDataSet data, P21SandboxErp erp) {
        this.data = data;
        this.erp = erp;
        this.skus = data.items().stream().map(DistributorDataSet.Item::sku).toList();
        for (int i = 0; i < skus.size(); i++) {
            skuIndex.put(skus.get(i).toUpperCase(Locale.ROOT), i);
        }
    }

    public long uid(String sku) {
        return FIRST_ITEM_UID + skuIndex.get(sku.toUpperCase(Locale.ROOT));
    }

    /** The rows of a table or view that may match {@code filter} (not yet filtered). */
    Stream<Map<String, Object>> rows(String table, Expr filter) {
        return switch (table) {
            case "customer" -> customers(filter).mapToObj(this::customer).flatMap(Optional::stream);
            case "oe_hdr" -> orders(filter).map(this::header);
            case "oe_line" -> orders(filter).flatMap(this::lines);
            case "inv_mast" -> items(filter).map(this::item);
            case "inv_loc" -> items(filter).flatMap(this::stock);
            case PRICE_VIEW ->
                customers(filter).boxed().flatMap(index -> items(filter).flatMap(sku -> prices(index, sku)));
            default -> throw new IllegalArgumentException(table);
        };
    }

    // ---- row sources, narrowed by key where the filter allows

    private IntStream customers(Expr filter) {
        return P21SandboxFilter.candidates(filter, "customer_id")
            .map(ids -> ids.stream()
                .map(id -> ((BigDecimal) id))
                .filter(id -> id.scale() <= 0 || id.stripTrailingZeros().scale() <= 0)
                .map(id -> erp.customerIndex(id.toBigInteger().toString()))
                .filter(java.util.OptionalInt::isPresent)
                .mapToInt(java.util.OptionalInt::getAsInt)
                .distinct()
                .sorted())
            .orElseGet(() -> IntStream.range(0, data.customerCount()));
    }

    private Stream<DistributorDataSet.Order> orders(Expr filter) {
        Optional<Set<Object>> numbers = P21SandboxFilter.candidates(filter, "order_no");
        if (numbers.isPresent()) {
            return numbers.get()
                .stream()
                .map(number -> erp.orderSequence((String) number))
                .filter(java.util.OptionalInt::isPresent)
                .map(seq -> data.order(seq.getAsInt()))
                .flatMap(Optional::stream);
        }
        if (P21SandboxFilter.candidates(filter, "customer_id").isPresent()) {
            return customers(filter).boxed().flatMap(index -> data.ordersOf(index).stream());
        }
        List<DistributorDataSet.Order> all = new ArrayList<>();
        for (int sequence = 1;; sequence++) {
            Optional<DistributorDataSet.Order> order = data.order(sequence);
            if (order.isEmpty()) {
                return all.stream();
            }
            all.add(order.get());
        }
    }

    private Stream<String> items(Expr filter) {
        Optional<Set<Object>> ids = P21SandboxFilter.candidates(filter, "item_id");
        if (ids.isPresent()) {
            return ids.get()
                .stream()
                .map(id -> skuIndex.get(((String) id).trim().toUpperCase(Locale.ROOT)))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .sorted()
                .map(skus::get);
        }
        Optional<Set<Object>> uids = P21SandboxFilter.candidates(filter, "inv_mast_uid");
        if (uids.isPresent()) {
            return uids.get()
                .stream()
                .map(uid -> ((BigDecimal) uid).subtract(BigDecimal.valueOf(FIRST_ITEM_UID)))
                .filter(index -> index.signum() >= 0 && index.compareTo(BigDecimal.valueOf(skus.size())) < 0
                        && index.stripTrailingZeros().scale() <= 0)
                .map(BigDecimal::intValue)
                .distinct()
                .sorted()
                .map(skus::get);
        }
        return skus.stream();
    }

    // ---- rendering

    private Optional<Map<String, Object>> customer(int index) {
        return data.customer(index)
            .map(customer -> row("customer_id", (long) P21SandboxErp.FIRST_CUSTOMER_ID + index, "company_id", "DIST1",
                    "customer_name", customer.name(), "mail_city", customer.city(), "mail_state", customer.region(),
                    "credit_limit", customer.creditLimit(), "credit_limit_used", customer.balance(), "credit_status",
                    customer.onHold() ? "HOLD" : "", "terms_id", customer.paymentTerms(), "row_status_flag", 704L));
    }

    private Map<String, Object> header(DistributorDataSet.Order order) {
        OrderStatus status = order.status();
        String warehouse = order.lines().isEmpty() ? "CLE" : order.lines().get(0).warehouse();
        long customerId = (long) P21SandboxErp.FIRST_CUSTOMER_ID + order.customerIndex();
        return row("order_no", erp.orderNumber(order.sequence()), "customer_id", customerId, "order_date",
                midnight(order.orderDate()), "requested_date", midnight(order.requestedDate()), "po_no",
                order.customerPo(), "taker", TAKERS[order.sequence() % TAKERS.length], "ship_to_id", customerId,
                "ship2_name", data.customer(order.customerIndex()).map(DistributorDataSet.Customer::name).orElse(null),
                "ship2_city", data.customer(order.customerIndex()).map(DistributorDataSet.Customer::city).orElse(null),
                "completed", flag(status == OrderStatus.INVOICED), "cancel_flag", flag(status == OrderStatus.CANCELLED),
                "delete_flag", "N", "approved", flag(status != OrderStatus.ON_HOLD), "rma_flag", "N", "projected_order",
                "N", "location_id", P21SandboxErp.LOCATIONS.get(warehouse), "date_last_modified",
                midnight(order.orderDate()).plusHours(9));
    }

    private Stream<Map<String, Object>> lines(DistributorDataSet.Order order) {
        OrderStatus status = order.status();
        return order.lines().stream().map(line -> {
            BigDecimal quantity = line.quantity();
            BigDecimal shipped = line.shippedQuantity();
            BigDecimal invoiced = status == OrderStatus.INVOICED ? quantity : BigDecimal.ZERO;
            BigDecimal onPickTickets = status == OrderStatus.SHIPPED || status == OrderStatus.PARTIALLY_SHIPPED
                    ? shipped : BigDecimal.ZERO;
            BigDecimal canceled = status == OrderStatus.CANCELLED ? quantity : BigDecimal.ZERO;
            BigDecimal allocated = status == OrderStatus.OPEN || status == OrderStatus.PARTIALLY_SHIPPED
                    ? quantity.subtract(onPickTickets) : BigDecimal.ZERO;
            return row("order_no", erp.orderNumber(order.sequence()), "line_no", (long) line.lineNumber(),
                    "inv_mast_uid", uid(line.sku()), "qty_ordered", quantity, "qty_allocated", allocated,
                    "qty_on_pick_tickets", onPickTickets, "qty_invoiced", invoiced, "qty_canceled", canceled,
                    "qty_staged", BigDecimal.ZERO, "unit_price", line.unitPrice(), "extended_price", line.amount(),
                    "unit_of_measure", data.item(line.sku()).map(DistributorDataSet.Item::unit).orElse("EA"),
                    "unit_size", BigDecimal.ONE, "unit_quantity", quantity, "required_date",
                    midnight(order.requestedDate()), "disposition", null, "complete",
                    flag(status == OrderStatus.INVOICED), "cancel_flag", flag(status == OrderStatus.CANCELLED),
                    "delete_flag", "N", "source_loc_id", P21SandboxErp.LOCATIONS.get(line.warehouse()));
        });
    }

    private Map<String, Object> item(String sku) {
        DistributorDataSet.Item item = data.item(sku).orElseThrow();
        return row("inv_mast_uid", uid(sku), "item_id", item.sku(), "item_desc", item.description(),
                "default_selling_unit", item.unit(), "price1", item.listPrice(), "delete_flag", "N");
    }

    private Stream<Map<String, Object>> stock(String sku) {
        return data.stock(sku)
            .stream()
            .map(level -> row("inv_mast_uid", uid(sku), "location_id", P21SandboxErp.LOCATIONS.get(level.warehouse()),
                    "qty_on_hand", level.onHand(), "qty_allocated", level.allocated(), "qty_backordered",
                    BigDecimal.ZERO, "primary_bin", level.warehouse().charAt(0) + "-"
                            + String.format("%02d", uid(sku) % 40) + "-0" + (uid(sku) % 7 + 1),
                    "product_group_id", sku.substring(0, sku.indexOf('-'))));
    }

    /**
     * One row per quantity break: the base price from 1, then one per break of the item.
     */
    private Stream<Map<String, Object>> prices(int customerIndex, String sku) {
        DistributorDataSet.Item item = data.item(sku).orElseThrow();
        List<BigDecimal> breaks = new ArrayList<>();
        breaks.add(BigDecimal.ONE);
        item.breaks().forEach(level -> breaks.add(level.minimumQuantity()));
        long pageBase = FIRST_PRICE_PAGE + (uid(sku) - FIRST_ITEM_UID) * 4;
        return IntStream.range(0, breaks.size())
            .mapToObj(n -> row("customer_id", (long) P21SandboxErp.FIRST_CUSTOMER_ID + customerIndex, "item_id", sku,
                    "unit_price", data.unitPrice(customerIndex, sku, breaks.get(n)).orElseThrow(), "quantity_break",
                    breaks.get(n), "price_page_uid", pageBase + n, "list_price", item.listPrice()));
    }

    // ---- helpers

    private static LocalDateTime midnight(LocalDate date) {
        return date == null ? null : date.atStartOfDay();
    }

    private static String flag(boolean value) {
        return value ? "Y" : "N";
    }

    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    private static Map<String, Type> columns(Object... namesAndTypes) {
        Map<String, Type> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put((String) namesAndTypes[i], (Type) namesAndTypes[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(columns);
    }

}
