package dev.erpgraph.erp.sxe;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import dev.erpgraph.erp.DocumentFacts;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpCapability;
import dev.erpgraph.erp.ErpConnector;
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
import dev.erpgraph.erp.config.ErpSystemProperties;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxErp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SX.e connector against its sandbox over real HTTP: the shared contract, and SX.e's
 * own calls (one list call per customer and a detail call per order, the fan-out bound,
 * per-key errors, auth).
 */
class SxeConnectorContractTests extends ConnectorContractTest {

    private static final String ID = "sxe";

    SxeConnectorContractTests() {
        super(ID, ErpKind.INFOR_SXE, new SxeConnectorFactory(),
                EnumSet.of(ErpCapability.PRICE_BREAKS, ErpCapability.PER_WAREHOUSE_STOCK,
                        ErpCapability.SALES_ORDER_CREATE, ErpCapability.SHIPMENTS, ErpCapability.INVOICES,
                        ErpCapability.SHIPMENT_TRACKING));
    }

    /** No MULTI_CUSTOMER_READS: SX.API reads one customer per call. */
    /**
     * SX.API gives a warehouse's net available only (so on hand reads as that too), lists
     * a price's first quantity as a break, and pages the order list by
     * {@code recordLimit}.
     */
    /** An SX.e shipment is a shipped order: one still being picked is not listed. */
    @Override
    protected DocumentFacts documentFacts() {
        return new DataSetFacts(sandbox(ID)).documents(false);
    }

    @Override
    protected MissingResource missingResource() {
        // A credit operation version the tenant does not have: the gateway answers 404.
        return new MissingResource("operation.credit", "sxapiargetcustomerdatacreditv9",
                connector -> connector.credit(facts().credit().keySet()),
                connector -> connector.credit(Set.of(facts().unknownCustomer())));
    }

    @Override
    protected ContractFacts facts() {
        DataSetFacts facts = new DataSetFacts(sandbox(ID));
        int withOrders = facts.customerWithOrders(3, order -> true);
        // Paged: a customer no create of the contract adds orders to. Orders created
        // today
        // share one enter date, which SX.e's date-window paging reads in larger pages.
        String creates = facts.order().customerNumber();
        int manyOrders = IntStream.range(0, DistributorDataSet.CUSTOMERS)
            .filter(index -> index != 9 && !facts.customer(index).equals(creates)
                    && facts.orderCount(Set.of(index), order -> true) >= 9)
            .findFirst()
            .orElseThrow();
        Map<String, List<StockLevel>> stock = new LinkedHashMap<>();
        facts.stock(facts.skus(3))
            .forEach((sku, levels) -> stock.put(sku,
                    levels.stream()
                        .map(level -> new StockLevel(sku, level.warehouse(), level.available(), level.available()))
                        .toList()));
        return new ContractFacts(facts.customer(withOrders),
                oneWarehousePerOrder(facts.orders(withOrders, order -> true)), facts.customers(10, 5),
                facts.customer(DistributorDataSet.CUSTOMERS + 7),
                new Paging(Map.of("recordLimit", "2"), 2, Set.of(facts.customer(manyOrders))), stock,
                facts.prices(true), facts.credit(terms -> terms), facts.order());
    }

    /**
     * The orders as SX.e answers them: a line has no warehouse of its own
     * ({@code t-oelineitemV3}), it ships from its order's {@code whse}, which the sandbox
     * renders from the order's first line.
     */
    private static List<SalesOrder> oneWarehousePerOrder(List<SalesOrder> orders) {
        return orders.stream().map(order -> {
            String whse = order.lines().isEmpty() ? null : order.lines().get(0).warehouse();
            List<SalesOrderLine> lines = order.lines()
                .stream()
                .map(line -> new SalesOrderLine(line.lineNumber(), line.sku(), line.description(), line.quantity(),
                        line.shippedQuantity(), line.unitPrice(), line.amount(), whse))
                .toList();
            return new SalesOrder(order.id(), order.number(), order.customerNumber(), order.status(), order.orderDate(),
                    order.requestedDeliveryDate(), order.total(), lines);
        }).toList();
    }

    /** Products travel as JSON strings. */
    @Override
    protected String literal(String value) {
        return JsonMapper.shared().writeValueAsString(value);
    }

