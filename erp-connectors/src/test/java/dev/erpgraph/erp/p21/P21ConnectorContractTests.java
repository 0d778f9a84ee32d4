package dev.erpgraph.erp.p21;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.erpgraph.erp.ConnectorContractTest;
import dev.erpgraph.erp.ContractFacts.Paging;
import dev.erpgraph.erp.ContractFacts;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.DataSetFacts;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.MutableClock;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.p21.P21SandboxErp;
import dev.erpgraph.sandbox.p21.P21SandboxTables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The P21 connector against its sandbox over real HTTP: the shared contract, and P21's
 * own requests (OData {@code or} chains under the query-string limit, the item join,
 * {@code $skip} paging, the transaction API, both token grants). Connectors are built per
 * test (fresh token, generous timeout for a loaded build machine) from the same demo
 * configuration the gateway uses.
 */
class P21ConnectorContractTests extends ConnectorContractTest {

    P21ConnectorContractTests() {
        super("p21", ErpKind.EPICOR_P21, new P21ConnectorFactory(),
                EnumSet.of(ErpCapability.PRICE_BREAKS, ErpCapability.PER_WAREHOUSE_STOCK,
                        ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE, ErpCapability.SHIPMENTS,
                        ErpCapability.INVOICES));
    }

    /** P21 pages by {@code $top}/{@code $skip} of {@code pageSize} rows. */
    /**
     * A pick ticket names its order, not its customer: the customers' order numbers are
     * chained into the pick ticket read, which IIS's query-string limit cuts.
     */
    @Override
    protected boolean documentsChunkByOrders() {
        return true;
    }

    @Override
    protected MissingResource missingResource() {
        // A price view the OData service does not publish: P21 answers 404 "Resource not
        // found for the segment".
        ContractFacts.Prices prices = facts().prices();
        return new MissingResource("priceView", "no_such_price_view",
                connector -> connector
                    .prices(Set.of(new PriceKey(prices.customerNumber(), prices.sku(), BigDecimal.ONE))),
                connector -> connector
                    .prices(Set.of(new PriceKey(prices.customerNumber(), "NO-SUCH-ITEM-1", BigDecimal.ONE))));
    }

    @Override
    protected ContractFacts facts() {
        DataSetFacts facts = new DataSetFacts(sandbox("p21"));
        int withOrders = facts.customerWithOrders(3, order -> true);
        return new ContractFacts(customer(withOrders), facts.orders(withOrders, order -> true), facts.customers(10, 5),
                "999999", new Paging(Map.of("pageSize", "7"), 7, facts.customers(0, 10)), facts.stock(facts.skus(3)),
                facts.prices(false), facts.credit(terms -> terms), facts.order());
    }

    private static final List<String> HOSTILE = List.of("1' or '1'='1", "x) or (1 eq 1", "'; drop table customer",
            "A' or SoldToParty ne '", "100001 or customer_id ne 0", "100001)");

    // ---- fixtures

    private P21Connector p21() {
        return p21(Map.of(), Clock.systemDefaultZone());
    }

    private P21Connector p21(Map<String, String> options) {
        return p21(options, Clock.systemDefaultZone());
    }

    private P21Connector p21(Map<String, String> options, Clock clock) {
        return p21(options, clock, demoSystem("p21").auth());
    }

    private P21Connector p21(Map<String, String> options, Clock clock, ErpAuthProperties auth) {
        return new P21Connector(connectorSettings("p21", auth, 4, options), connectorHttp("p21"), clock);
    }

    private DistributorDataSet data() {
        return sandbox("p21").data();
    }

    private Map<String, Long> requests() {
        return sandbox("p21").stats().snapshot().byResource();
    }

    private static String customer(int index) {
        return String.valueOf(100_000 + index);
    }

    private static String orderNo(int sequence) {
        return String.valueOf(1_010_000 + sequence);
    }

    private int customerWithOrders(int minimum, boolean onHold) {
        return IntStream.range(0, DistributorDataSet.CUSTOMERS)
            .filter(i -> data().ordersOf(i).size() >= minimum && data().customer(i).orElseThrow().onHold() == onHold)
            .findFirst()
            .orElseThrow();
    }

