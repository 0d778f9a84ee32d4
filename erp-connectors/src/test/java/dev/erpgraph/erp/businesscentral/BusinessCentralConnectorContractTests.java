package dev.erpgraph.erp.businesscentral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.erpgraph.erp.ConnectorContractTest;
import dev.erpgraph.erp.ContractFacts.Paging;
import dev.erpgraph.erp.ContractFacts;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.DataSetFacts;
import dev.erpgraph.erp.DocumentFacts;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxFaults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Business Central connector against its sandbox over real HTTP: the shared contract,
 * and Business Central's own request shapes (one {@code or} filter, next links,
 * URL-length chunks, side-by-side reads, creates).
 */
class BusinessCentralConnectorContractTests extends ConnectorContractTest {

    private static final String ID = "business-central";

    BusinessCentralConnectorContractTests() {
        super(ID, ErpKind.BUSINESS_CENTRAL, new BusinessCentralConnectorFactory(),
                EnumSet.of(ErpCapability.PRICE_BREAKS, ErpCapability.PER_WAREHOUSE_STOCK,
                        ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE,
                        ErpCapability.CHANGE_EVENTS, ErpCapability.SHIPMENTS, ErpCapability.INVOICES));
    }

    /** Business Central keeps no cancelled orders: they are deleted. */
    /** BC has a shipment only once it is posted: one being picked is not there yet. */
    @Override
    protected DocumentFacts documentFacts() {
        return new DataSetFacts(sandbox(ID)).documents(false);
    }

    @Override
    protected MissingResource missingResource() {
        // A stock page the company does not have (its extension not installed): BC
        // answers
        // 404, and the stock must not read as "none".
        return new MissingResource("stockEntitySet", "noSuchStockPage",
                connector -> connector.stock(facts().stock().keySet(), null),
                connector -> connector.stock(Set.of("NO-SUCH-ITEM-1"), null));
    }

    @Override
    protected ContractFacts facts() {
        DataSetFacts facts = new DataSetFacts(bcSandbox());
        Predicate<DistributorDataSet.Order> shown = order -> status(order) != OrderStatus.CANCELLED;
        int withOrders = facts.customerWithOrders(3, shown);
        Set<String> paged = customersWithOrders(20).stream()
            .map(BusinessCentralConnectorContractTests::customer)
            .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ContractFacts(customer(withOrders), facts.orders(withOrders, shown), facts.customers(10, 5), "99999",
                new Paging(Map.of("maxPageSize", "7"), 7, paged), facts.stock(facts.skus(3)), facts.prices(false),
                facts.credit(terms -> terms), facts.order());
    }

    private ErpConnector bc() {
        return connector(ID);
    }

    private Sandbox bcSandbox() {
        return sandbox(ID);
    }

    private DistributorDataSet data() {
        return bcSandbox().data();
    }

    /** A connector on the demo system with extra options (page size, URL length). */
    private ErpConnector connectorWith(Map<String, String> options) {
        return new BusinessCentralConnectorFactory().create(connectorSettings(ID, options), connectorHttp(ID));
    }

    private static String customer(int index) {
        return String.valueOf(10_000 + 10 * index);
    }

    private Map<String, Long> requests() {
        return bcSandbox().stats().snapshot().byResource();
    }

    private int firstNotOnHold() {
        return IntStream.range(0, DistributorDataSet.CUSTOMERS)
            .filter(i -> !data().customer(i).orElseThrow().onHold())
            .findFirst()
            .orElseThrow();
    }

    private List<Integer> customersWithOrders(int count) {
        return IntStream.range(0, DistributorDataSet.CUSTOMERS)
            .filter(i -> data().ordersOf(i).stream().anyMatch(o -> status(o) != OrderStatus.CANCELLED))
            .limit(count)
            .boxed()
            .toList();
    }

    // ---- orders