    /**
     * The shared build machine is slow enough that the demo's 2 s timeout sometimes trips
     * on a cold first request; these tests use a connector of their own with the demo
     * configuration and a 10 s timeout, and one test checks the demo connector itself.
     */
    private ErpConnector sxe;

    @BeforeEach
    void connect() {
        sxe = newConnector(4, Map.of(), Clock.systemUTC());
    }

    private static final List<String> HOSTILE = List.of("1' or '1'='1", "x) or (1 eq 1", "'; drop table",
            "A' or SoldToParty ne '", "98001 or 1=1", "98001;", "-98001", "98001.5", "");

    // ---- orders

    @Test
    void ordersOfTwentyCustomersSendOneListCallEachAndOneDetailCallPerOrder() {
        Map<String, List<DistributorDataSet.Order>> expected = new HashMap<>();
        for (int index = 0; index < 20; index++) {
            expected.put(customer(index), data().ordersOf(index).stream().limit(5).toList());
        }

        ErpBatch<String, List<SalesOrder>> batch = sxe.orders(expected.keySet(), OrderQuery.latest(5));

        assertThat(batch.failures()).isEmpty();
        expected.forEach((customer, orders) -> assertThat(batch.values().get(customer)).extracting(SalesOrder::number)
            .containsExactlyElementsOf(orders.stream().map(order -> erp().orderNumber(order.sequence())).toList()));
        long detailCalls = expected.values().stream().mapToLong(List::size).sum();
        assertThat(stats()).containsEntry("orders", 20L).containsEntry("order-lines", detailCalls);
    }

    @Test
    void ordersMapEveryStageOntoTheNeutralStatus() {
        // For each status, the first customer whose newest orders include one.
        Set<String> customers = new LinkedHashSet<>();
        for (OrderStatus status : OrderStatus.values()) {
            customers.add(customer(IntStream.range(0, DistributorDataSet.CUSTOMERS)
                .filter(i -> data().ordersOf(i).stream().anyMatch(order -> status(order) == status))
                .findFirst()
                .orElseThrow()));
        }

        ErpBatch<String, List<SalesOrder>> batch = sxe.orders(customers, OrderQuery.latest(100));

        assertThat(batch.failures()).isEmpty();
        Set<OrderStatus> seen = new LinkedHashSet<>();
        batch.values().values().stream().flatMap(List::stream).forEach(order -> {
            DistributorDataSet.Order source = data().order(erp().orderSequence(order.number()).orElseThrow())
                .orElseThrow();
            assertThat(order.status()).as(order.number()).isEqualTo(status(source));
            seen.add(order.status());
        });
        assertThat(seen).containsExactlyInAnyOrder(OrderStatus.values());
    }

    @Test
    void ordersCarryExactDatesDecimalsAndLines() {
        DistributorDataSet.Order source = data().ordersOf(3).get(0);

        SalesOrder order = sxe.orders(Set.of(customer(3)), OrderQuery.latest(1)).values().get(customer(3)).get(0);

        assertThat(order.id()).isEqualTo(order.number())
            .matches("\\d{7}-00")
            .isEqualTo(erp().orderNumber(source.sequence()));
        assertThat(order.customerNumber()).isEqualTo(customer(3));
        assertThat(order.orderDate()).isEqualTo(source.orderDate());
        assertThat(order.requestedDeliveryDate()).isEqualTo(source.requestedDate());
        assertThat(order.total()).isEqualTo(new Money(source.total(), "USD"));
        assertThat(order.lines()).hasSize(source.lines().size());
        for (int n = 0; n < source.lines().size(); n++) {
            DistributorDataSet.OrderLine expected = source.lines().get(n);
            SalesOrderLine line = order.lines().get(n);
            assertThat(line.lineNumber()).isEqualTo(expected.lineNumber());
            assertThat(line.sku()).isEqualTo(expected.sku());
            assertThat(line.description()).isEqualTo(expected.description());
            assertThat(line.quantity()).isEqualByComparingTo(expected.quantity());
            assertThat(line.shippedQuantity()).isEqualByComparingTo(expected.shippedQuantity());
            assertThat(line.unitPrice()).isEqualTo(new Money(expected.unitPrice(), "USD"));
            assertThat(line.amount()).isEqualTo(new Money(expected.amount(), "USD"));
            // SX.e ships an order from one warehouse, its header's whse; the line
            // (t-oelineitemV3) has none of its own.
            assertThat(line.warehouse()).isEqualTo(source.lines().get(0).warehouse());
        }
        assertThat(order.lines()).extracting(SalesOrderLine::description).doesNotContainNull();
    }