    private void faults(String json) {
        http().put()
            .uri("/sandbox/p21/_admin/faults")
            .header("Content-Type", "application/json")
            .body(json)
            .retrieve()
            .toBodilessEntity();
    }

    // ---- the demo wiring

    // ---- orders

    @Test
    void ordersOfTwentyCustomersTakeOneHeaderRequestAndOneLineAndItemRequestPerLengthChunk() {
        Set<String> customers = IntStream.range(0, 20)
            .mapToObj(P21ConnectorContractTests::customer)
            .collect(Collectors.toSet());

        ErpBatch<String, List<SalesOrder>> batch = p21().orders(customers, OrderQuery.latest(3));

        List<DistributorDataSet.Order> expected = IntStream.range(0, 20)
            .mapToObj(i -> data().ordersOf(i).stream().limit(3))
            .flatMap(s -> s)
            .toList();
        for (int i = 0; i < 20; i++) {
            assertThat(batch.values().get(customer(i))).extracting(SalesOrder::number)
                .containsExactlyElementsOf(
                        data().ordersOf(i).stream().limit(3).map(o -> orderNo(o.sequence())).toList());
        }
        // 20 customer ids fit one $filter; the lines' and items' or-chains are cut only
        // by the query-string limit.
        int lineChunks = P21ODataFilter
            .anyOf(expected.stream().map(o -> P21ODataFilter.eq("order_no", orderNo(o.sequence()))).toList(), null,
                    1800)
            .size();
        P21SandboxTables tables = new P21SandboxTables(data(), (P21SandboxErp) sandbox("p21").erp(),
                sandbox("p21").createdOrders());
        int itemChunks = P21ODataFilter
            .anyOf(expected.stream()
                .flatMap(o -> o.lines().stream())
                .map(l -> tables.uid(l.sku()))
                .distinct()
                .map(uid -> P21ODataFilter.eq("inv_mast_uid", uid))
                .toList(), null, 1800)
            .size();
        // The lines' location codes: P21's location table, read once for a new connector.
        assertThat(requests()).containsExactlyInAnyOrderEntriesOf(Map.of("token", 1L, "orders", 1L, "order-lines",
                (long) lineChunks, "items", (long) itemChunks, "locations", 1L));
        assertThat(lineChunks).isEqualTo(2);
    }

    @Test
    void ordersCarryTheDataSetsStatusesDatesAndExactAmounts() {
        Set<String> customers = IntStream.range(0, 60)
            .mapToObj(P21ConnectorContractTests::customer)
            .collect(Collectors.toSet());

        ErpBatch<String, List<SalesOrder>> batch = p21().orders(customers, new OrderQuery(Set.of(), null, 100));

        Set<OrderStatus> seen = new LinkedHashSet<>();
        for (int i = 0; i < 60; i++) {
            List<DistributorDataSet.Order> expected = data().ordersOf(i);
            List<SalesOrder> actual = batch.values().get(customer(i));
            assertThat(actual).hasSize(expected.size());
            for (int n = 0; n < expected.size(); n++) {
                DistributorDataSet.Order want = expected.get(n);
                SalesOrder got = actual.get(n);
                assertThat(got.number()).isEqualTo(orderNo(want.sequence()));
                assertThat(got.customerNumber()).isEqualTo(customer(i));
                assertThat(got.status()).as("status of %s", got.number()).isEqualTo(status(want));
                assertThat(got.orderDate()).isEqualTo(want.orderDate());
                assertThat(got.requestedDeliveryDate()).isEqualTo(want.requestedDate());
                assertThat(got.total()).isEqualTo(new Money(want.total(), "USD"));
                assertThat(got.lines()).hasSize(want.lines().size());
                DistributorDataSet.OrderLine wantLine = want.lines().get(0);
                SalesOrderLine gotLine = got.lines().get(0);
                assertThat(gotLine.sku()).isEqualTo(wantLine.sku());
                assertThat(gotLine.description()).isEqualTo(wantLine.description());
                assertThat(gotLine.quantity()).isEqualByComparingTo(wantLine.quantity());
                assertThat(gotLine.shippedQuantity()).isEqualByComparingTo(wantLine.shippedQuantity());
                assertThat(gotLine.unitPrice()).isEqualTo(new Money(wantLine.unitPrice(), "USD"));
                assertThat(gotLine.amount()).isEqualTo(new Money(wantLine.amount(), "USD"));
                assertThat(gotLine.warehouse()).isEqualTo(wantLine.warehouse());
                seen.add(got.status());
            }
        }
        assertThat(seen).contains(OrderStatus.OPEN, OrderStatus.INVOICED, OrderStatus.CANCELLED, OrderStatus.SHIPPED,
                OrderStatus.PARTIALLY_SHIPPED);
    }