    @Test
    void readsTwentyCustomersOrdersInOneRequestMatchingTheDataSet() {
        bc().credit(Set.of(customer(0))); // token and warm-up outside the counted window
        bcSandbox().stats().reset();
        List<Integer> indexes = customersWithOrders(20);
        Set<String> numbers = indexes.stream()
            .map(BusinessCentralConnectorContractTests::customer)
            .collect(Collectors.toSet());

        ErpBatch<String, List<SalesOrder>> batch = bc().orders(numbers, OrderQuery.latest(100));

        assertThat(batch.values()).containsOnlyKeys(numbers);
        // Which customers exist is read beside the orders, in the same round trip.
        assertThat(requests()).isEqualTo(Map.of("orders", 1L, "customers", 1L));
        for (int index : indexes) {
            List<DistributorDataSet.Order> expected = data().ordersOf(index)
                .stream()
                .filter(o -> status(o) != OrderStatus.CANCELLED)
                .toList();
            List<SalesOrder> orders = batch.values().get(customer(index));
            assertThat(orders).extracting(SalesOrder::number)
                .containsExactlyElementsOf(expected.stream().map(o -> String.valueOf(101_000 + o.sequence())).toList());
            assertThat(orders).extracting(SalesOrder::status)
                .containsExactlyElementsOf(expected.stream().map(order -> status(order)).toList());
        }
    }

    // ---- stock embedded in the orders' request (stockSource: standardApi)

    @Test
    void withTheStandardApisStockOrdersCarryTheirLinesStockInTheSameRequest() {
        ErpConnector standard = connectorWith(Map.of("stockSource", "standardApi"));
        // Token and the location codes (read once per connector) outside the counted
        // window.
        standard.orders(Set.of(customer(customersWithOrders(1).get(0))), OrderQuery.latest(1));
        bcSandbox().stats().reset();
        Set<String> numbers = customersWithOrders(20).stream()
            .map(BusinessCentralConnectorContractTests::customer)
            .collect(Collectors.toSet());

        ErpBatch<String, List<SalesOrder>> batch = standard.orders(numbers, OrderQuery.latest(5).withLineStock(true));

        assertThat(requests()).isEqualTo(Map.of("orders", 1L, "customers", 1L));
        List<SalesOrderLine> lines = batch.values()
            .values()
            .stream()
            .flatMap(List::stream)
            .flatMap(order -> order.lines().stream())
            .toList();
        assertThat(lines).isNotEmpty().allMatch(line -> line.stock() != null);
        Set<String> skus = lines.stream().map(SalesOrderLine::sku).collect(Collectors.toSet());
        Map<String, List<StockLevel>> readOnItsOwn = standard.stock(skus, null).values();
        lines.forEach(line -> assertThat(line.stock()).as(line.sku()).isEqualTo(readOnItsOwn.get(line.sku())));
        assertThat(readOnItsOwn.values()).allSatisfy(levels -> assertThat(levels).singleElement()
            .satisfies(level -> assertThat(level.warehouse()).isEqualTo("ALL")));
        assertThat(standard.capabilities()).contains(ErpCapability.EMBEDDED_LINE_STOCK)
            .doesNotContain(ErpCapability.PER_WAREHOUSE_STOCK);
    }

    @Test
    void theStandardApisStockIsTheCompanyTotalOfEveryLocation() {
        ErpConnector standard = connectorWith(Map.of("stockSource", "standardApi", "standardStockWarehouse", "TOTAL"));
        DistributorDataSet.Item item = data().items().iterator().next();
        BigDecimal total = data().stock(item.sku())
            .stream()
            .map(DistributorDataSet.Stock::onHand)
            .reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(standard.stock(Set.of(item.sku(), "NOPE' or number ne '"), null).values())
            .isEqualTo(Map.of(item.sku(), List.of(new StockLevel(item.sku(), "TOTAL", total, total))));
        assertThat(standard.stock(Set.of(item.sku()), "CLE").values()).isEqualTo(Map.of(item.sku(), List.of()));
    }

    @Test
    void withTheCustomStockPageOrdersNeverCarryStock() {
        Set<String> numbers = Set.of(customer(customersWithOrders(1).get(0)));

        ErpBatch<String, List<SalesOrder>> batch = bc().orders(numbers, OrderQuery.latest(5).withLineStock(true));

        assertThat(batch.values().values().stream().flatMap(List::stream).flatMap(order -> order.lines().stream()))
            .isNotEmpty()
            .allMatch(line -> line.stock() == null);
        assertThat(bc().capabilities()).doesNotContain(ErpCapability.EMBEDDED_LINE_STOCK);
    }

