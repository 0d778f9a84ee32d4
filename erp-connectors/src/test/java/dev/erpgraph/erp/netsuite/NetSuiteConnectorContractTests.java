package dev.erpgraph.erp.netsuite;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import dev.erpgraph.erp.ConnectorContractTest;
import dev.erpgraph.erp.ContractFacts.Paging;
import dev.erpgraph.erp.ContractFacts;
import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.DataSetFacts;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.MutableClock;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.RecordingProxy;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.DistributorDataSet.OrderLine;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.netsuite.NetSuiteSandboxErp;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The NetSuite connector against the NetSuite sandbox over real HTTP: the shared
 * contract, and NetSuite's own statements (SuiteQL {@code IN} lists, paging, the
 * concurrency limit, creates through the record API).
 */
class NetSuiteConnectorContractTests extends ConnectorContractTest {

    private static final String ID = "netsuite";

    NetSuiteConnectorContractTests() {
        super(ID, ErpKind.NETSUITE, new NetSuiteConnectorFactory(),
                EnumSet.of(ErpCapability.PRICE_BREAKS, ErpCapability.PER_WAREHOUSE_STOCK,
                        ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE, ErpCapability.SHIPMENTS,
                        ErpCapability.INVOICES, ErpCapability.SHIPMENT_TRACKING));
    }

    /** NetSuite names its terms records; its order pages are set by {@code page-size}. */
    @Override
    protected MissingResource missingResource() {
        // A customer price table the account does not have: NetSuite refuses the
        // statement with "Record '...' was not found."
        ContractFacts.Prices prices = facts().prices();
        return new MissingResource("customer-price-table", "nosuchcustomerprices",
                connector -> connector
                    .prices(Set.of(new PriceKey(prices.customerNumber(), prices.sku(), BigDecimal.ONE))),
                connector -> connector
                    .prices(Set.of(new PriceKey(prices.customerNumber(), "NO-SUCH-ITEM-1", BigDecimal.ONE))));
    }

    @Override
    protected ContractFacts facts() {
        DataSetFacts facts = new DataSetFacts(sandbox(ID));
        int withOrders = facts.customerWithOrders(3, order -> true);
        return new ContractFacts(customer(withOrders), facts.orders(withOrders, order -> true), facts.customers(10, 5),
                "999999", new Paging(Map.of("page-size", "5"), 5, facts.customers(0, 6)), facts.stock(facts.skus(3)),
                facts.prices(false), facts.credit(NetSuiteConnectorContractTests::termsName), facts.order());
    }

    private static String termsName(String code) {
        return switch (code) {
            case "NET30" -> "Net 30";
            case "NET45" -> "Net 45";
            case "NET60" -> "Net 60";
            default -> "2% 10 Net 30";
        };
    }

    /**
     * SuiteQL travels as the {@code q} of a JSON body: that statement is what NetSuite
     * reads.
     */
    @Override
    protected String wireText(RecordingProxy.Recorded request) {
        String body = request.body();
        String statement = body.isBlank() ? "" : JsonMapper.shared().readTree(body).path("q").asString("");
        return request.method() + " " + request.pathAndQuery() + "\n" + statement;
    }

    @Autowired
    private NetSuiteSandboxErp erp;

    private ErpConnector connector() {
        return connector(ID);
    }

    private DistributorDataSet data() {
        return sandbox(ID).data();
    }

    private Map<String, Long> requests() {
        return sandbox(ID).stats().snapshot().byResource();
    }

    /**
     * A connector of its own (fresh token cache), with extra options and a clock the test
     * controls.
     */
    private NetSuiteConnector connectorWith(Map<String, String> options, Clock clock) {
        return new NetSuiteConnector(connectorSettings(ID, options), connectorHttp(ID), clock);
    }

    private String customer(int index) {
        return erp.customerNumber(index);
    }