    @Test
    void pagingFollowsSkipUntilTheCountIsReached() {
        Set<String> customers = IntStream.range(0, 10)
            .mapToObj(P21ConnectorContractTests::customer)
            .collect(Collectors.toSet());
        OrderQuery query = new OrderQuery(Set.of(), null, 100);
        ErpBatch<String, List<SalesOrder>> unpaged = p21().orders(customers, query);
        long headers = unpaged.values().values().stream().mapToLong(List::size).sum();
        sandbox("p21").stats().reset();

        ErpBatch<String, List<SalesOrder>> paged = p21(Map.of("pageSize", "7")).orders(customers, query);

        assertThat(paged.values()).isEqualTo(unpaged.values());
        assertThat(requests().get("orders")).isEqualTo((headers + 6) / 7);
        assertThat(requests().get("order-lines")).isGreaterThan(requests().get("orders"));
    }

    @Test
    void manyCustomersAreChunkedBelowTheQueryStringLimit() {
        Set<String> customers = IntStream.range(0, 300)
            .mapToObj(P21ConnectorContractTests::customer)
            .collect(Collectors.toSet());

        ErpBatch<String, List<SalesOrder>> batch = p21().orders(customers, OrderQuery.latest(1));

        assertThat(batch.values()).hasSize(300);
        assertThat(requests().get("orders")).isBetween(2L, 10L);
        for (int i = 0; i < 300; i++) {
            assertThat(batch.values().get(customer(i))).hasSize(Math.min(1, data().ordersOf(i).size()));
        }
    }

    @Test
    void statusAndDateFiltersKeepOnlyMatchingOrdersNewestFirst() {
        Set<String> customers = IntStream.range(0, 200)
            .mapToObj(P21ConnectorContractTests::customer)
            .collect(Collectors.toSet());
        LocalDate since = DistributorDataSet.AS_OF.minusDays(45);
        OrderQuery query = new OrderQuery(Set.of(OrderStatus.OPEN, OrderStatus.PARTIALLY_SHIPPED), since, 2);

        ErpBatch<String, List<SalesOrder>> batch = p21().orders(customers, query);

        int found = 0;
        for (int i = 0; i < 200; i++) {
            List<String> expected = data().ordersOf(i)
                .stream()
                .filter(o -> query.statuses().contains(status(o)) && !o.orderDate().isBefore(since))
                .limit(2)
                .map(o -> orderNo(o.sequence()))
                .toList();
            assertThat(batch.values().get(customer(i))).extracting(SalesOrder::number)
                .containsExactlyElementsOf(expected);
            found += expected.size();
        }
        assertThat(found).isPositive();
    }

    @Test
    void onHoldOrdersComeFromTheApprovalFlag() {
        int index = IntStream.range(0, DistributorDataSet.CUSTOMERS)
            .filter(i -> data().ordersOf(i).stream().anyMatch(o -> status(o) == OrderStatus.ON_HOLD))
            .findFirst()
            .orElseThrow();

        List<SalesOrder> orders = p21()
            .orders(Set.of(customer(index)), new OrderQuery(Set.of(OrderStatus.ON_HOLD), null, 100))
            .values()
            .get(customer(index));

        assertThat(orders).isNotEmpty().allMatch(order -> order.status() == OrderStatus.ON_HOLD);
        assertThat(orders)
            .hasSize((int) data().ordersOf(index).stream().filter(o -> status(o) == OrderStatus.ON_HOLD).count());
    }