    @Test
    void mapsDatesDecimalsLinesAndLocationsExactly() {
        int index = customersWithOrders(1).get(0);
        DistributorDataSet.Order expected = data().ordersOf(index)
            .stream()
            .filter(o -> status(o) != OrderStatus.CANCELLED)
            .findFirst()
            .orElseThrow();

        SalesOrder order = bc().orders(Set.of(customer(index)), OrderQuery.latest(1))
            .values()
            .get(customer(index))
            .get(0);

        assertThat(order.number()).isEqualTo(String.valueOf(101_000 + expected.sequence()));
        assertThat(order.customerNumber()).isEqualTo(customer(index));
        assertThat(order.orderDate()).isEqualTo(expected.orderDate());
        assertThat(order.requestedDeliveryDate()).isEqualTo(expected.requestedDate());
        assertThat(order.total().amount()).isEqualByComparingTo(expected.total());
        assertThat(order.total().currency()).isEqualTo("USD");
        assertThat(order.lines()).hasSize(expected.lines().size());
        for (int i = 0; i < expected.lines().size(); i++) {
            DistributorDataSet.OrderLine want = expected.lines().get(i);
            SalesOrderLine line = order.lines().get(i);
            assertThat(line.lineNumber()).isEqualTo(want.lineNumber() * 10_000);
            assertThat(line.sku()).isEqualTo(want.sku());
            assertThat(line.quantity()).isEqualByComparingTo(want.quantity());
            assertThat(line.unitPrice().amount()).isEqualTo(want.unitPrice());
            assertThat(line.amount().amount()).isEqualTo(want.amount());
            assertThat(line.warehouse()).isEqualTo(want.warehouse());
        }
    }

    @Test
    void pagesAcrossSeveralPagesFollowingTheNextLink() {
        List<Integer> indexes = customersWithOrders(20);
        Set<String> numbers = indexes.stream()
            .map(BusinessCentralConnectorContractTests::customer)
            .collect(Collectors.toSet());
        long expectedOrders = indexes.stream()
            .mapToLong(i -> data().ordersOf(i).stream().filter(o -> status(o) != OrderStatus.CANCELLED).count())
            .sum();
        ErpConnector paged = connectorWith(Map.of("maxPageSize", "7"));
        paged.credit(Set.of(customer(0)));
        bcSandbox().stats().reset();

        ErpBatch<String, List<SalesOrder>> batch = paged.orders(numbers, OrderQuery.latest(100));

        assertThat(batch.values().values().stream().mapToLong(List::size).sum()).isEqualTo(expectedOrders);
        // One request per page begun: the sandbox sends a next link only when rows
        // follow, so a last page that is exactly full ends the read.
        assertThat(requests().get("orders")).isEqualTo((expectedOrders + 6) / 7).isGreaterThan(2L);
    }

    @Test
    void splitsTheOrFilterWhereTheUrlWouldGrowTooLong() {
        List<Integer> indexes = customersWithOrders(20);
        Set<String> numbers = indexes.stream()
            .map(BusinessCentralConnectorContractTests::customer)
            .collect(Collectors.toSet());
        ErpConnector split = connectorWith(Map.of("maxUrlLength", "450"));
        split.credit(Set.of(customer(0)));
        Map<String, List<SalesOrder>> whole = bc().orders(numbers, OrderQuery.latest(100)).values();
        bcSandbox().stats().reset();

        Map<String, List<SalesOrder>> chunked = split.orders(numbers, OrderQuery.latest(100)).values();

        assertThat(chunked).isEqualTo(whole);
        assertThat(requests().get("orders")).isGreaterThanOrEqualTo(3L);
    }

