package dev.erpgraph.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A distributor's ERP data, generated deterministically from a seed: customers, items,
 * warehouses (CLE is Cleveland), stock, two years of orders with 1 to 8 lines,
 * quantity-break price ladders and credit. It is ERP-neutral: each sandbox renders it in
 * its own ERP's wire format and numbering. It is mutable only through the sandbox admin
 * API (changes) and sales-order creates, and thread-safe.
 */
public final class DistributorDataSet {

    /** "Today" in the data set; fixed so that every run sees the same open orders. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    public static final int CUSTOMERS = 1_200;

    public static final int ITEMS = 320;

    public static final String CURRENCY = "USD";

    public record Warehouse(String code, String name, String city, String region) {
    }

    public record Item(String sku, String description, String unit, BigDecimal listPrice, List<QuantityBreak> breaks) {
    }

    /**
     * From {@code minimumQuantity} on, {@code discountPercent} off the customer's price.
     */
    public record QuantityBreak(BigDecimal minimumQuantity, BigDecimal discountPercent) {
    }

    public record Customer(int index, String name, String city, String region, BigDecimal creditLimit,
            BigDecimal balance, boolean onHold, String paymentTerms, BigDecimal discountPercent) {
    }

    public record Stock(String sku, String warehouse, BigDecimal onHand, BigDecimal allocated) {
        public BigDecimal available() {
            return onHand.subtract(allocated).max(BigDecimal.ZERO);
        }
    }