    @Test
    void ordersByNumberReadsHeadersLinesAndItemsOnce() {
        ErpBatch<String, SalesOrder> batch = p21()
            .ordersByNumber(Set.of(orderNo(1), orderNo(2), orderNo(3), "9999999"));

        assertThat(batch.values().keySet()).containsExactlyInAnyOrder(orderNo(1), orderNo(2), orderNo(3));
        assertThat(batch.values().get(orderNo(2)).lines()).hasSize(data().order(2).orElseThrow().lines().size());
        assertThat(requests()).containsExactlyInAnyOrderEntriesOf(
                Map.of("token", 1L, "orders", 1L, "order-lines", 1L, "items", 1L, "locations", 1L));
    }

    @Test
    void anUnknownCustomerNeverFailsTheKnownOnes() {
        int known = customerWithOrders(2, false);

        ErpBatch<String, List<SalesOrder>> batch = p21().orders(Set.of(customer(known), "999999", "ACME-1"),
                OrderQuery.latest(5));

        assertThat(batch.failures()).isEmpty();
        assertThat(batch.values().get(customer(known))).isNotEmpty();
        assertThat(batch.values().get("999999")).isEmpty();
        assertThat(batch.values()).doesNotContainKey("ACME-1");
    }

    // ---- hostile values

    @Test
    void hostileCustomerNumbersAreUnknownAndNeverSent() {
        int known = customerWithOrders(1, false);
        Set<String> keys = new LinkedHashSet<>(HOSTILE);
        keys.add(customer(known));

        ErpBatch<String, List<SalesOrder>> orders = p21().orders(keys, OrderQuery.latest(100));
        ErpBatch<String, CreditStatus> credit = p21().credit(keys);

        assertThat(orders.values().keySet()).containsExactly(customer(known));
        assertThat(orders.values().get(customer(known))).allMatch(o -> o.customerNumber().equals(customer(known)))
            .hasSize(data().ordersOf(known).size());
        assertThat(credit.values().keySet()).containsExactly(customer(known));
        assertThat(p21().orders(new LinkedHashSet<>(HOSTILE), OrderQuery.latest(5)).values()).isEmpty();
    }

    @Test
    void hostileOrderNumbersSkusAndPricesNeverWidenTheQuery() {
        Set<String> numbers = new LinkedHashSet<>(HOSTILE);
        numbers.add(orderNo(5) + "' or order_no ne '");
        numbers.add(orderNo(5));
        Set<String> skus = new LinkedHashSet<>(HOSTILE);
        skus.add("PVC-10000' or item_id ne '");
        skus.add("PVC-10000");

        assertThat(p21().ordersByNumber(numbers).values().keySet()).containsExactly(orderNo(5));
        assertThat(p21().stock(skus, null).values().keySet()).containsExactly("PVC-10000");
        Set<PriceKey> keys = new LinkedHashSet<>();
        skus.forEach(sku -> keys.add(new PriceKey(customer(1), sku, BigDecimal.ONE)));
        HOSTILE.forEach(c -> keys.add(new PriceKey(c, "PVC-10000", BigDecimal.ONE)));
        assertThat(p21().prices(keys).values().keySet())
            .containsExactly(new PriceKey(customer(1), "PVC-10000", BigDecimal.ONE));
    }

    // ---- credit

    @Test
    void creditIsReadForAllCustomersInOneRequest() {
        int held = IntStream.range(0, 1200)
            .filter(i -> data().customer(i).orElseThrow().onHold())
            .findFirst()
            .orElseThrow();
        Set<String> keys = new LinkedHashSet<>(List.of(customer(0), customer(1), customer(held), "999999"));

        ErpBatch<String, CreditStatus> batch = p21().credit(keys);

        assertThat(requests()).containsExactlyInAnyOrderEntriesOf(Map.of("token", 1L, "credit", 1L));
        assertThat(batch.values().keySet()).containsExactlyInAnyOrder(customer(0), customer(1), customer(held));
        DistributorDataSet.Customer zero = data().customer(0).orElseThrow();
        CreditStatus credit = batch.values().get(customer(0));
        assertThat(credit.creditLimit()).isEqualTo(new Money(zero.creditLimit(), "USD"));
        assertThat(credit.balance()).isEqualTo(new Money(zero.balance(), "USD"));
        assertThat(credit.available()).isEqualTo(new Money(zero.creditLimit().subtract(zero.balance()), "USD"));
        assertThat(credit.onHold()).isEqualTo(zero.onHold());
        assertThat(credit.paymentTerms()).isEqualTo(zero.paymentTerms());
        assertThat(batch.values().get(customer(held)).onHold()).isTrue();
    }