    private int firstCustomerWhere(IntPredicate test) {
        for (int i = 0; i < data().customerCount(); i++) {
            if (test.test(i)) {
                return i;
            }
        }
        throw new IllegalStateException("no such customer in the data set");
    }

    private void warmUp() {
        connector().credit(Set.of(customer(0)));
        sandbox(ID).stats().reset();
    }

    // ---- orders

    @Test
    void readsTwentyCustomersOrdersAndTheirLinesWithOneStatement() {
        warmUp();
        Set<String> customers = new LinkedHashSet<>();
        for (int i = 0; i < 20; i++) {
            customers.add(customer(i));
        }
        ErpBatch<String, List<SalesOrder>> batch = connector().orders(customers, OrderQuery.latest(5));

        assertThat(requests()).isEqualTo(Map.of("orders", 1L));
        assertThat(batch.values()).containsOnlyKeys(customers);
        assertThat(batch.failures()).isEmpty();
        for (int i = 0; i < 20; i++) {
            List<Order> expected = data().ordersOf(i).stream().limit(5).toList();
            List<SalesOrder> actual = batch.values().get(customer(i));
            assertThat(actual).hasSameSizeAs(expected);
            for (int n = 0; n < expected.size(); n++) {
                assertSameOrder(actual.get(n), expected.get(n), customer(i));
            }
        }
    }

    /**
     * A connector of five rows per SuiteQL page, its token taken and the counts zeroed.
     */
    private NetSuiteConnector pagedByFive() {
        NetSuiteConnector small = connectorWith(Map.of("page-size", "5"), Clock.systemUTC());
        small.credit(Set.of(customer(0)));
        sandbox(ID).stats().reset();
        return small;
    }

    @Test
    void pagesThroughEverySuiteQlPage() {
        NetSuiteConnector small = pagedByFive();
        Set<String> customers = Set.of(customer(0), customer(1), customer(2), customer(3), customer(4), customer(5));
        int expectedOrders = 0;
        int expectedRows = 0;
        for (int i = 0; i <= 5; i++) {
            expectedOrders += data().ordersOf(i).size();
            // One row per line, and one for an order without lines.
            expectedRows += data().ordersOf(i).stream().mapToInt(order -> Math.max(1, order.lines().size())).sum();
        }
        assertThat(expectedOrders).isGreaterThan(10);

        ErpBatch<String, List<SalesOrder>> paged = small.orders(customers, OrderQuery.latest(100));

        assertThat(requests()).isEqualTo(Map.of("orders", (long) (expectedRows + 4) / 5));
        assertThat(paged.values()).isEqualTo(connector().orders(customers, OrderQuery.latest(100)).values());
        assertThat(paged.values().values().stream().mapToInt(List::size).sum()).isEqualTo(expectedOrders);
    }

    @Test
    void cutsEachCustomersOrdersToTheLimitInTheStatementNotAfterIt() {
        NetSuiteConnector small = pagedByFive();
        Set<String> customers = Set.of(customer(0), customer(1), customer(2), customer(3), customer(4), customer(5));
        int rowsOfTheNewestTwo = 0;
        for (int i = 0; i <= 5; i++) {
            rowsOfTheNewestTwo += data().ordersOf(i)
                .stream()
                .limit(2)
                .mapToInt(order -> Math.max(1, order.lines().size()))
                .sum();
        }

        ErpBatch<String, List<SalesOrder>> newestTwo = small.orders(customers, OrderQuery.latest(2));

        assertThat(requests()).isEqualTo(Map.of("orders", (long) (rowsOfTheNewestTwo + 4) / 5));
        for (int i = 0; i <= 5; i++) {
            assertThat(newestTwo.values().get(customer(i))).extracting(SalesOrder::number)
                .containsExactlyElementsOf(
                        data().ordersOf(i).stream().limit(2).map(order -> erp.orderNumber(order.sequence())).toList());
        }
    }