    @Test
    void linesReadByNumberCarryDesc1Desc2AndTheOrdersWarehouse() {
        DistributorDataSet.Order source = data().ordersOf(6).get(0);
        String number = erp().orderNumber(source.sequence());

        SalesOrder order = sxe.ordersByNumber(Set.of(number)).values().get(number);

        assertThat(order.lines()).extracting(SalesOrderLine::description)
            .containsExactlyElementsOf(source.lines().stream().map(DistributorDataSet.OrderLine::description).toList());
        assertThat(order.lines()).extracting(SalesOrderLine::warehouse).containsOnly(source.lines().get(0).warehouse());
    }

    @Test
    void statusAndDateFiltersArePushedDownAndAppliedPerCustomer() {
        LocalDate since = DistributorDataSet.AS_OF.minusDays(300);
        OrderQuery query = new OrderQuery(Set.of(OrderStatus.INVOICED), since, 3);
        Set<String> customers = IntStream.range(0, 10).mapToObj(this::customer).collect(Collectors.toSet());

        ErpBatch<String, List<SalesOrder>> batch = sxe.orders(customers, query);

        for (int index = 0; index < 10; index++) {
            List<String> expected = data().ordersOf(index)
                .stream()
                .filter(order -> status(order) == OrderStatus.INVOICED && !order.orderDate().isBefore(since))
                .limit(3)
                .map(order -> erp().orderNumber(order.sequence()))
                .toList();
            assertThat(batch.values().get(customer(index))).extracting(SalesOrder::number)
                .containsExactlyElementsOf(expected);
        }
        // Only stage 4..5 was asked for, so no detail call was wasted on an order that
        // could not match.
        long detailCalls = batch.values().values().stream().mapToLong(List::size).sum();
        assertThat(stats()).containsEntry("orders", 10L).containsEntry("order-lines", detailCalls);
    }

    @Test
    void orderListIsFollowedAcrossPagesOfRecordLimit() {
        int index = IntStream.range(0, 200).filter(i -> data().ordersOf(i).size() >= 9).findFirst().orElseThrow();
        ErpConnector connector = newConnector(4, Map.of("recordLimit", "2"), Clock.systemUTC());

        List<SalesOrder> orders = connector.orders(Set.of(customer(index)), OrderQuery.latest(100))
            .values()
            .get(customer(index));

        assertThat(orders).extracting(SalesOrder::number)
            .containsExactlyElementsOf(
                    data().ordersOf(index).stream().map(order -> erp().orderNumber(order.sequence())).toList());
        assertThat(stats().get("orders")).isGreaterThanOrEqualTo(5L);
    }

    @Test
    void pagingGetsPastMoreOrdersOnOneDayThanAPageHolds() {
        int index = IntStream.range(0, DistributorDataSet.CUSTOMERS).filter(i -> {
            List<LocalDate> dates = data().ordersOf(i).stream().map(DistributorDataSet.Order::orderDate).toList();
            return dates.size() >= 3 && dates.stream().distinct().count() < dates.size();
        }).findFirst().orElseThrow();
        ErpConnector connector = newConnector(4, Map.of("recordLimit", "1"), Clock.systemUTC());

        List<SalesOrder> orders = connector.orders(Set.of(customer(index)), OrderQuery.latest(100))
            .values()
            .get(customer(index));

        assertThat(orders).extracting(SalesOrder::number)
            .containsExactlyElementsOf(
                    data().ordersOf(index).stream().map(order -> erp().orderNumber(order.sequence())).toList());
    }

    @Test
    void anUnknownCustomerIsNotFoundForThatKeyOnly() {
        String unknown = String.valueOf(98_000 + DistributorDataSet.CUSTOMERS + 7);

        ErpBatch<String, List<SalesOrder>> batch = sxe.orders(Set.of(customer(1), unknown), OrderQuery.latest(2));

        assertThat(batch.values()).containsOnlyKeys(customer(1));
        assertThat(batch.failures()).containsOnlyKeys(unknown);
        assertThat(batch.failures().get(unknown).kind()).isEqualTo(ErpException.Kind.NOT_FOUND);
        assertThat(batch.failures().get(unknown).erpMessage())
            .isEqualTo("Customer # not set up in Customer Setup - ARSC");
        assertThat(batch.failures().get(unknown).erpSystemId()).isEqualTo(ID);
    }