    // ---- stock

    @Test
    void stockIsPerLocationMappedToWarehouseCodes() {
        List<String> skus = data().items().stream().limit(30).map(DistributorDataSet.Item::sku).toList();

        ErpBatch<String, List<StockLevel>> batch = p21().stock(new LinkedHashSet<>(skus), null);

        // The location codes come from P21's location table, read once for the
        // connector.
        assertThat(requests())
            .containsExactlyInAnyOrderEntriesOf(Map.of("token", 1L, "items", 1L, "inventory", 1L, "locations", 1L));
        for (String sku : skus) {
            List<StockLevel> expected = new ArrayList<>();
            data().stock(sku).forEach(s -> expected.add(new StockLevel(sku, s.warehouse(), s.onHand(), s.available())));
            assertThat(batch.values().get(sku)).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void locationCodesAreReadFromTheLocationTableOnceAndLeaveDeletedOnesOut() {
        P21Connector connector = p21();
        String sku = data().items().iterator().next().sku();

        connector.stock(Set.of(sku), null);
        connector.stock(Set.of(sku), "DET");
        List<StockLevel> levels = connector.stock(Set.of(sku), null).values().get(sku);

        assertThat(levels).extracting(StockLevel::warehouse)
            .containsExactlyInAnyOrderElementsOf(
                    data().stock(sku).stream().map(DistributorDataSet.Stock::warehouse).toList());
        assertThat(requests()).containsEntry("locations", 1L).containsEntry("inventory", 3L);
        // The closed branch's code is not a location any more.
        assertThat(connector.stock(Set.of(sku), "AKR").values().get(sku)).isEmpty();
    }

    @Test
    void configuredLocationsWinAndTheTableIsNeverRead() {
        String sku = data().items().iterator().next().sku();

        List<StockLevel> levels = p21(Map.of("locations", "10=CLEVELAND")).stock(Set.of(sku), "CLEVELAND")
            .values()
            .get(sku);

        DistributorDataSet.Stock cle = data().stock(sku, "CLE").orElseThrow();
        assertThat(levels).containsExactly(new StockLevel(sku, "CLEVELAND", cle.onHand(), cle.available()));
        assertThat(requests()).doesNotContainKey("locations");
    }

    @Test
    void stockOfOneWarehouseFiltersByItsLocationId() {
        String sku = data().items().iterator().next().sku();

        ErpBatch<String, List<StockLevel>> batch = p21().stock(Set.of(sku, "NOPE-1"), "CLE");

        DistributorDataSet.Stock cle = data().stock(sku, "CLE").orElseThrow();
        assertThat(batch.values()).containsOnlyKeys(sku);
        assertThat(batch.values().get(sku)).containsExactly(new StockLevel(sku, "CLE", cle.onHand(), cle.available()));
        assertThat(p21().stock(Set.of(sku), "XYZ").values().get(sku)).isEmpty();
    }

    // ---- query-string chunks side by side

    /** Long enough that requests sent one after another could not overlap by chance. */
    private static final long LATENCY_MS = 300;

    @Test
    void theQueryStringChunksOfABatchAreSentSideBySideAtMostFourAtOnce() {
        Set<String> customers = IntStream.range(0, 300)
            .mapToObj(P21ConnectorContractTests::customer)
            .collect(Collectors.toSet());
        long chunks = P21ODataFilter
            .anyOf(IntStream.range(0, 300).mapToObj(i -> P21ODataFilter.eq("customer_id", 100_000L + i)).toList(), null,
                    1800)
            .size();
        P21Connector sideBySide = p21();
        P21Connector inTurn = p21(Map.of("maxParallelRequests", "1"));
        sideBySide.credit(Set.of(customer(0))); // tokens outside the counted window
        inTurn.credit(Set.of(customer(0)));
        sandbox("p21").faults(SandboxFaults.defaults(LATENCY_MS, 0));

        sandbox("p21").stats().reset();
        long inTurnFrom = System.nanoTime();
        Map<String, CreditStatus> readInTurn = inTurn.credit(customers).values();
        assertThat(requests()).containsExactlyEntriesOf(Map.of("credit", chunks));
        assertThat(mostAtOnce("p21", inTurnFrom, "/table/customer")).isEqualTo(1);

        sandbox("p21").stats().reset();
        long sideBySideFrom = System.nanoTime();
        Map<String, CreditStatus> readSideBySide = sideBySide.credit(customers).values();
        assertThat(requests()).containsExactlyEntriesOf(Map.of("credit", chunks));
        assertThat(mostAtOnce("p21", sideBySideFrom, "/table/customer")).isBetween(2, 4);
        assertThat(readSideBySide).isEqualTo(readInTurn).hasSize(300);
        assertThat(chunks).isGreaterThan(4);
    }

    // ---- prices

    @Test
    void pricesComeFromThePriceViewWithBreaksInOneRequest() {
        DistributorDataSet.Item item = data().items()
            .stream()
            .filter(i -> i.breaks().size() == 3)
            .findFirst()
            .orElseThrow();
        PriceKey one = new PriceKey(customer(7), item.sku(), BigDecimal.ONE);
        PriceKey sixty = new PriceKey(customer(7), item.sku(), new BigDecimal("60"));
        PriceKey other = new PriceKey(customer(8), item.sku(), new BigDecimal("10"));

        ErpBatch<PriceKey, ItemPrice> batch = p21()
            .prices(Set.of(one, sixty, other, new PriceKey(customer(7), "NOPE-1", BigDecimal.ONE)));

        assertThat(requests()).containsExactlyInAnyOrderEntriesOf(Map.of("token", 1L, "prices", 1L));
        assertThat(batch.values()).containsOnlyKeys(one, sixty, other);
        for (PriceKey key : List.of(one, sixty, other)) {
            int index = Integer.parseInt(key.customerNumber()) - 100_000;
            assertThat(batch.values().get(key).unitPrice().amount())
                .isEqualByComparingTo(data().unitPrice(index, item.sku(), key.quantity()).orElseThrow());
            assertThat(batch.values().get(key).listPrice().amount()).isEqualByComparingTo(item.listPrice());
        }
        assertThat(batch.values().get(sixty).breaks()).extracting(PriceBreak::minimumQuantity)
            .usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("10"), new BigDecimal("50"), new BigDecimal("100"));
    }

    // ---- create

    @Test
    void createdOrderIsReadableByItsNumber() {
        int index = IntStream.range(0, 1200)
            .filter(i -> !data().customer(i).orElseThrow().onHold())
            .findFirst()
            .orElseThrow();
        List<String> skus = data().items().stream().limit(2).map(DistributorDataSet.Item::sku).toList();
        LocalDate requested = LocalDate.now().plusDays(14);
        SalesOrderRequest request = new SalesOrderRequest("opp-" + System.nanoTime(), customer(index), null, requested,
                List.of(new SalesOrderRequest.Line(skus.get(0), new BigDecimal("5"), "CMH"),
                        new SalesOrderRequest.Line(skus.get(1), new BigDecimal("12"), null)));
        P21Connector p21 = p21();

        String number = p21.createSalesOrder(request);

        SalesOrder order = p21.ordersByNumber(Set.of(number)).values().get(number);
        assertThat(order.customerNumber()).isEqualTo(customer(index));
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.requestedDeliveryDate()).isEqualTo(requested);
        assertThat(order.lines()).extracting(SalesOrderLine::sku).containsExactlyElementsOf(skus);
        assertThat(order.lines()).extracting(SalesOrderLine::warehouse).containsExactly("CMH", "CMH");
        assertThat(order.lines().get(0).unitPrice().amount())
            .isEqualByComparingTo(data().unitPrice(index, skus.get(0), new BigDecimal("5")).orElseThrow());
        assertThat(requests()).containsEntry("router", 1L).containsEntry("create-order", 1L);

        assertThat(p21.createSalesOrder(request)).as("a retried create finds the first order by its PO")
            .isEqualTo(number);
        assertThat(requests()).containsEntry("create-order", 1L).containsEntry("router", 1L);
    }