    @Test
    void pushesStatusAndDateFiltersAndKeepsTheNewestPerCustomer() {
        LocalDate since = DistributorDataSet.AS_OF.minusDays(400);
        Set<OrderStatus> statuses = Set.of(OrderStatus.INVOICED, OrderStatus.CANCELLED);
        OrderQuery query = new OrderQuery(statuses, since, 2);
        Set<String> customers = Set.of(customer(10), customer(11), customer(12), customer(13));

        ErpBatch<String, List<SalesOrder>> batch = connector().orders(customers, query);

        for (int i = 10; i <= 13; i++) {
            List<Order> expected = data().ordersOf(i)
                .stream()
                .filter(order -> statuses.contains(status(order)) && !order.orderDate().isBefore(since))
                .limit(2)
                .toList();
            List<SalesOrder> actual = batch.values().get(customer(i));
            assertThat(actual).extracting(SalesOrder::number)
                .containsExactlyElementsOf(expected.stream().map(order -> erp.orderNumber(order.sequence())).toList());
            actual.forEach(order -> assertThat(query.matches(order)).isTrue());
        }
    }

    @Test
    void mapsEveryNetSuiteStatusBackToTheDataSetsStatus() {
        // C/H and D/E alternate in the sandbox by sequence: reading many orders crosses
        // every letter.
        Set<String> customers = new LinkedHashSet<>();
        for (int i = 0; i < 60; i++) {
            customers.add(customer(i));
        }
        int held = firstCustomerWhere(
                i -> data().ordersOf(i).stream().anyMatch(order -> status(order) == OrderStatus.ON_HOLD));
        customers.add(customer(held));
        ErpBatch<String, List<SalesOrder>> batch = connector().orders(customers, OrderQuery.latest(100));
        Set<OrderStatus> seen = new HashSet<>();
        for (String customer : customers) {
            for (SalesOrder order : batch.values().get(customer)) {
                int sequence = erp.orderSequence(order.number()).orElseThrow();
                assertThat(order.status()).isEqualTo(status(data().order(sequence).orElseThrow()));
                seen.add(order.status());
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(OrderStatus.values());
    }

    @Test
    void readsOrdersByDocumentNumber() {
        Order first = data().ordersOf(3).get(0);
        Order second = data().ordersOf(7).get(0);
        String a = erp.orderNumber(first.sequence());
        String b = erp.orderNumber(second.sequence());
        sandbox(ID).stats().reset();

        ErpBatch<String, SalesOrder> batch = connector().ordersByNumber(Set.of(a, b, "SO99999999", "4711"));

        assertThat(batch.values()).containsOnlyKeys(a, b);
        assertSameOrder(batch.values().get(a), first, customer(3));
        assertSameOrder(batch.values().get(b), second, customer(7));
        assertThat(requests()).isEqualTo(Map.of("orders", 1L));
    }

    @Test
    void answersAnUnknownCustomerAsUnknownWithoutFailingTheOthers() {
        ErpBatch<String, List<SalesOrder>> batch = connector().orders(Set.of(customer(5), "999999", "1"),
                OrderQuery.latest(3));
        assertThat(batch.values()).containsOnlyKeys(customer(5), "999999", "1");
        assertThat(batch.values().get("999999")).isEmpty();
        assertThat(batch.failures()).isEmpty();

        ErpBatch<String, CreditStatus> credit = connector().credit(Set.of(customer(5), "999999"));
        assertThat(credit.values()).containsOnlyKeys(customer(5));
        assertThat(credit.failures()).isEmpty();
    }

    // ---- credit, stock, prices

    @Test
    void readsCreditInOneStatement() {
        warmUp();
        int onHold = firstCustomerWhere(i -> data().customer(i).orElseThrow().onHold());
        int clear = firstCustomerWhere(i -> !data().customer(i).orElseThrow().onHold());

        ErpBatch<String, CreditStatus> batch = connector().credit(Set.of(customer(onHold), customer(clear)));

        assertThat(requests()).containsEntry("credit", 1L);
        for (int index : new int[] { onHold, clear }) {
            DistributorDataSet.Customer expected = data().customer(index).orElseThrow();
            CreditStatus credit = batch.values().get(customer(index));
            assertThat(credit.creditLimit().amount()).isEqualByComparingTo(expected.creditLimit());
            assertThat(credit.balance().amount()).isEqualByComparingTo(expected.balance());
            assertThat(credit.available().amount())
                .isEqualByComparingTo(expected.creditLimit().subtract(expected.balance()));
            assertThat(credit.creditLimit().currency()).isEqualTo("USD");
            assertThat(credit.onHold()).isEqualTo(expected.onHold());
            assertThat(credit.paymentTerms()).isEqualTo(termsName(expected.paymentTerms()));
        }
    }

    @Test
    void readsStockPerWarehouseInOneStatement() {
        warmUp();
        List<String> skus = data().items().stream().limit(4).map(DistributorDataSet.Item::sku).toList();
        Set<String> keys = new LinkedHashSet<>(skus);
        keys.add("NOPE-1");

        ErpBatch<String, List<StockLevel>> all = connector().stock(keys, null);

        assertThat(requests()).containsEntry("inventory", 1L);
        assertThat(all.values()).containsOnlyKeys(skus);
        for (String sku : skus) {
            assertThat(all.values().get(sku)).containsExactlyInAnyOrderElementsOf(data().stock(sku)
                .stream()
                .map(stock -> new StockLevel(sku, stock.warehouse(), stock.onHand(), stock.available()))
                .toList());
        }

        ErpBatch<String, List<StockLevel>> cleveland = connector().stock(Set.copyOf(skus), "CLE");
        for (String sku : skus) {
            assertThat(cleveland.values().get(sku)).extracting(StockLevel::warehouse).containsExactly("CLE");
        }
    }

    @Test
    void knowsASkuWithoutStockAsAnEmptyList() {
        String sku = data().items()
            .stream()
            .map(DistributorDataSet.Item::sku)
            .filter(s -> data().stock(s, "PIT").isEmpty())
            .findFirst()
            .orElseThrow();
        ErpBatch<String, List<StockLevel>> batch = connector().stock(Set.of(sku), "PIT");
        assertThat(batch.values()).containsEntry(sku, List.of());
    }

    @Test
    void readsCustomerPricesWithBreaksAndListPriceInOneStatement() {
        warmUp();
        int index = firstCustomerWhere(i -> data().customer(i).orElseThrow().discountPercent().signum() > 0);
        List<DistributorDataSet.Item> items = data().items().stream().limit(3).toList();
        Set<PriceKey> keys = new LinkedHashSet<>();
        for (DistributorDataSet.Item item : items) {
            for (String quantity : new String[] { "1", "10", "12", "50", "144", "500" }) {
                keys.add(new PriceKey(customer(index), item.sku(), new BigDecimal(quantity)));
            }
        }
        keys.add(new PriceKey("999999", items.get(0).sku(), BigDecimal.ONE));
        keys.add(new PriceKey(customer(index), "NOPE-1", BigDecimal.ONE));

        ErpBatch<PriceKey, ItemPrice> batch = connector().prices(keys);

        assertThat(requests()).containsEntry("prices", 1L);
        assertThat(batch.values()).hasSize(keys.size() - 2);
        for (PriceKey key : batch.values().keySet()) {
            ItemPrice price = batch.values().get(key);
            DistributorDataSet.Item item = data().item(key.sku()).orElseThrow();
            assertThat(price.unitPrice().amount()).as(key.toString())
                .isEqualByComparingTo(data().unitPrice(index, key.sku(), key.quantity()).orElseThrow());
            assertThat(price.listPrice().amount()).isEqualByComparingTo(item.listPrice());
            assertThat(price.breaks()).extracting(b -> b.minimumQuantity().intValue())
                .containsExactlyElementsOf(item.breaks().stream().map(b -> b.minimumQuantity().intValue()).toList());
        }
    }

    @Test
    void theInListChunksOfABatchAreSentSideBySideAtMostTwoAtOnce() {
        // Every customer of the data set and as many unknown internal ids: 2,400 ids, 3
        // statements of at most 1,000.
        Set<String> customers = new LinkedHashSet<>();
        for (int i = 0; i < data().customerCount(); i++) {
            customers.add(customer(i));
            customers.add(String.valueOf(9_000_000 + i));
        }
        long statements = (customers.size() + SuiteQl.MAX_IN_LIST - 1) / SuiteQl.MAX_IN_LIST;
        NetSuiteConnector inTurn = connectorWith(Map.of("maxParallelRequests", "1"), Clock.systemUTC());
        inTurn.credit(Set.of(customer(0))); // tokens outside the counted window
        // Also starts the connector's helper thread: a thread still starting could lose
        // the race for the second
        // request to the caller, which would then send both in turn.
        connector().credit(customers);
        sandbox(ID).faults(SandboxFaults.defaults(300, 0));

        sandbox(ID).stats().reset();
        long inTurnFrom = System.nanoTime();
        Map<String, CreditStatus> readInTurn = inTurn.credit(customers).values();
        assertThat(requests()).containsExactlyEntriesOf(Map.of("credit", statements));
        assertThat(mostAtOnce(ID, inTurnFrom, "/suiteql")).isEqualTo(1);

        sandbox(ID).stats().reset();
        long sideBySideFrom = System.nanoTime();
        Map<String, CreditStatus> readSideBySide = connector().credit(customers).values();
        assertThat(requests()).containsExactlyEntriesOf(Map.of("credit", statements));
        assertThat(mostAtOnce(ID, sideBySideFrom, "/suiteql")).isEqualTo(2);
        assertThat(readSideBySide).isEqualTo(readInTurn).hasSize(data().customerCount());
        assertThat(statements).isEqualTo(3);
    }

    // ---- create

    @Test
    void createsASalesOrderAndReadsItBack() {
        int index = firstCustomerWhere(i -> !data().customer(i).orElseThrow().onHold());
        List<DistributorDataSet.Item> items = data().items().stream().skip(5).limit(2).toList();
        String key = "opp-" + System.nanoTime();
        SalesOrderRequest request = new SalesOrderRequest(key, customer(index), "PO-OPP-42", LocalDate.of(2026, 11, 20),
                List.of(new SalesOrderRequest.Line(items.get(0).sku(), new BigDecimal("12"), "DET"),
                        new SalesOrderRequest.Line(items.get(1).sku(), new BigDecimal("3"), null)));
        sandbox(ID).stats().reset();

        String number = connector().createSalesOrder(request);

        assertThat(number).matches("SO\\d+");
        assertThat(requests()).containsEntry("create-order", 1L)
            .containsEntry("items", 1L)
            .containsEntry("locations", 1L)
            .containsEntry("orders", 1L);
        SalesOrder order = connector().ordersByNumber(Set.of(number)).values().get(number);
        assertThat(order.customerNumber()).isEqualTo(customer(index));
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.orderDate()).isEqualTo(DistributorDataSet.AS_OF);
        assertThat(order.requestedDeliveryDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(order.lines())
            .extracting(SalesOrderLine::sku, SalesOrderLine::warehouse, line -> line.quantity().intValue())
            .containsExactly(Tuple.tuple(items.get(0).sku(), "DET", 12), Tuple.tuple(items.get(1).sku(), "CLE", 3));
        assertThat(order.lines().get(0).unitPrice().amount())
            .isEqualByComparingTo(data().unitPrice(index, items.get(0).sku(), new BigDecimal("12")).orElseThrow());

        // A retried create (same idempotency key) is refused by NetSuite as a duplicate
        // external id: same order.
        assertThat(connector().createSalesOrder(request)).isEqualTo(number);
        assertThat(data().ordersOf(index).stream().filter(o -> "PO-OPP-42".equals(o.customerPo())).count())
            .isEqualTo(1);
    }

    @Test
    void rejectsAnOrderForAnUnknownSkuBeforeWritingAnything() {
        sandbox(ID).stats().reset();
        SalesOrderRequest request = new SalesOrderRequest("k-" + System.nanoTime(), customer(1), null, null,
                List.of(new SalesOrderRequest.Line("NOPE' OR '1'='1", BigDecimal.ONE, null)));
        assertThatThrownBy(() -> connector().createSalesOrder(request)).isInstanceOfSatisfying(ErpException.class,
                ex -> {
                    assertThat(ex.kind()).isEqualTo(ErpException.Kind.REJECTED);
                    assertThat(ex.erpSystemId()).isEqualTo(ID);
                });
        assertThat(requests()).doesNotContainKey("create-order");
    }

    @Test
    void passesOnNetSuitesRefusalOfACustomerOnCreditHold() {
        int onHold = firstCustomerWhere(i -> data().customer(i).orElseThrow().onHold());
        SalesOrderRequest request = new SalesOrderRequest("k-" + System.nanoTime(), customer(onHold), null, null,
                List.of(new SalesOrderRequest.Line(data().items().iterator().next().sku(), BigDecimal.ONE, null)));
        assertThatThrownBy(() -> connector().createSalesOrder(request)).isInstanceOfSatisfying(ErpException.class,
                ex -> {
                    assertThat(ex.kind()).isEqualTo(ErpException.Kind.REJECTED);
                    assertThat(ex.erpMessage())
                        .isEqualTo("This customer is on credit hold. The order cannot be saved.");
                });
    }

    // ---- hostile keys

    @Test
    void hostileKeysNeverWidenAQuery() {
        Set<String> customers = Set.of("1001' or '1'='1", "1001) OR (1 = 1", "'; drop table", "1001 OR 1=1",
                "A' or SoldToParty ne '", customer(2));
        ErpBatch<String, List<SalesOrder>> orders = connector().orders(customers, OrderQuery.latest(100));
        assertThat(orders.values()).containsOnlyKeys(customer(2));
        assertThat(orders.values().get(customer(2))).allMatch(order -> order.customerNumber().equals(customer(2)));

        assertThat(connector().credit(customers).values()).containsOnlyKeys(customer(2));

        String sku = data().items().iterator().next().sku();
        ErpBatch<String, List<StockLevel>> stock = connector()
            .stock(Set.of(sku + "' OR '1'='1", "x') OR ('1'='1", "'; drop table", sku), null);
        assertThat(stock.values()).containsOnlyKeys(sku);

        String number = erp.orderNumber(data().ordersOf(2).get(0).sequence());
        ErpBatch<String, SalesOrder> byNumber = connector()
            .ordersByNumber(Set.of("SO1' OR '1'='1", "x) or (1 eq 1", number));
        assertThat(byNumber.values()).containsOnlyKeys(number);

        ErpBatch<PriceKey, ItemPrice> prices = connector()
            .prices(Set.of(new PriceKey("1001' or '1'='1", sku, BigDecimal.ONE),
                    new PriceKey(customer(2), sku + "' OR '1'='1", BigDecimal.ONE),
                    new PriceKey(customer(2), sku, BigDecimal.ONE)));
        assertThat(prices.values()).containsOnlyKeys(new PriceKey(customer(2), sku, BigDecimal.ONE));
    }

    @Test
    void sendsNothingForKeysThatCannotBeNetSuiteIds() {
        warmUp();
        ErpBatch<String, List<SalesOrder>> batch = connector().orders(Set.of("1' or '1'='1", "abc"),
                OrderQuery.latest(5));
        assertThat(batch.values()).isEmpty();
        assertThat(sandbox(ID).stats().snapshot().requests()).isZero();
    }

    // ---- failures

    @Test
    void answersTheConcurrencyLimitWith429() {
        warmUp();
        int limit = erp.concurrencyLimit();
        erp.concurrencyLimit(0);
        try {
            assertThatThrownBy(() -> connector().credit(Set.of(customer(1)))).isInstanceOfSatisfying(ErpException.class,
                    ex -> {
                        assertThat(ex.kind()).isEqualTo(ErpException.Kind.UNAVAILABLE);
                        assertThat(ex.erpMessage()).startsWith("Concurrent request limit exceeded");
                    });
        }
        finally {
            erp.concurrencyLimit(limit);
        }
        assertThat(demoSystem(ID).options()).containsEntry("concurrency-limit", String.valueOf(limit));
    }

    @Test
    void fetchesOneNewTokenAfterNetSuiteRevokedTheOldOne() {
        warmUp();
        http().post().uri("/sandbox/" + ID + "/_admin/tokens/revoke").retrieve().toBodilessEntity();

        assertThat(connector().credit(Set.of(customer(1))).values()).containsOnlyKeys(customer(1));
        assertThat(connector().credit(Set.of(customer(2))).values()).containsOnlyKeys(customer(2));

        // The refused call, one token request, the repeated call, the next call.
        assertThat(requests()).containsEntry("token", 1L).containsEntry("credit", 2L);
        assertThat(sandbox(ID).stats().snapshot().requests()).isEqualTo(4);
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeItExpiresThenFetchesOneNewToken() {
        // A 50 s token is refreshed 5 s early; the clock moves 46 s while the sandbox's
        // token is still valid.
        putFaults(Map.of("tokenTtlSeconds", 50));
        MutableClock clock = new MutableClock(Instant.now());
        NetSuiteConnector own = connectorWith(Map.of(), clock);
        own.credit(Set.of(customer(1)));
        clock.advance(Duration.ofSeconds(44));
        own.credit(Set.of(customer(2)));
        assertThat(requests()).containsEntry("token", 1L).containsEntry("credit", 2L);

        clock.advance(Duration.ofSeconds(2));
        own.credit(Set.of(customer(3)));

        // Refreshed ahead of expiry: one new token and no 401 round trip.
        assertThat(requests()).containsEntry("token", 2L).containsEntry("credit", 3L);
    }

    private void putFaults(Map<String, Object> faults) {
        http().put().uri("/sandbox/" + ID + "/_admin/faults").body(faults).retrieve().toBodilessEntity();
    }

    private void assertSameOrder(SalesOrder actual, Order expected, String customerNumber) {
        assertThat(actual.number()).isEqualTo(erp.orderNumber(expected.sequence()));
        assertThat(actual.id()).isEqualTo(String.valueOf(NetSuiteSandboxErp.orderId(expected.sequence())));
        assertThat(actual.customerNumber()).isEqualTo(customerNumber);
        assertThat(actual.status()).isEqualTo(status(expected));
        assertThat(actual.orderDate()).isEqualTo(expected.orderDate());
        assertThat(actual.requestedDeliveryDate()).isEqualTo(expected.requestedDate());
        assertThat(actual.total().amount()).isEqualTo(expected.total().setScale(2));
        assertThat(actual.total().currency()).isEqualTo("USD");
        assertThat(actual.lines()).hasSameSizeAs(expected.lines());
        for (int i = 0; i < expected.lines().size(); i++) {
            OrderLine line = expected.lines().get(i);
            SalesOrderLine got = actual.lines().get(i);
            assertThat(got.lineNumber()).isEqualTo(line.lineNumber());
            assertThat(got.sku()).isEqualTo(line.sku());
            assertThat(got.description()).isEqualTo(line.description());
            assertThat(got.quantity()).isEqualByComparingTo(line.quantity());
            assertThat(got.shippedQuantity()).isEqualByComparingTo(line.shippedQuantity());
            assertThat(got.unitPrice().amount()).isEqualByComparingTo(line.unitPrice());
            assertThat(got.amount().amount()).isEqualByComparingTo(line.amount());
            assertThat(got.warehouse()).isEqualTo(line.warehouse());
        }
    }

}