    @Test
    void hostileCustomerNumbersAreUnknownAndNeverSent() {
        Set<String> keys = new LinkedHashSet<>(HOSTILE);
        keys.add(customer(2));

        ErpBatch<String, List<SalesOrder>> orders = sxe.orders(keys, OrderQuery.latest(3));
        ErpBatch<String, CreditStatus> credit = sxe.credit(keys);
        ErpBatch<PriceKey, ItemPrice> prices = sxe
            .prices(keys.stream().map(key -> new PriceKey(key, sku(0), BigDecimal.ONE)).collect(Collectors.toSet()));

        assertThat(orders.values()).containsOnlyKeys(customer(2));
        assertThat(orders.failures()).isEmpty();
        assertThat(orders.values().get(customer(2)))
            .allSatisfy(order -> assertThat(order.customerNumber()).isEqualTo(customer(2)));
        assertThat(credit.values()).containsOnlyKeys(customer(2));
        assertThat(credit.failures()).isEmpty();
        assertThat(prices.values()).containsOnlyKeys(new PriceKey(customer(2), sku(0), BigDecimal.ONE));
        assertThat(stats()).containsEntry("orders", 1L)
            .containsEntry("credit", 1L)
            .containsEntry("credit-balance", 1L)
            .containsEntry("prices", 1L);
    }

    @Test
    void hostileSkusResolveToNothing() {
        Set<String> skus = new LinkedHashSet<>(HOSTILE.subList(0, 4));
        skus.add(sku(1));

        ErpBatch<String, List<StockLevel>> stock = sxe.stock(skus, null);

        assertThat(stock.values()).containsOnlyKeys(sku(1));
        assertThat(stock.failures()).containsOnlyKeys(HOSTILE.subList(0, 4).toArray(String[]::new));
        assertThat(stock.failures().values())
            .allSatisfy(failure -> assertThat(failure.kind()).isEqualTo(ErpException.Kind.NOT_FOUND));
    }

    @Test
    void ordersAreReadByNumberWithOneCallEach() {
        DistributorDataSet.Order first = data().ordersOf(4).get(0);
        DistributorDataSet.Order second = data().ordersOf(5).get(0);
        String unknown = "1999999-00";
        Set<String> numbers = new LinkedHashSet<>(List.of(erp().orderNumber(first.sequence()),
                erp().orderNumber(second.sequence()), unknown, "1200001-00' or '1'='1", "1200001"));

        ErpBatch<String, SalesOrder> batch = sxe.ordersByNumber(numbers);

        assertThat(batch.values()).containsOnlyKeys(erp().orderNumber(first.sequence()),
                erp().orderNumber(second.sequence()));
        SalesOrder order = batch.values().get(erp().orderNumber(first.sequence()));
        assertThat(order.customerNumber()).isEqualTo(customer(4));
        assertThat(order.status()).isEqualTo(status(first));
        assertThat(order.orderDate()).isEqualTo(first.orderDate());
        assertThat(order.total()).isEqualTo(new Money(first.total(), "USD"));
        assertThat(order.lines()).hasSize(first.lines().size());
        assertThat(batch.failures()).containsOnlyKeys(unknown);
        assertThat(batch.failures().get(unknown).kind()).isEqualTo(ErpException.Kind.NOT_FOUND);
        assertThat(stats()).containsEntry("order-lines", 3L);
    }

    // ---- credit, stock, prices