    @Test
    void appliesStatusDateAndLimitPerCustomerNewestFirst() {
        List<Integer> indexes = customersWithOrders(40);
        Set<String> numbers = indexes.stream()
            .map(BusinessCentralConnectorContractTests::customer)
            .collect(Collectors.toSet());
        LocalDate since = DistributorDataSet.AS_OF.minusDays(400);
        OrderQuery query = new OrderQuery(Set.of(OrderStatus.INVOICED, OrderStatus.SHIPPED), since, 2);

        Map<String, List<SalesOrder>> orders = bc().orders(numbers, query).values();

        assertThat(orders).containsOnlyKeys(numbers);
        for (int index : indexes) {
            List<String> expected = data().ordersOf(index)
                .stream()
                .filter(o -> (status(o) == OrderStatus.INVOICED || status(o) == OrderStatus.SHIPPED)
                        && !o.orderDate().isBefore(since))
                .limit(2)
                .map(o -> String.valueOf(101_000 + o.sequence()))
                .toList();
            assertThat(orders.get(customer(index))).extracting(SalesOrder::number).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void answersUnknownCustomersAsUnknownAndKnownOnesWithoutOrdersAsEmpty() {
        int withOrders = customersWithOrders(1).get(0);
        int withoutOrders = IntStream.range(0, DistributorDataSet.CUSTOMERS)
            .filter(i -> data().ordersOf(i).stream().allMatch(o -> status(o) == OrderStatus.CANCELLED))
            .findFirst()
            .orElseThrow();

        ErpBatch<String, List<SalesOrder>> batch = bc()
            .orders(Set.of(customer(withOrders), customer(withoutOrders), "99999", "10005"), OrderQuery.latest(5));

        assertThat(batch.values()).containsOnlyKeys(customer(withOrders), customer(withoutOrders));
        assertThat(batch.values().get(customer(withoutOrders))).isEmpty();
        assertThat(batch.failures()).isEmpty();
    }

    @Test
    void readsOrdersByNumber() {
        int index = customersWithOrders(1).get(0);
        DistributorDataSet.Order expected = data().ordersOf(index)
            .stream()
            .filter(o -> status(o) != OrderStatus.CANCELLED)
            .findFirst()
            .orElseThrow();
        String number = String.valueOf(101_000 + expected.sequence());

        ErpBatch<String, SalesOrder> batch = bc().ordersByNumber(Set.of(number, "999999", "x' or number ne '"));

        assertThat(batch.values()).containsOnlyKeys(number);
        assertThat(batch.values().get(number).customerNumber()).isEqualTo(customer(index));
    }

    @Test
    void hostileCustomerNumbersNeverWidenTheQuery() {
        int index = customersWithOrders(1).get(0);
        Set<String> keys = new LinkedHashSet<>(List.of(customer(index), "1' or '1'='1", "x) or (1 eq 1",
                "'; drop table", "A' or SoldToParty ne '", "A' or customerNumber ne '"));

        ErpBatch<String, List<SalesOrder>> orders = bc().orders(keys, OrderQuery.latest(100));
        ErpBatch<String, CreditStatus> credit = bc().credit(keys);

        assertThat(orders.values()).containsOnlyKeys(customer(index));
        assertThat(orders.values().get(customer(index)))
            .allSatisfy(o -> assertThat(o.customerNumber()).isEqualTo(customer(index)));
        assertThat(credit.values()).containsOnlyKeys(customer(index));
        assertThat(orders.failures()).isEmpty();
    }

    // ---- credit

    @Test
    void readsCreditWithHoldFlagAndPaymentTermsInOneRequest() {
        bc().credit(Set.of(customer(0)));
        bcSandbox().stats().reset();
        Set<String> numbers = IntStream.range(0, 30)
            .mapToObj(BusinessCentralConnectorContractTests::customer)
            .collect(Collectors.toSet());

        Map<String, CreditStatus> credit = bc().credit(numbers).values();

        assertThat(requests()).containsExactlyEntriesOf(Map.of("customers", 1L));
        for (int i = 0; i < 30; i++) {
            DistributorDataSet.Customer want = data().customer(i).orElseThrow();
            CreditStatus got = credit.get(customer(i));
            assertThat(got.creditLimit().amount()).isEqualTo(want.creditLimit());
            assertThat(got.balance().amount()).isEqualTo(want.balance());
            assertThat(got.available().amount()).isEqualTo(want.creditLimit().subtract(want.balance()));
            assertThat(got.onHold()).isEqualTo(want.onHold());
            assertThat(got.paymentTerms()).isEqualTo(want.paymentTerms());
        }
    }

    // ---- stock

    @Test
    void readsStockPerWarehouseAndForOneWarehouse() {
        List<String> skus = data().items().stream().limit(12).map(DistributorDataSet.Item::sku).toList();
        bc().credit(Set.of(customer(0)));
        bcSandbox().stats().reset();

        Map<String, List<StockLevel>> all = bc().stock(Set.copyOf(skus), null).values();
        Map<String, List<StockLevel>> cle = bc().stock(Set.of(skus.get(0), "NOPE-1"), "CLE").values();

        assertThat(all).containsOnlyKeys(skus);
        for (String sku : skus) {
            assertThat(all.get(sku)).extracting(StockLevel::warehouse)
                .containsExactlyInAnyOrderElementsOf(
                        data().stock(sku).stream().map(DistributorDataSet.Stock::warehouse).toList());
            for (StockLevel level : all.get(sku)) {
                DistributorDataSet.Stock want = data().stock(sku, level.warehouse()).orElseThrow();
                assertThat(level.onHand()).isEqualTo(want.onHand());
                assertThat(level.available()).isEqualTo(want.available());
            }
        }
        assertThat(cle).containsOnlyKeys(skus.get(0));
        assertThat(cle.get(skus.get(0))).singleElement().extracting(StockLevel::warehouse).isEqualTo("CLE");
        assertThat(requests()).containsEntry("inventory", 2L).containsEntry("items", 1L);
    }

    // ---- prices

    @Test
    void pricesFollowTheCustomersLadderAndIgnoreExpiredLines() {
        List<DistributorDataSet.Item> items = data().items().stream().limit(15).toList();
        Set<PriceKey> keys = new LinkedHashSet<>();
        for (int c = 0; c < 4; c++) {
            for (DistributorDataSet.Item item : items) {
                for (int quantity : new int[] { 1, 12, 60, 150 }) {
                    keys.add(new PriceKey(customer(c), item.sku(), BigDecimal.valueOf(quantity)));
                }
            }
        }
        keys.add(new PriceKey("99999", items.get(0).sku(), BigDecimal.ONE));
        keys.add(new PriceKey(customer(0), "NOPE-1", BigDecimal.ONE));
        keys.add(new PriceKey("1' or '1'='1", items.get(0).sku(), BigDecimal.ONE));

        Map<PriceKey, ItemPrice> prices = bc().prices(keys).values();

        assertThat(prices).hasSize(keys.size() - 3);
        for (Map.Entry<PriceKey, ItemPrice> entry : prices.entrySet()) {
            PriceKey key = entry.getKey();
            int index = (Integer.parseInt(key.customerNumber()) - 10_000) / 10;
            assertThat(entry.getValue().unitPrice().amount())
                .isEqualByComparingTo(data().unitPrice(index, key.sku(), key.quantity()).orElseThrow());
            assertThat(entry.getValue().listPrice().amount())
                .isEqualTo(data().item(key.sku()).orElseThrow().listPrice());
            assertThat(entry.getValue().breaks()).hasSize(data().item(key.sku()).orElseThrow().breaks().size());
        }
    }

    @Test
    void pricesAreBcsBestPriceOverCustomerPriceGroupAndAllCustomerLinesWithTheirBreaks() {
        int inGroup = firstCustomer(c -> c.discountPercent().signum() > 0 && c.index() % 2 == 0);
        int ownLines = firstCustomer(c -> c.discountPercent().signum() > 0 && c.index() % 2 == 1);
        int listOnly = firstCustomer(c -> c.discountPercent().signum() == 0);
        DistributorDataSet.Item item = data().items()
            .stream()
            .filter(candidate -> candidate.breaks().size() == 3)
            .findFirst()
            .orElseThrow();
        List<BigDecimal> quantities = List.of(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("49"),
                new BigDecimal("50"), new BigDecimal("100"), new BigDecimal("500"));
        Set<PriceKey> keys = new LinkedHashSet<>();
        for (int index : List.of(inGroup, ownLines, listOnly)) {
            quantities.forEach(quantity -> keys.add(new PriceKey(customer(index), item.sku(), quantity)));
        }

        Map<PriceKey, ItemPrice> prices = bc().prices(keys).values();

        assertThat(prices).hasSize(keys.size());
        for (PriceKey key : keys) {
            int index = (Integer.parseInt(key.customerNumber()) - 10_000) / 10;
            ItemPrice price = prices.get(key);
            assertThat(price.unitPrice().amount()).as(key.toString())
                .isEqualByComparingTo(data().unitPrice(index, key.sku(), key.quantity()).orElseThrow());
            assertThat(price.breaks()).extracting(PriceBreak::minimumQuantity)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.TEN, new BigDecimal("50"), new BigDecimal("100"));
            assertThat(price.breaks()).extracting(priceBreak -> priceBreak.unitPrice().amount())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(data().unitPrice(index, key.sku(), BigDecimal.TEN).orElseThrow(),
                        data().unitPrice(index, key.sku(), new BigDecimal("50")).orElseThrow(),
                        data().unitPrice(index, key.sku(), new BigDecimal("100")).orElseThrow());
        }
        // A customer without lines of its own still gets the all-customer breaks, not
        // the list price: those lines are BC's, not the customer's.
        PriceKey hundred = new PriceKey(customer(listOnly), item.sku(), new BigDecimal("100"));
        assertThat(prices.get(hundred).unitPrice().amount()).isLessThan(item.listPrice());
    }

    private int firstCustomer(Predicate<DistributorDataSet.Customer> test) {
        return IntStream.range(0, DistributorDataSet.CUSTOMERS)
            .filter(i -> test.test(data().customer(i).orElseThrow()))
            .findFirst()
            .orElseThrow();
    }

    // ---- independent requests side by side

    /** Long enough that requests sent one after another could not overlap by chance. */
    private static final long LATENCY_MS = 300;

    /**
     * At this URL limit the stock of the first 51 skus takes 4 requests (any limit from
     * 750 to 900 would).
     */
    private static final String FOUR_STOCK_CHUNKS = "825";

    @Test
    void sendsTheUrlLengthChunksOfABatchSideBySide() {
        Set<String> skus = data().items()
            .stream()
            .limit(51)
            .map(DistributorDataSet.Item::sku)
            .collect(Collectors.toSet());
        ErpConnector sideBySide = connectorWith(Map.of("maxUrlLength", FOUR_STOCK_CHUNKS));
        ErpConnector inTurn = connectorWith(Map.of("maxUrlLength", FOUR_STOCK_CHUNKS, "maxParallelRequests", "1"));
        sideBySide.credit(Set.of(customer(0))); // tokens outside the counted window
        inTurn.credit(Set.of(customer(0)));
        bcSandbox().faults(SandboxFaults.defaults(LATENCY_MS, 0));

        bcSandbox().stats().reset();
        long inTurnFrom = System.nanoTime();
        Map<String, List<StockLevel>> readInTurn = inTurn.stock(skus, null).values();
        assertThat(requests()).containsExactlyEntriesOf(Map.of("inventory", 4L));
        assertThat(mostAtOnce(ID, inTurnFrom, "/itemLocationStocks")).isEqualTo(1);

        bcSandbox().stats().reset();
        long sideBySideFrom = System.nanoTime();
        Map<String, List<StockLevel>> readSideBySide = sideBySide.stock(skus, null).values();
        assertThat(requests()).containsExactlyEntriesOf(Map.of("inventory", 4L));
        assertThat(mostAtOnce(ID, sideBySideFrom, "/itemLocationStocks")).isBetween(2, 4);
        assertThat(readSideBySide).isEqualTo(readInTurn).containsOnlyKeys(skus);
    }

    @Test
    void readsItemsAndPriceLinesSideBySide() {
        Set<PriceKey> keys = new LinkedHashSet<>();
        for (int c = 0; c < 3; c++) {
            for (DistributorDataSet.Item item : data().items().stream().limit(10).toList()) {
                keys.add(new PriceKey(customer(c), item.sku(), BigDecimal.valueOf(60)));
            }
        }
        keys.add(new PriceKey(customer(0), "NOPE-1", BigDecimal.ONE));
        ErpConnector inTurn = connectorWith(Map.of("maxParallelRequests", "1"));
        bc().credit(Set.of(customer(0)));
        inTurn.credit(Set.of(customer(0)));
        // Also starts the connector's helper thread: a thread still starting could lose
        // the race for the second
        // request to the caller, which would then send both in turn.
        bc().prices(keys);
        bcSandbox().faults(SandboxFaults.defaults(LATENCY_MS, 0));

        bcSandbox().stats().reset();
        long inTurnFrom = System.nanoTime();
        Map<PriceKey, ItemPrice> readInTurn = inTurn.prices(keys).values();
        Map<String, Long> requestsInTurn = requests();
        int mostInTurn = mostAtOnce(ID, inTurnFrom, "/items", "/customerPricing", "/customerPriceListLines");

        bcSandbox().stats().reset();
        long sideBySideFrom = System.nanoTime();
        Map<PriceKey, ItemPrice> readSideBySide = bc().prices(keys).values();

        // Items, the customers' price groups, their own lines and the shared lines: four
        // reads, none waiting for another.
        assertThat(requestsInTurn).containsEntry("items", 1L)
            .containsEntry("customers", 1L)
            .containsEntry("prices", 2L);
        assertThat(requests()).isEqualTo(requestsInTurn);
        assertThat(mostInTurn).isEqualTo(1);
        assertThat(mostAtOnce(ID, sideBySideFrom, "/items", "/customerPricing", "/customerPriceListLines"))
            .isEqualTo(4);
        assertThat(readSideBySide).isEqualTo(readInTurn).hasSize(keys.size() - 1);
    }

    // ---- create

    @Test
    void createsASalesOrderReadableAfterwardsAndRecognisesARetry() {
        int index = 3;
        String sku = data().items().iterator().next().sku();
        SalesOrderRequest request = new SalesOrderRequest("OPP-" + System.nanoTime() % 1_000_000_000L, customer(index),
                "PO-1", LocalDate.of(2026, 11, 20),
                List.of(new SalesOrderRequest.Line(sku, BigDecimal.valueOf(12), "DET")));

        String number = bc().createSalesOrder(request);
        String again = bc().createSalesOrder(request);

        assertThat(again).isEqualTo(number);
        SalesOrder order = bc().ordersByNumber(Set.of(number)).values().get(number);
        assertThat(order.customerNumber()).isEqualTo(customer(index));
        assertThat(order.status())
            .isEqualTo(data().customer(index).orElseThrow().onHold() ? OrderStatus.ON_HOLD : OrderStatus.OPEN);
        assertThat(order.requestedDeliveryDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo(sku);
            assertThat(line.quantity()).isEqualByComparingTo("12");
            assertThat(line.warehouse()).isEqualTo("DET");
            assertThat(line.unitPrice().amount())
                .isEqualTo(data().unitPrice(index, sku, BigDecimal.valueOf(12)).orElseThrow());
        });
        assertThat(requests()).containsEntry("create-order", 1L);
    }