    @Test
    void creditHoldAndUnknownItemsAreRejectedWithTheErpsMessage() {
        int held = IntStream.range(0, 1200)
            .filter(i -> data().customer(i).orElseThrow().onHold())
            .findFirst()
            .orElseThrow();
        String sku = data().items().iterator().next().sku();

        ErpException hold = catchThrowableOfType(ErpException.class,
                () -> p21().createSalesOrder(new SalesOrderRequest("k-" + System.nanoTime(), customer(held), null, null,
                        List.of(new SalesOrderRequest.Line(sku, BigDecimal.ONE, null)))));
        ErpException item = catchThrowableOfType(ErpException.class,
                () -> p21().createSalesOrder(new SalesOrderRequest("k-" + System.nanoTime(), customer(firstNotOnHold()),
                        null, null, List.of(new SalesOrderRequest.Line("NOPE-1", BigDecimal.ONE, null)))));

        assertThat(hold.kind()).isEqualTo(ErpException.Kind.REJECTED);
        assertThat(hold.erpMessage())
            .isEqualTo("Customer " + customer(held) + " is on credit hold. The order cannot be saved.");
        assertThat(hold.erpSystemId()).isEqualTo("p21");
        assertThat(item.kind()).isEqualTo(ErpException.Kind.REJECTED);
        assertThat(item.erpMessage()).isEqualTo("Item ID 'NOPE-1' was not found.");
    }