    @Test
    void creditTakesTwoCallsPerCustomerAndSumsTheAgingBuckets() {
        Set<String> customers = IntStream.range(0, 8).mapToObj(this::customer).collect(Collectors.toSet());

        ErpBatch<String, CreditStatus> batch = sxe.credit(customers);

        for (int index = 0; index < 8; index++) {
            DistributorDataSet.Customer expected = data().customer(index).orElseThrow();
            CreditStatus credit = batch.values().get(customer(index));
            assertThat(credit.creditLimit()).isEqualTo(new Money(expected.creditLimit(), "USD"));
            assertThat(credit.balance().amount()).isEqualByComparingTo(expected.balance());
            assertThat(credit.available().amount())
                .isEqualByComparingTo(expected.creditLimit().subtract(expected.balance()));
            assertThat(credit.onHold()).isEqualTo(expected.onHold());
            assertThat(credit.paymentTerms()).isEqualTo(expected.paymentTerms());
        }
        assertThat(stats()).containsEntry("credit", 8L).containsEntry("credit-balance", 8L);
    }

    @Test
    void aCustomerOnHoldIsReportedFromItsSellType() {
        int held = IntStream.range(0, 300)
            .filter(i -> data().customer(i).orElseThrow().onHold())
            .findFirst()
            .orElseThrow();
        int clear = IntStream.range(0, 300)
            .filter(i -> !data().customer(i).orElseThrow().onHold())
            .findFirst()
            .orElseThrow();

        ErpBatch<String, CreditStatus> batch = sxe.credit(Set.of(customer(held), customer(clear)));

        assertThat(batch.values().get(customer(held)).onHold()).isTrue();
        assertThat(batch.values().get(customer(clear)).onHold()).isFalse();
    }

    @Test
    void stockOfManySkusIsOneMultiProductCallWithNetAvailablePerWarehouse() {
        ErpBatch<String, List<StockLevel>> all = sxe.stock(Set.of(sku(0), sku(1), sku(2)), null);
        ErpBatch<String, List<StockLevel>> cleveland = sxe.stock(Set.of(sku(0)), "CLE");

        for (int n = 0; n < 3; n++) {
            List<DistributorDataSet.Stock> expected = data().stock(sku(n));
            assertThat(all.values().get(sku(n))).hasSize(expected.size());
            for (DistributorDataSet.Stock level : expected) {
                StockLevel got = all.values()
                    .get(sku(n))
                    .stream()
                    .filter(s -> s.warehouse().equals(level.warehouse()))
                    .findFirst()
                    .orElseThrow();
                assertThat(got.available()).isEqualByComparingTo(level.available());
                assertThat(got.onHand()).as("SX.API gives only netAvail").isEqualByComparingTo(level.available());
            }
        }
        assertThat(cleveland.values().get(sku(0))).extracting(StockLevel::warehouse).containsExactly("CLE");
        // One sxapisfgetpriceavailmultiplev2 per batch, and the warehouse list once for
        // the connector (the read naming CLE needs none).
        assertThat(stats()).containsEntry("inventory", 2L).containsEntry("warehouses", 1L);
        assertThat(stats()).doesNotContainKey("order-lines");
    }

    @Test
    void configuredStockWarehousesAreAllThatIsAskedAndTheListIsNeverRead() {
        ErpConnector connector = newConnector(4, Map.of("stockWarehouses", "CLE, DET"), Clock.systemUTC());

        List<StockLevel> levels = connector.stock(Set.of(sku(0)), null).values().get(sku(0));

        assertThat(levels).extracting(StockLevel::warehouse)
            .containsExactlyElementsOf(data().stock(sku(0))
                .stream()
                .map(DistributorDataSet.Stock::warehouse)
                .filter(code -> code.equals("CLE") || code.equals("DET"))
                .toList());
        assertThat(stats()).containsEntry("inventory", 1L).doesNotContainKey("warehouses");
    }

