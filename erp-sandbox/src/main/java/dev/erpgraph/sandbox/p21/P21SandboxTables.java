package dev.erpgraph.sandbox.p21;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.erpgraph.sandbox.CreatedOrders;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.OrderStatus;

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
 * Pick tickets and invoices: {@link P21SandboxDocuments}.
 *
 * <p>
 * Rows are looked up by key when the filter pins the key column to a set of values
 * ({@link FilterExpression#candidates}), otherwise scanned; the full filter is applied
 * either way.
 */
public final class P21SandboxTables {

    static final String PRICE_VIEW = "p21_view_customer_item_price";

    private static final int FIRST_ITEM_UID = 35_000;

    private static final int FIRST_PRICE_PAGE = 5_000;

    private static final String[] TAKERS = { "JSMITH", "MKOWALSKI", "TNGUYEN", "ABROWN" };

    /** One table (or view): its columns with types, default order, and row source. */
    record Table(String name, String resource, Map<String, Class<?>> columns, String keyOrder) {
    }

    static final Map<String, Table> TABLES = Map.of("oe_hdr",
            new Table("oe_hdr", "orders",
                    columns("order_no", P21FilterDialect.STRING, "customer_id", P21FilterDialect.NUMBER, "order_date",
                            P21FilterDialect.DATETIME, "requested_date", P21FilterDialect.DATETIME, "po_no",
                            P21FilterDialect.STRING, "web_reference_no", P21FilterDialect.STRING, "taker",
                            P21FilterDialect.STRING, "ship_to_id", P21FilterDialect.NUMBER, "ship2_name",
                            P21FilterDialect.STRING, "ship2_city", P21FilterDialect.STRING, "completed",
                            P21FilterDialect.STRING, "cancel_flag", P21FilterDialect.STRING, "delete_flag",
                            P21FilterDialect.STRING, "approved", P21FilterDialect.STRING, "rma_flag",
                            P21FilterDialect.STRING, "projected_order", P21FilterDialect.STRING, "location_id",
                            P21FilterDialect.NUMBER, "date_last_modified", P21FilterDialect.DATETIME),
                    "order_no"),
            "oe_line",
            new Table("oe_line", "order-lines",
                    columns("order_no", P21FilterDialect.STRING, "line_no", P21FilterDialect.NUMBER, "inv_mast_uid",
                            P21FilterDialect.NUMBER, "qty_ordered", P21FilterDialect.NUMBER, "qty_allocated",
                            P21FilterDialect.NUMBER, "qty_on_pick_tickets", P21FilterDialect.NUMBER, "qty_invoiced",
                            P21FilterDialect.NUMBER, "qty_canceled", P21FilterDialect.NUMBER, "qty_staged",
                            P21FilterDialect.NUMBER, "unit_price", P21FilterDialect.NUMBER, "extended_price",
                            P21FilterDialect.NUMBER, "unit_of_measure", P21FilterDialect.STRING, "unit_size",
                            P21FilterDialect.NUMBER, "unit_quantity", P21FilterDialect.NUMBER, "required_date",
                            P21FilterDialect.DATETIME, "disposition", P21FilterDialect.STRING, "complete",
                            P21FilterDialect.STRING, "cancel_flag", P21FilterDialect.STRING, "delete_flag",
                            P21FilterDialect.STRING, "source_loc_id", P21FilterDialect.NUMBER),
                    "order_no,line_no"),
            "inv_mast",
            new Table("inv_mast", "items",
                    columns("inv_mast_uid", P21FilterDialect.NUMBER, "item_id", P21FilterDialect.STRING, "item_desc",
                            P21FilterDialect.STRING, "default_selling_unit", P21FilterDialect.STRING, "price1",
                            P21FilterDialect.NUMBER, "delete_flag", P21FilterDialect.STRING),
                    "inv_mast_uid"),
            "inv_loc",
            new Table("inv_loc", "inventory",
                    columns("inv_mast_uid", P21FilterDialect.NUMBER, "location_id", P21FilterDialect.NUMBER,
                            "qty_on_hand", P21FilterDialect.NUMBER, "qty_allocated", P21FilterDialect.NUMBER,
                            "qty_backordered", P21FilterDialect.NUMBER, "primary_bin", P21FilterDialect.STRING,
                            "product_group_id", P21FilterDialect.STRING),
                    "inv_mast_uid,location_id"),
            "customer",
            new Table("customer", "credit",
                    columns("customer_id", P21FilterDialect.NUMBER, "company_id", P21FilterDialect.STRING,
                            "customer_name", P21FilterDialect.STRING, "mail_city", P21FilterDialect.STRING,
                            "mail_state", P21FilterDialect.STRING, "credit_limit", P21FilterDialect.NUMBER,
                            "credit_limit_used", P21FilterDialect.NUMBER, "credit_status", P21FilterDialect.STRING,
                            "terms_id", P21FilterDialect.STRING, "row_status_flag", P21FilterDialect.NUMBER),
                    "customer_id"),
            "location",
            new Table("location", "locations",
                    columns("location_id", P21FilterDialect.NUMBER, "company_id", P21FilterDialect.STRING,
                            "location_name", P21FilterDialect.STRING, "default_branch_id", P21FilterDialect.STRING,
                            "delete_flag", P21FilterDialect.STRING),
                    "location_id"),
            "oe_pick_ticket", P21SandboxDocuments.PICK_TICKETS, "oe_pick_ticket_detail",
            P21SandboxDocuments.PICK_TICKET_LINES, "invoice_hdr", P21SandboxDocuments.INVOICES);

    static final Map<String, Table> VIEWS = Map.of(PRICE_VIEW,
            new Table(PRICE_VIEW, "prices",
                    columns("customer_id", P21FilterDialect.NUMBER, "item_id", P21FilterDialect.STRING, "unit_price",
                            P21FilterDialect.NUMBER, "quantity_break", P21FilterDialect.NUMBER, "price_page_uid",
                            P21FilterDialect.NUMBER, "list_price", P21FilterDialect.NUMBER),
                    "customer_id,item_id,quantity_break"));

    private final DistributorDataSet data;

    private final P21SandboxErp erp;

    private final CreatedOrders created;

    private final List<String> skus;

    private final Map<String, Integer> skuIndex = new LinkedHashMap<>();

    private final P21SandboxDocuments documents;

    public P21SandboxTables(DistributorDataSet data, P21SandboxErp erp, CreatedOrders created) {
        this.data = data;
        this.erp = erp;
        this.created = created;
        this.skus = data.items().stream().map(DistributorDataSet.Item::sku).toList();
        for (int i = 0; i < skus.size(); i++) {
            skuIndex.put(skus.get(i).toUpperCase(Locale.ROOT), i);
        }
        this.documents = new P21SandboxDocuments(data, erp, this::uid);
    }

    public long uid(String sku) {
        return FIRST_ITEM_UID + skuIndex.get(sku.toUpperCase(Locale.ROOT));
    }

    /** The rows of a table or view that may match {@code filter} (not yet filtered). */
    Stream<Map<String, Object>> rows(String table, FilterExpression filter) {
        return switch (table) {
            case "customer" -> customers(filter).mapToObj(this::customer).flatMap(Optional::stream);
            case "oe_hdr" -> orders(filter).map(this::header);
            case "oe_line" -> orders(filter).flatMap(this::lines);
            case "inv_mast" -> items(filter).map(this::item);
            case "inv_loc" -> items(filter).flatMap(this::stock);
            case "location" -> locations();
            case "oe_pick_ticket" -> documents.pickTickets(filter, this::orders);
            case "oe_pick_ticket_detail" -> documents.pickTicketLines(filter, this::orders);
            case "invoice_hdr" -> documents.invoices(filter, this::orders);
            case PRICE_VIEW ->
                customers(filter).boxed().flatMap(index -> items(filter).flatMap(sku -> prices(index, sku)));
            default -> throw new IllegalArgumentException(table);
        };
    }

    // ---- row sources, narrowed by key where the filter allows

    private IntStream customers(FilterExpression filter) {
        return candidates(filter, "customer_id")
            .map(ids -> ids.stream()
                .map(BigDecimal::new)
                .filter(id -> id.scale() <= 0 || id.stripTrailingZeros().scale() <= 0)
                .map(id -> erp.customerIndex(id.toBigInteger().toString()))
                .filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt)
                .distinct()
                .sorted())
            .orElseGet(() -> IntStream.range(0, data.customerCount()));
    }

    private Stream<DistributorDataSet.Order> orders(FilterExpression filter) {
        Optional<Set<String>> numbers = candidates(filter, "order_no");
        if (numbers.isPresent()) {
            return numbers.get()
                .stream()
                .map(erp::orderSequence)
                .filter(OptionalInt::isPresent)
                .map(seq -> data.order(seq.getAsInt()))
                .flatMap(Optional::stream);
        }
        if (candidates(filter, "customer_id").isPresent()) {
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

    private Stream<String> items(FilterExpression filter) {
        Optional<Set<String>> ids = candidates(filter, "item_id");
        if (ids.isPresent()) {
            return ids.get()
                .stream()
                .map(id -> skuIndex.get(id.trim().toUpperCase(Locale.ROOT)))
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .map(skus::get);
        }
        Optional<Set<String>> uids = candidates(filter, "inv_mast_uid");
        if (uids.isPresent()) {
            return uids.get()
                .stream()
                .map(uid -> new BigDecimal(uid).subtract(BigDecimal.valueOf(FIRST_ITEM_UID)))
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
                order.customerPo(), "web_reference_no", created.reference(order.sequence()).orElse(null), "taker",
                TAKERS[order.sequence() % TAKERS.length], "ship_to_id", customerId, "ship2_name",
                data.customer(order.customerIndex()).map(DistributorDataSet.Customer::name).orElse(null), "ship2_city",
                data.customer(order.customerIndex()).map(DistributorDataSet.Customer::city).orElse(null), "completed",
                flag(status == OrderStatus.INVOICED), "cancel_flag", flag(status == OrderStatus.CANCELLED),
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

    /**
     * P21's locations: one per warehouse of the data set, its branch id the warehouse
     * code, and a closed branch (deleted) that must not show.
     */
    private Stream<Map<String, Object>> locations() {
        Stream<Map<String, Object>> open = data.warehouses()
            .stream()
            .map(warehouse -> row("location_id", P21SandboxErp.LOCATIONS.get(warehouse.code()), "company_id", "DC1",
                    "location_name", warehouse.name(), "default_branch_id", warehouse.code(), "delete_flag", "N"));
        return Stream.concat(open, Stream.of(row("location_id", P21SandboxErp.CLOSED_LOCATION, "company_id", "DC1",
                "location_name", "Akron Branch (closed)", "default_branch_id", "AKR", "delete_flag", "Y")));
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

    static LocalDateTime midnight(LocalDate date) {
        return date == null ? null : date.atStartOfDay();
    }

    private static String flag(boolean value) {
        return value ? "Y" : "N";
    }

    static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    /**
     * The values a column is restricted to by the filter (every matching row has one of
     * them; numbers in their literal's text), or empty if the filter does not pin it
     * down.
     */
    private static Optional<Set<String>> candidates(FilterExpression filter, String column) {
        return Optional.ofNullable(filter.candidates(column));
    }

    static Map<String, Class<?>> columns(Object... namesAndTypes) {
        Map<String, Class<?>> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put((String) namesAndTypes[i], (Class<?>) namesAndTypes[i + 1]);
        }
        return Collections.unmodifiableMap(columns);
    }

}