    private int firstNotOnHold() {
        return IntStream.range(0, 1200)
            .filter(i -> !data().customer(i).orElseThrow().onHold())
            .findFirst()
            .orElseThrow();
    }

    // ---- tokens

    @Test
    void anExpiringTokenIsRefreshedBeforeTheErpRefusesIt() {
        MutableClock clock = new MutableClock(Instant.now());
        faults("{\"tokenTtlSeconds\": 600}");
        P21Connector p21 = p21(Map.of(), clock);
        p21.credit(Set.of(customer(1)));

        clock.advance(Duration.ofSeconds(550));
        p21.credit(Set.of(customer(1)));

        assertThat(requests()).containsEntry("token", 2L).containsEntry("credit", 2L);
    }

    @Test
    void aConsumerKeyGrantWorksToo() {
        P21Connector p21 = p21(Map.of(), Clock.systemDefaultZone(),
                new ErpAuthProperties(null, null, P21SandboxErp.DEMO_CONSUMER_KEY, null, null, null));

        assertThat(p21.credit(Set.of(customer(3))).values()).containsKey(customer(3));
    }

    @Test
    void wrongCredentialsAreUnauthorizedWithTheOAuthError() {
        P21Connector p21 = p21(Map.of(), Clock.systemDefaultZone(),
                new ErpAuthProperties(null, null, null, "P21API", "wrong", null));

        ErpException ex = catchThrowableOfType(ErpException.class, () -> p21.credit(Set.of(customer(3))));

        assertThat(ex.kind()).isEqualTo(ErpException.Kind.UNAUTHORIZED);
        assertThat(ex.erpMessage()).isEqualTo("invalid_grant: The user name or password is incorrect.");
    }

    // ---- faults and error bodies

    @Test
    void aRefusedQueryIsRejectedWithTheODataErrorMessage() {
        ErpException ex = catchThrowableOfType(ErpException.class,
                () -> p21(Map.of("creditHoldColumn", "credit_hold_code")).credit(Set.of(customer(1))));

        assertThat(ex.kind()).isEqualTo(ErpException.Kind.REJECTED);
        assertThat(ex.erpMessage())
            .isEqualTo("Could not find a property named 'credit_hold_code' on type 'P21.customer'.");
    }

}