    @Test
    void rejectsAnOrderForAnUnknownItemWithBusinessCentralsMessage() {
        // A customer in good standing: BC refuses a blocked customer before it looks at
        // the lines.
        SalesOrderRequest request = new SalesOrderRequest("OPP-bad-item", customer(firstNotOnHold()), null, null,
                List.of(new SalesOrderRequest.Line("NOPE-1", BigDecimal.ONE, null)));

        assertThatThrownBy(() -> bc().createSalesOrder(request)).isInstanceOfSatisfying(ErpException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ErpException.Kind.REJECTED);
            assertThat(ex.erpSystemId()).isEqualTo(ID);
            assertThat(ex.erpMessage()).contains("The Item does not exist").contains("NOPE-1");
        });
    }

    // ---- tokens

    @Test
    void fetchesExactlyOneNewTokenAfterRevocation() {
        bc().credit(Set.of(customer(0)));
        bcSandbox().stats().reset();
        http().post().uri("/sandbox/" + ID + "/_admin/tokens/revoke").retrieve().toBodilessEntity();

        assertThat(bc().credit(Set.of(customer(1))).values()).containsOnlyKeys(customer(1));
        assertThat(bc().credit(Set.of(customer(2))).values()).containsOnlyKeys(customer(2));

        assertThat(requests()).containsEntry("token", 1L).containsEntry("customers", 2L);
        assertThat(bcSandbox().stats().snapshot().requests()).isEqualTo(4L); // 401,
                                                                             // token,
                                                                             // retry,
                                                                             // next call
    }

}