    @Test
    void pricesAreOneCallPerCustomerWithBreaks() {
        String skuWithBreaks = sku(0); // every third item has a 10/50/100 ladder
        Set<PriceKey> keys = Set.of(new PriceKey(customer(0), skuWithBreaks, BigDecimal.ONE),
                new PriceKey(customer(0), skuWithBreaks, new BigDecimal("60")),
                new PriceKey(customer(0), sku(2), BigDecimal.TEN),
                new PriceKey(customer(1), skuWithBreaks, new BigDecimal("100")),
                new PriceKey(customer(1), "NOPE-1", BigDecimal.ONE));

        ErpBatch<PriceKey, ItemPrice> batch = sxe.prices(keys);

        for (PriceKey key : keys) {
            if (key.sku().equals("NOPE-1")) {
                continue;
            }
            int index = erp().customerIndex(key.customerNumber()).orElseThrow();
            ItemPrice price = batch.values().get(key);
            assertThat(price.unitPrice())
                .isEqualTo(new Money(data().unitPrice(index, key.sku(), key.quantity()).orElseThrow(), "USD"));
            assertThat(price.listPrice()).isEqualTo(new Money(data().item(key.sku()).orElseThrow().listPrice(), "USD"));
        }
        ItemPrice laddered = batch.values().get(new PriceKey(customer(0), skuWithBreaks, BigDecimal.ONE));
        assertThat(laddered.breaks()).extracting(PriceBreak::minimumQuantity)
            .usingElementComparator(BigDecimal::compareTo)
            .containsExactly(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("50"), new BigDecimal("100"));
        assertThat(laddered.breaks().get(2).unitPrice())
            .isEqualTo(new Money(data().unitPrice(0, skuWithBreaks, new BigDecimal("50")).orElseThrow(), "USD"));
        assertThat(batch.values().get(new PriceKey(customer(0), sku(2), BigDecimal.TEN)).breaks()).isEmpty();
        PriceKey unknownSku = new PriceKey(customer(1), "NOPE-1", BigDecimal.ONE);
        assertThat(batch.failures()).containsOnlyKeys(unknownSku);
        assertThat(batch.failures().get(unknownSku).kind()).isEqualTo(ErpException.Kind.NOT_FOUND);
        assertThat(stats()).containsEntry("prices", 2L);
    }

    // ---- create

    @Test
    void aCreatedOrderIsReadableByItsNumber() {
        SalesOrderRequest request = new SalesOrderRequest("opp-4711", customer(9), "PO-OPP-4711",
                LocalDate.of(2026, 11, 20), List.of(new SalesOrderRequest.Line(sku(0), new BigDecimal("12"), "CMH"),
                        new SalesOrderRequest.Line(sku(1), BigDecimal.ONE, null)));

        String number = sxe.createSalesOrder(request);

        assertThat(number).matches("\\d{7}-00");
        SalesOrder order = sxe.ordersByNumber(Set.of(number)).values().get(number);
        assertThat(order.customerNumber()).isEqualTo(customer(9));
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.requestedDeliveryDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(order.lines()).extracting(SalesOrderLine::sku).containsExactly(sku(0), sku(1));
        assertThat(order.lines().get(0).warehouse()).isEqualTo("CMH");
        assertThat(order.lines().get(0).unitPrice())
            .isEqualTo(new Money(data().unitPrice(9, sku(0), new BigDecimal("12")).orElseThrow(), "USD"));
        // The customer PO field holds the reference a retried create looks for.
        assertThat(data().order(erp().orderSequence(number).orElseThrow()).orElseThrow().customerPo())
            .isEqualTo("opp-4711");
        assertThat(stats()).containsEntry("create-order", 1L);
    }

    @Test
    void aCreateTheErpRefusesIsRejectedWithItsMessage() {
        SalesOrderRequest request = new SalesOrderRequest("opp-1", customer(9), null, null,
                List.of(new SalesOrderRequest.Line("NOPE-1", BigDecimal.ONE, null)));

        ErpException failure = catchThrowableOfType(ErpException.class, () -> sxe.createSalesOrder(request));

        assertThat(failure.kind()).isEqualTo(ErpException.Kind.REJECTED);
        assertThat(failure.erpMessage()).isEqualTo("Product NOPE-1 not set up in Product Setup - ICSP");
    }

    // ---- gateway faults

    @Test
    void anErpThatIsDownFailsTheWholeBatchAsUnavailable() {
        faults("{\"down\": true}");

        ErpException failure = catchThrowableOfType(ErpException.class,
                () -> sxe.credit(Set.of(customer(1), customer(2))));

        assertThat(failure.kind()).isEqualTo(ErpException.Kind.UNAVAILABLE);
        assertThat(failure.erpSystemId()).isEqualTo(ID);
        assertThat(failure.erpMessage()).isEqualTo("Service unavailable");
    }

    // ---- auth