    public record OrderLine(int lineNumber, String sku, String description, BigDecimal quantity,
            BigDecimal shippedQuantity, BigDecimal unitPrice, String warehouse) {
        public BigDecimal amount() {
            return unitPrice.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /**
     * An order; {@code sequence} is ERP-neutral, each sandbox formats it into its own
     * document number.
     */
    public record Order(int sequence, int customerIndex, LocalDate orderDate, LocalDate requestedDate,
            OrderStatus status, String customerPo, List<OrderLine> lines) {
        public BigDecimal total() {
            return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::orderDate)
        .thenComparing(Order::sequence)
        .reversed();

    private static final List<Warehouse> WAREHOUSES = List.of(new Warehouse("CLE", "Cleveland DC", "Cleveland", "OH"),
            new Warehouse("CMH", "Columbus Branch", "Columbus", "OH"),
            new Warehouse("DET", "Detroit DC", "Detroit", "MI"),
            new Warehouse("PIT", "Pittsburgh Branch", "Pittsburgh", "PA"),
            new Warehouse("IND", "Indianapolis Branch", "Indianapolis", "IN"));

    private static final String[][] PRODUCT_LINES = { { "PVC", "PVC Sch 40 Pipe", "FT" },
            { "CPR", "Copper Type L Tube", "FT" }, { "VLV", "Brass Ball Valve", "EA" },
            { "FIT", "Press Fitting Elbow", "EA" }, { "WHT", "Gas Water Heater", "EA" },
            { "PMP", "Circulator Pump", "EA" }, { "THR", "Programmable Thermostat", "EA" },
            { "DCT", "Galvanized Duct", "EA" }, { "FLT", "Pleated Air Filter", "BX" },
            { "WIR", "THHN Copper Wire", "FT" }, { "BRK", "Circuit Breaker", "EA" }, { "CND", "EMT Conduit", "FT" },
            { "FAS", "Hex Bolt Zinc", "BX" }, { "SEA", "Pipe Thread Sealant", "EA" }, { "HNG", "Pipe Hanger", "EA" },
            { "FXT", "Commercial Faucet", "EA" } };

    private static final String[] SIZES = { "1/2\"", "3/4\"", "1\"", "1-1/4\"", "1-1/2\"", "2\"", "3\"", "4\"", "10 ga",
            "12 ga", "14 ga", "20A", "30A", "40 gal", "50 gal", "M8", "M10", "16x25", "20x25", "6\"" };

    private final Map<String, Item> items = new LinkedHashMap<>();

    private final List<Customer> customers;

    private final Map<String, Stock> stock = new ConcurrentHashMap<>();

    private final Map<Integer, Order> orders = new ConcurrentHashMap<>();

    /**
     * Each customer's order sequences: reading one customer's orders must not scan every
     * order there is.
     */
    private final Map<Integer, List<Integer>> sequencesByCustomer = new ConcurrentHashMap<>();

    private final AtomicInteger nextSequence;

    private final Map<Integer, Customer> changedCustomers = new ConcurrentHashMap<>();

    private final Map<String, BigDecimal> changedListPrices = new ConcurrentHashMap<>();

    public DistributorDataSet(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        generateItems(random);
        this.customers = DistributorCustomers.generate(random);
        generateStock(random);
        this.nextSequence = new AtomicInteger(generateOrders(random) + 1);
    }

    // ---- reads

    public List<Warehouse> warehouses() {
        return WAREHOUSES;
    }

    public Collection<Item> items() {
        return items.values();
    }

    public Optional<Item> item(String sku) {
        Item item = items.get(sku);
        if (item == null) {
            return Optional.empty();
        }
        BigDecimal changed = changedListPrices.get(sku);
        return Optional
            .of(changed == null ? item : new Item(item.sku(), item.description(), item.unit(), changed, item.breaks()));
    }

    public int customerCount() {
        return customers.size();
    }

    public Optional<Customer> customer(int index) {
        if (index < 0 || index >= customers.size()) {
            return Optional.empty();
        }
        return Optional.of(changedCustomers.getOrDefault(index, customers.get(index)));
    }

    /** Stock of a sku in every warehouse that carries it. */
    public List<Stock> stock(String sku) {
        List<Stock> levels = new ArrayList<>();
        for (Warehouse warehouse : WAREHOUSES) {
            Stock level = stock.get(stockKey(sku, warehouse.code()));
            if (level != null) {
                levels.add(level);
            }
        }
        return levels;
    }

    public Optional<Stock> stock(String sku, String warehouse) {
        return Optional.ofNullable(stock.get(stockKey(sku, warehouse)));
    }

    /** A customer's orders, newest first (by date, then sequence). */
    public List<Order> ordersOf(int customerIndex) {
        List<Order> ofCustomer = new ArrayList<>();
        for (int sequence : sequencesByCustomer.getOrDefault(customerIndex, List.of())) {
            Order order = orders.get(sequence);
            if (order != null) {
                ofCustomer.add(order);
            }
        }
        ofCustomer.sort(NEWEST_FIRST);
        return Collections.unmodifiableList(ofCustomer);
    }

    public Optional<Order> order(int sequence) {
        return Optional.ofNullable(orders.get(sequence));
    }

    /**
     * The customer's unit price for an item at a quantity: list price, less the
     * customer's and the break's discount.
     */
    public Optional<BigDecimal> unitPrice(int customerIndex, String sku, BigDecimal quantity) {
        Optional<Customer> customer = customer(customerIndex);
        Optional<Item> item = item(sku);
        if (customer.isEmpty() || item.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal breakDiscount = BigDecimal.ZERO;
        for (QuantityBreak level : item.get().breaks()) {
            if (quantity.compareTo(level.minimumQuantity()) >= 0) {
                breakDiscount = level.discountPercent();
            }
        }
        return Optional.of(discounted(customerPrice(customer.get(), item.get()), breakDiscount));
    }

    /** The customer's price before quantity breaks. */
    public BigDecimal customerPrice(Customer customer, Item item) {
        return discounted(item.listPrice(), customer.discountPercent());
    }

    public static BigDecimal discounted(BigDecimal price, BigDecimal percent) {
        return price.multiply(BigDecimal.valueOf(100).subtract(percent))
            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    // ---- changes (the admin API and sales-order creates)

    public void setOnHand(String sku, String warehouse, BigDecimal onHand) {
        stock.compute(stockKey(sku, warehouse), (key, old) -> new Stock(sku, warehouse, onHand,
                old == null ? BigDecimal.ZERO : old.allocated().min(onHand)));
    }

    public void setListPrice(String sku, BigDecimal listPrice) {
        if (items.containsKey(sku)) {
            changedListPrices.put(sku, listPrice);
        }
    }

    public void setCredit(int index, BigDecimal creditLimit, BigDecimal balance, Boolean onHold) {
        customer(index).ifPresent(old -> changedCustomers.put(index,
                new Customer(old.index(), old.name(), old.city(), old.region(),
                        creditLimit == null ? old.creditLimit() : creditLimit,
                        balance == null ? old.balance() : balance, onHold == null ? old.onHold() : onHold,
                        old.paymentTerms(), old.discountPercent())));
    }

    public void setOrderStatus(int sequence, OrderStatus status) {
        orders.computeIfPresent(sequence, (key, old) -> new Order(old.sequence(), old.customerIndex(), old.orderDate(),
                old.requestedDate(), status, old.customerPo(), old.lines()));
    }

    /** Enters a new open order at the customer's prices; answers its sequence. */
    public int createOrder(int customerIndex, String customerPo, LocalDate requestedDate, List<OrderLine> lines) {
        int sequence = nextSequence.getAndIncrement();
        enter(new Order(sequence, customerIndex, AS_OF, requestedDate, OrderStatus.OPEN, customerPo,
                List.copyOf(lines)));
        return sequence;
    }

    // ---- generation

    /**
     * Every item's sku, the same in every sandbox and for every seed: the demo CRM quotes
     * these on its opportunities, so their live prices resolve in any sandbox ERP.
     */
    public static List<String> skus() {
        List<String> skus = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            skus.add(sku(i));
        }
        return skus;
    }

    private static String sku(int i) {
        return PRODUCT_LINES[i % PRODUCT_LINES.length][0] + "-" + (10_000 + i * 7);
    }

    private void generateItems(SplittableRandom random) {
        for (int i = 0; i < ITEMS; i++) {
            String[] line = PRODUCT_LINES[i % PRODUCT_LINES.length];
            String sku = sku(i);
            String description = line[1] + " " + SIZES[random.nextInt(SIZES.length)];
            BigDecimal listPrice = BigDecimal.valueOf(150 + random.nextInt(90_000), 2);
            List<QuantityBreak> breaks = switch (i % 3) {
                case 0 -> List.of(new QuantityBreak(BigDecimal.valueOf(10), BigDecimal.valueOf(3)),
                        new QuantityBreak(BigDecimal.valueOf(50), BigDecimal.valueOf(6)),
                        new QuantityBreak(BigDecimal.valueOf(100), BigDecimal.valueOf(10)));
                case 1 -> List.of(new QuantityBreak(BigDecimal.valueOf(12), BigDecimal.valueOf(2)),
                        new QuantityBreak(BigDecimal.valueOf(144), BigDecimal.valueOf(8)));
                default -> List.of();
            };
            items.put(sku, new Item(sku, description, line[2], listPrice, breaks));
        }
    }

    private void generateStock(SplittableRandom random) {
        for (Item item : items.values()) {
            for (Warehouse warehouse : WAREHOUSES) {
                // Cleveland is the main DC and carries everything; branches carry most
                // items.
                if (warehouse.code().equals("CLE") || random.nextInt(100) < 75) {
                    BigDecimal onHand = BigDecimal.valueOf(random.nextInt(0, 600));
                    BigDecimal allocated = BigDecimal.valueOf(random.nextInt(0, onHand.intValue() / 3 + 1));
                    stock.put(stockKey(item.sku(), warehouse.code()),
                            new Stock(item.sku(), warehouse.code(), onHand, allocated));
                }
            }
        }
    }

    private int generateOrders(SplittableRandom random) {
        List<Item> itemList = List.copyOf(items.values());
        int sequence = 0;
        for (Customer customer : customers) {
            int count = random.nextInt(0, 11);
            for (int n = 0; n < count; n++) {
                sequence++;
                LocalDate orderDate = AS_OF.minusDays(random.nextInt(0, 730));
                long ageDays = AS_OF.toEpochDay() - orderDate.toEpochDay();
                OrderStatus status = statusFor(ageDays, customer.onHold(), random);
                int lineCount = random.nextInt(1, 9);
                List<OrderLine> lines = new ArrayList<>(lineCount);
                for (int l = 1; l <= lineCount; l++) {
                    Item item = itemList.get(random.nextInt(itemList.size()));
                    BigDecimal quantity = BigDecimal.valueOf(random.nextInt(1, 121));
                    BigDecimal shipped = switch (status) {
                        case SHIPPED, INVOICED -> quantity;
                        case PARTIALLY_SHIPPED -> l == 1
                                ? quantity.subtract(BigDecimal.ONE).max(BigDecimal.ONE).min(quantity) : BigDecimal.ZERO;
                        default -> BigDecimal.ZERO;
                    };
                    BigDecimal unitPrice = unitPrice(customer.index(), item.sku(), quantity).orElseThrow();
                    String warehouse = WAREHOUSES.get(random.nextInt(WAREHOUSES.size())).code();
                    lines
                        .add(new OrderLine(l, item.sku(), item.description(), quantity, shipped, unitPrice, warehouse));
                }
                if (status == OrderStatus.PARTIALLY_SHIPPED && lines.size() == 1) {
                    OrderLine only = lines.get(0);
                    BigDecimal half = only.quantity().divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
                    lines.set(0, new OrderLine(1, only.sku(), only.description(), only.quantity(), half,
                            only.unitPrice(), only.warehouse()));
                }
                enter(new Order(sequence, customer.index(), orderDate, orderDate.plusDays(random.nextInt(3, 21)),
                        status, "PO-" + (40_000 + sequence), List.copyOf(lines)));
            }
        }
        return sequence;
    }

    private void enter(Order order) {
        orders.put(order.sequence(), order);
        sequencesByCustomer.merge(order.customerIndex(), List.of(order.sequence()), (old, added) -> {
            List<Integer> both = new ArrayList<>(old);
            both.addAll(added);
            return List.copyOf(both);
        });
    }

    private static OrderStatus statusFor(long ageDays, boolean customerOnHold, SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 4) {
            return OrderStatus.CANCELLED;
        }
        if (ageDays > 60) {
            return OrderStatus.INVOICED;
        }
        if (customerOnHold && ageDays < 30) {
            return OrderStatus.ON_HOLD;
        }
        if (ageDays > 20) {
            return roll < 70 ? OrderStatus.INVOICED : OrderStatus.SHIPPED;
        }
        if (roll < 45) {
            return OrderStatus.OPEN;
        }
        return roll < 75 ? OrderStatus.PARTIALLY_SHIPPED : OrderStatus.SHIPPED;
    }

    private static String stockKey(String sku, String warehouse) {
        return sku + "@" + warehouse;
    }

}