    @Test
    void theTokenIsReusedAndFetchedOnceMoreAfterRevocation() {
        ErpConnector connector = newConnector(4, Map.of(), Clock.systemUTC());
        connector.credit(Set.of(customer(1), customer(2), customer(3)));
        assertThat(stats()).containsEntry("token", 1L);

        http().post().uri("/sandbox/sxe/_admin/tokens/revoke").retrieve().toBodilessEntity();
        ErpBatch<String, CreditStatus> after = connector
            .credit(IntStream.range(0, 10).mapToObj(this::customer).collect(Collectors.toSet()));

        assertThat(after.values()).hasSize(10);
        assertThat(stats()).containsEntry("token", 2L);
    }

    @Test
    void anExpiredTokenIsRefreshedBeforeUse() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
        faults("{\"tokenTtlSeconds\": 600}");
        ErpConnector connector = newConnector(4, Map.of(), clock);
        connector.stock(Set.of(sku(0)), null);
        clock.advance(Duration.ofSeconds(500));
        connector.stock(Set.of(sku(0)), null);
        assertThat(stats()).containsEntry("token", 1L);

        clock.advance(Duration.ofSeconds(60)); // 560 s: inside the last tenth of the
                                               // lifetime

        connector.stock(Set.of(sku(0)), null);
        assertThat(stats()).containsEntry("token", 2L);
    }

    @Test
    void wrongServiceAccountKeysAreUnauthorizedWithTheGatewaysWords() {
        ErpSystemProperties demo = demoSystem(ID);
        var auth = new ErpAuthProperties(demo.auth().tokenUrl(), demo.auth().clientId(), demo.auth().clientSecret(),
                demo.auth().username(), "wrong", null);
        ErpConnector connector = new SxeConnector(connectorSettings(ID, auth, 4, Map.of()), connectorHttp(ID),
                Clock.systemUTC());

        ErpException failure = catchThrowableOfType(ErpException.class, () -> connector.credit(Set.of(customer(1))));

        assertThat(failure.kind()).isEqualTo(ErpException.Kind.UNAUTHORIZED);
        assertThat(failure.erpMessage()).isEqualTo("Invalid service account access key or secret key");
    }

    // ---- the fan-out bound

    @Test
    void fanOutNeverExceedsTheConfiguredConcurrencyButDoesRunInParallel() {
        faults("{\"latencyMs\": 30}");
        ErpConnector connector = newConnector(3, Map.of(), Clock.systemUTC());
        Set<String> customers = IntStream.range(0, 20).mapToObj(this::customer).collect(Collectors.toSet());

        ErpBatch<String, List<SalesOrder>> orders = connector.orders(customers, OrderQuery.latest(2));
        ErpBatch<String, CreditStatus> credit = connector.credit(customers);

        assertThat(orders.values()).hasSize(20);
        assertThat(credit.values()).hasSize(20);
        Sandbox sandbox = sandbox(ID);
        assertThat(sandbox.stats().snapshot().maxConcurrent()).isLessThanOrEqualTo(3).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDefaultBoundIsFour() {
        faults("{\"latencyMs\": 30}");
        Set<String> customers = IntStream.range(20, 40).mapToObj(this::customer).collect(Collectors.toSet());

        sxe.credit(customers);

        assertThat(sandbox(ID).stats().snapshot().maxConcurrent()).isLessThanOrEqualTo(4).isGreaterThanOrEqualTo(2);
    }

    // ---- fixtures

    private DistributorDataSet data() {
        return sandbox(ID).data();
    }

    private SandboxErp erp() {
        return sandbox(ID).erp();
    }

    private String customer(int index) {
        return erp().customerNumber(index);
    }

    private String sku(int n) {
        return data().items().stream().skip(n).findFirst().orElseThrow().sku();
    }

    private Map<String, Long> stats() {
        return sandbox(ID).stats().snapshot().byResource();
    }

    private void faults(String json) {
        http().put()
            .uri("/sandbox/sxe/_admin/faults")
            .contentType(MediaType.APPLICATION_JSON)
            .body(json)
            .retrieve()
            .toBodilessEntity();
    }

    /**
     * A connector of its own (own token, own pool) with the demo credentials and extra
     * options.
     */
    private ErpConnector newConnector(int maxConcurrency, Map<String, String> extraOptions, Clock clock) {
        return new SxeConnector(connectorSettings(ID, demoSystem(ID).auth(), maxConcurrency, extraOptions),
                connectorHttp(ID), clock);
    }

}
