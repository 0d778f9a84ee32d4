package dev.erpgraph.erp.sap;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.erpgraph.erp.ConnectorContractTest;
import dev.erpgraph.erp.ConnectorSettings;
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
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.OrderStatus;
import dev.erpgraph.erp.PriceKey;
import dev.erpgraph.erp.RecordingProxy;
import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.SalesOrderLine;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.sandbox.DistributorDataSet.Order;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.sap.SapSandbox;
import dev.erpgraph.sandbox.sap.SapSandboxErp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SAP connector against the SAP sandbox over real HTTP: the shared contract, and
 * SAP's own request shapes (one {@code or} filter, {@code __next} paging, URL-length
 * chunks, CSRF on create).
 */
class SapConnectorContractTests extends ConnectorContractTest {

    private final SapSandboxErp numbering = new SapSandboxErp();

    SapConnectorContractTests() {
        super("sap", ErpKind.SAP_S4HANA, new SapConnectorFactory(),
                EnumSet.of(ErpCapability.PRICE_BREAKS, ErpCapability.PER_WAREHOUSE_STOCK,
                        ErpCapability.MULTI_CUSTOMER_READS, ErpCapability.SALES_ORDER_CREATE,
                        ErpCapability.CHANGE_EVENTS, ErpCapability.SHIPMENTS, ErpCapability.INVOICES));
    }

    @Override
    protected MissingResource missingResource() {
        // A credit account entity set the system does not have: SAP answers 404 "Resource
        // not found for segment".
        return new MissingResource("credit.accountPath", "API_CRDTMBUSINESSPARTNER/NoSuchCreditAccount",
                connector -> connector.credit(facts().credit().keySet()),
                connector -> connector.credit(Set.of(facts().unknownCustomer())));
    }

    @Override
    protected ContractFacts facts() {
        DataSetFacts facts = new DataSetFacts(sandbox("sap"));
        int withOrders = facts.customerWithOrders(3, order -> true);
        // Without $top a RAP service pages at 100 rows. A price's scales start at 1;
        // credit management knows no payment terms.
        Paging paging = new Paging(Map.of("top", "0"), 100, customers(0, 120));
        return new ContractFacts(facts.customer(withOrders), facts.orders(withOrders, order -> true), customers(10, 5),
                "19999999", paging, facts.stock(facts.skus(3)), facts.prices(true), facts.credit(terms -> null),
                facts.order());
    }

    /**
     * The demo system authenticates with Basic; SAP's OAuth2 client credentials have
     * tokens.
     */
    @Override
    protected ConnectorSettings tokenSettings() {
        return connectorSettings("sap", new ErpAuthProperties("/oauth/token", SapSandboxErp.CLIENT_ID,
                SapSandboxErp.CLIENT_SECRET, null, null, null), 4, Map.of());
    }

    private ErpConnector sap() {
        return connector("sap");
    }

    private DistributorDataSet data() {
        return sandbox("sap").data();
    }

    private Map<String, Long> requests() {
        return sandbox("sap").stats().snapshot().byResource();
    }

    private Set<String> customers(int from, int count) {
        return IntStream.range(from, from + count)
            .mapToObj(numbering::customerNumber)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private int customerWithOrderIn(OrderStatus status) {
        for (int index = 0; index < data().customerCount(); index++) {
            if (data().ordersOf(index).stream().anyMatch(order -> status(order) == status)) {
                return index;
            }
        }
        throw new IllegalStateException("no order in " + status);
    }

    // ---- orders

    @Test
    void ordersOfTwentyCustomersAreOneRequestPlusItsPages() {
        int total = IntStream.range(0, 20).map(index -> data().ordersOf(index).size()).sum();

        ErpBatch<String, List<SalesOrder>> batch = sap().orders(customers(0, 20), OrderQuery.latest(100));

        assertThat(batch.values()).hasSize(20);
        assertThat(batch.values().values().stream().mapToInt(List::size).sum()).isEqualTo(total);
        assertThat(requests()).containsExactly(Map.entry("orders", (long) Math.max(1, (total + 99) / 100)));
    }

    @Test
    void ordersFollowTheNextLinkAcrossManyPages() {
        int total = IntStream.range(0, 120).map(index -> data().ordersOf(index).size()).sum();
        // Without $top, a RAP service pages at 100 rows.
        ErpConnector serverPaged = new SapConnectorFactory().create(connectorSettings("sap", Map.of("top", "0")),
                connectorHttp("sap"));

        ErpBatch<String, List<SalesOrder>> batch = serverPaged.orders(customers(0, 120), OrderQuery.latest(100));

        assertThat(total).isGreaterThan(300);
        assertThat(batch.values().values().stream().mapToInt(List::size).sum()).isEqualTo(total);
        assertThat(requests().get("orders")).isEqualTo((total + 99) / 100L);
    }

    @Test
    void ordersAskForTheServersLargestPages() {
        int total = IntStream.range(0, 120).map(index -> data().ordersOf(index).size()).sum();

        ErpBatch<String, List<SalesOrder>> batch = sap().orders(customers(0, 120), OrderQuery.latest(100));

        assertThat(batch.values().values().stream().mapToInt(List::size).sum()).isEqualTo(total);
        assertThat(requests().get("orders")).isEqualTo(1L);
    }

    /**
     * What the normalization reads and nothing else: S/4HANA's order and item carry
     * several dozen properties each. The exact-values test below shows these suffice.
     */
    @Test
    void ordersSelectOnlyThePropertiesTheyRead() throws IOException {
        try (RecordingProxy proxy = recordingProxy()) {
            connectorThrough(proxy).orders(customers(0, 3), OrderQuery.latest(100));

            assertThat(proxy.recorded()).singleElement().satisfies(request -> {
                String select = request.pathAndQuery().replaceAll(".*[?&]\\$select=([^&]*).*", "$1");
                assertThat(select.split(",")).containsExactlyInAnyOrder("SalesOrder", "SoldToParty", "SalesOrderDate",
                        "RequestedDeliveryDate", "TotalNetAmount", "TransactionCurrency",
                        "OverallSDDocumentRejectionSts", "TotalCreditCheckStatus", "OverallSDProcessStatus",
                        "OverallTotalDeliveryStatus", "to_Item/SalesOrderItem", "to_Item/Material",
                        "to_Item/SalesOrderItemText", "to_Item/RequestedQuantity", "to_Item/NetAmount",
                        "to_Item/NetPriceAmount", "to_Item/NetPriceQuantity", "to_Item/TransactionCurrency",
                        "to_Item/DeliveryStatus", "to_Item/ProductionPlant");
                assertThat(request.pathAndQuery()).contains("$expand=to_Item");
            });
        }
    }

    @Test
    void ordersAreNewestFirstLimitedPerCustomerWithExactDatesAndAmounts() {
        String customer = numbering.customerNumber(3);
        List<Order> expected = data().ordersOf(3);

        List<SalesOrder> orders = sap().orders(Set.of(customer), OrderQuery.latest(2)).values().get(customer);

        assertThat(orders).hasSize(Math.min(2, expected.size()));
        for (int i = 0; i < orders.size(); i++) {
            Order order = expected.get(i);
            SalesOrder read = orders.get(i);
            assertThat(read.number()).isEqualTo(String.valueOf(4_000_000 + order.sequence()));
            assertThat(read.customerNumber()).isEqualTo(customer);
            assertThat(read.status()).isEqualTo(status(order));
            assertThat(read.orderDate()).isEqualTo(order.orderDate());
            assertThat(read.requestedDeliveryDate()).isEqualTo(order.requestedDate());
            assertThat(read.total().amount()).isEqualTo(order.total().setScale(2));
            assertThat(read.total().currency()).isEqualTo("USD");
            assertThat(read.lines()).hasSize(order.lines().size());
            SalesOrderLine line = read.lines().get(0);
            DistributorDataSet.OrderLine source = order.lines().get(0);
            assertThat(line.lineNumber()).isEqualTo(10);
            assertThat(line.sku()).isEqualTo(source.sku());
            assertThat(line.quantity()).isEqualByComparingTo(source.quantity());
            assertThat(line.unitPrice().amount()).isEqualByComparingTo(source.unitPrice());
            assertThat(line.amount().amount()).isEqualByComparingTo(source.amount());
            assertThat(line.warehouse()).isEqualTo(source.warehouse());
        }
    }

    @Test
    void everyDataSetStatusMapsBackToItself() {
        for (OrderStatus status : OrderStatus.values()) {
            int index = customerWithOrderIn(status);
            String customer = numbering.customerNumber(index);
            Set<String> expected = data().ordersOf(index)
                .stream()
                .filter(order -> status(order) == status)
                .map(order -> numbering.orderNumber(order.sequence()))
                .collect(Collectors.toSet());

            List<SalesOrder> orders = sap().orders(Set.of(customer), new OrderQuery(Set.of(status), null, 100))
                .values()
                .get(customer);

            assertThat(orders).extracting(SalesOrder::status).containsOnly(status);
            assertThat(orders).extracting(SalesOrder::number).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void statusAndSinceFiltersArePushedIntoTheRequest() {
        LocalDate since = DistributorDataSet.AS_OF.minusDays(90);
        Set<String> all = customers(0, 100);
        long expected = IntStream.range(0, 100)
            .mapToObj(data()::ordersOf)
            .flatMap(List::stream)
            .filter(order -> status(order) == OrderStatus.OPEN && !order.orderDate().isBefore(since))
            .count();

        ErpBatch<String, List<SalesOrder>> batch = sap().orders(all,
                new OrderQuery(Set.of(OrderStatus.OPEN), since, 100));

        assertThat(batch.values().values().stream().mapToLong(List::size).sum()).isEqualTo(expected);
        // Only the matching orders crossed the wire: the filter ran on the server, not
        // here.
        assertThat(requests().get("orders")).isEqualTo(Math.max(1, (expected + 99) / 100));
    }

    @Test
    void ordersByNumberReadsOneRequest() {
        Order first = data().order(1).orElseThrow();
        Order second = data().order(2).orElseThrow();

        ErpBatch<String, SalesOrder> batch = sap().ordersByNumber(
                Set.of(numbering.orderNumber(1), numbering.orderNumber(2), "4999999", "4000001' or SalesOrder ne '"));

        assertThat(batch.values()).containsOnlyKeys(numbering.orderNumber(1), numbering.orderNumber(2));
        assertThat(batch.values().get(numbering.orderNumber(2)).lines()).hasSize(second.lines().size());
        assertThat(batch.values().get(numbering.orderNumber(1)).customerNumber())
            .isEqualTo(numbering.customerNumber(first.customerIndex()));
        assertThat(requests()).containsExactly(Map.entry("orders", 1L));
    }

    @Test
    void aCustomerWithoutOrdersOrUnknownGetsAnEmptyListAndTheOthersStillResolve() {
        String known = numbering.customerNumber(customerWithOrderIn(OrderStatus.INVOICED));

        ErpBatch<String, List<SalesOrder>> batch = sap().orders(Set.of(known, "19999999"), OrderQuery.latest(5));

        assertThat(batch.values().get(known)).isNotEmpty();
        assertThat(batch.values().get("19999999")).isEmpty();
        assertThat(batch.failures()).isEmpty();
    }

    // ---- hostile keys

    @Test
    void hostileCustomerNumbersAreNeverSentAndNeverWidenTheResult() {
        String legit = numbering.customerNumber(customerWithOrderIn(OrderStatus.INVOICED));
        Set<String> hostile = Set.of("1' or '1'='1", "x) or (1 eq 1", "'; drop table", "A' or SoldToParty ne '");
        Set<String> keys = new LinkedHashSet<>(hostile);
        keys.add(legit);

        ErpBatch<String, List<SalesOrder>> orders = sap().orders(keys, OrderQuery.latest(100));
        ErpBatch<String, CreditStatus> credit = sap().credit(keys);

        assertThat(orders.values()).containsOnlyKeys(legit);
        assertThat(orders.values().get(legit)).extracting(SalesOrder::customerNumber).containsOnly(legit);
        assertThat(credit.values()).containsOnlyKeys(legit);
    }

    @Test
    void hostileSkusAreEscapedAndMatchNothing() {
        String legit = data().items().iterator().next().sku();
        Set<String> skus = new LinkedHashSet<>(
                List.of("1' or '1'='1", "x) or (1 eq 1", "'; drop table", "A' or Material ne '", legit));

        ErpBatch<String, List<StockLevel>> stock = sap().stock(skus, null);
        ErpBatch<PriceKey, ItemPrice> prices = sap()
            .prices(Set.of(new PriceKey(numbering.customerNumber(0), "A' or Material ne '", BigDecimal.ONE),
                    new PriceKey(numbering.customerNumber(0), legit, BigDecimal.ONE)));

        assertThat(stock.values().get(legit)).isNotEmpty();
        skus.stream()
            .filter(sku -> !sku.equals(legit))
            .forEach(sku -> assertThat(stock.values().get(sku)).as(sku).isEmpty());
        assertThat(prices.values()).hasSize(1);
        assertThat(prices.values().keySet()).extracting(PriceKey::sku).containsExactly(legit);
    }

    // ---- credit

    @Test
    void creditReadsAccountsAndExposureInTwoRequests() {
        Set<String> keys = customers(0, 30);
        keys.add("19999999");

        ErpBatch<String, CreditStatus> batch = sap().credit(keys);

        assertThat(batch.values()).hasSize(30).doesNotContainKey("19999999");
        for (int index = 0; index < 30; index++) {
            DistributorDataSet.Customer customer = data().customer(index).orElseThrow();
            CreditStatus status = batch.values().get(numbering.customerNumber(index));
            assertThat(status.creditLimit().amount()).isEqualByComparingTo(customer.creditLimit());
            assertThat(status.balance().amount()).isEqualByComparingTo(customer.balance());
            assertThat(status.available().amount())
                .isEqualByComparingTo(customer.creditLimit().subtract(customer.balance()));
            assertThat(status.onHold()).isEqualTo(customer.onHold());
            assertThat(status.creditLimit().currency()).isEqualTo("USD");
        }
        assertThat(requests()).containsExactly(Map.entry("credit", 2L));
    }

    @Test
    void aBigBatchSplitsByUrlLengthIntoExactlyTheExpectedRequests() {
        // Unknown (but well-formed) partners: no rows, so every request is one chunk, no
        // paging.
        // Each key costs 45 encoded characters ("BusinessPartner%20eq%20%2719000000%27"
        // and "%20or%20"); what the
        // default 7,500-character URL leaves after the entity set URL and the segment
        // clause holds about 160 keys,
        // so 1,000 keys need exactly 7 requests; as many again for the exposure, read
        // beside the accounts for the same keys.
        Set<String> keys = IntStream.range(0, 1000)
            .mapToObj(i -> String.valueOf(19_000_000 + i))
            .collect(Collectors.toCollection(LinkedHashSet::new));

        assertThat(sap().credit(keys).values()).isEmpty();

        assertThat(requests()).containsExactly(Map.entry("credit", 14L));
    }

    @Test
    void theUrlLengthChunksOfABatchAreSentSideBySideAtMostFourAtOnce() {
        Set<String> keys = IntStream.range(0, 1000)
            .mapToObj(i -> String.valueOf(19_000_000 + i))
            .collect(Collectors.toCollection(LinkedHashSet::new));
        ErpConnector inTurn = new SapConnectorFactory()
            .create(connectorSettings("sap", Map.of("maxParallelRequests", "1")), connectorHttp("sap"));
        inTurn.credit(Set.of("17100001")); // a token outside the counted window
        sap().credit(Set.of("17100001"));
        sandbox("sap").faults(SandboxFaults.defaults(300, 0));

        sandbox("sap").stats().reset();
        long inTurnFrom = System.nanoTime();
        assertThat(inTurn.credit(keys).values()).isEmpty();
        assertThat(requests()).containsExactly(Map.entry("credit", 14L));
        assertThat(mostAtOnce("sap", inTurnFrom, "/CreditManagementAccount")).isEqualTo(1);

        sandbox("sap").stats().reset();
        long sideBySideFrom = System.nanoTime();
        assertThat(sap().credit(keys).values()).isEmpty();
        assertThat(requests()).containsExactly(Map.entry("credit", 14L));
        assertThat(mostAtOnce("sap", sideBySideFrom, "/CreditManagementAccount")).isBetween(2, 4);
    }

    // ---- stock

    @Test
    void stockIsPerPlantWithOnHandOverAllStockTypesAndAvailableUnrestricted() {
        List<String> skus = data().items().stream().limit(12).map(DistributorDataSet.Item::sku).toList();

        ErpBatch<String, List<StockLevel>> batch = sap().stock(new LinkedHashSet<>(skus), null);

        for (String sku : skus) {
            List<DistributorDataSet.Stock> expected = data().stock(sku);
            assertThat(batch.values().get(sku)).hasSize(expected.size());
            for (DistributorDataSet.Stock level : expected) {
                StockLevel read = batch.values()
                    .get(sku)
                    .stream()
                    .filter(l -> l.warehouse().equals(level.warehouse()))
                    .findFirst()
                    .orElseThrow();
                assertThat(read.onHand()).isEqualByComparingTo(level.onHand());
                assertThat(read.available()).isEqualByComparingTo(level.available());
            }
        }
        assertThat(requests()).containsExactly(Map.entry("inventory", 1L));
    }

    @Test
    void stockOfOneWarehouseFiltersByPlant() {
        String sku = data().items().iterator().next().sku();

        List<StockLevel> levels = sap().stock(Set.of(sku), "CLE").values().get(sku);

        assertThat(levels).extracting(StockLevel::warehouse).containsExactly("CLE");
        assertThat(levels.get(0).onHand()).isEqualByComparingTo(data().stock(sku, "CLE").orElseThrow().onHand());
    }

    // ---- prices

    @Test
    void pricesFollowCustomerConditionsAndScalesInTwoRequests() {
        List<DistributorDataSet.Item> items = List.copyOf(data().items());
        DistributorDataSet.Item withBreaks = items.get(0);
        DistributorDataSet.Item without = items.get(2);
        Set<PriceKey> keys = new LinkedHashSet<>();
        for (int customer = 0; customer < 6; customer++) {
            for (String quantity : List.of("1", "10", "55", "150")) {
                keys.add(new PriceKey(numbering.customerNumber(customer), withBreaks.sku(), new BigDecimal(quantity)));
            }
            keys.add(new PriceKey(numbering.customerNumber(customer), without.sku(), BigDecimal.TEN));
        }

        ErpBatch<PriceKey, ItemPrice> batch = sap().prices(keys);

        assertThat(batch.values()).hasSize(keys.size());
        for (PriceKey key : keys) {
            int customer = numbering.customerIndex(key.customerNumber()).orElseThrow();
            ItemPrice price = batch.values().get(key);
            assertThat(price.unitPrice().amount()).as(key.toString())
                .isEqualByComparingTo(data().unitPrice(customer, key.sku(), key.quantity()).orElseThrow());
            assertThat(price.listPrice().amount())
                .isEqualByComparingTo(data().item(key.sku()).orElseThrow().listPrice());
            assertThat(price.breaks()).hasSize(key.sku().equals(withBreaks.sku()) ? 4 : 0);
        }
        assertThat(requests()).containsExactly(Map.entry("prices", 2L));
    }

    @Test
    void pricesAreS4HanasPpr0RecordsToldApartByConditionTable() {
        List<DistributorDataSet.Item> items = List.copyOf(data().items());
        int discounted = IntStream.range(0, 100)
            .filter(i -> data().customer(i).orElseThrow().discountPercent().signum() > 0)
            .findFirst()
            .orElseThrow();
        PriceKey key = new PriceKey(numbering.customerNumber(discounted), items.get(2).sku(), BigDecimal.ONE);
        BigDecimal listPrice = items.get(2).listPrice();
        BigDecimal customerPrice = data().unitPrice(discounted, key.sku(), BigDecimal.ONE).orElseThrow();

        ItemPrice byDefault = sap().prices(Set.of(key)).values().get(key);
        ItemPrice listOnly = pricedWith(Map.of("prices.customerConditionTables", "999")).prices(Set.of(key))
            .values()
            .get(key);
        ErpBatch<PriceKey, ItemPrice> eccTypes = pricedWith(Map.of("prices.conditionTypes", "PR00"))
            .prices(Set.of(key));

        // The defaults find S/4HANA's PPR0: the customer's table-305 record, the
        // material's table-304 record as list price.
        assertThat(byDefault.unitPrice().amount()).isEqualByComparingTo(customerPrice);
        assertThat(byDefault.listPrice().amount()).isEqualByComparingTo(listPrice);
        assertThat(customerPrice).isLessThan(listPrice);
        // The tables are options: without a customer table the list record prices it.
        assertThat(listOnly.unitPrice().amount()).isEqualByComparingTo(listPrice);
        // ECC's PR00 is not in S/4HANA's standard pricing: nothing is found.
        assertThat(eccTypes.values()).isEmpty();
    }

    private ErpConnector pricedWith(Map<String, String> options) {
        return factory().create(connectorSettings("sap", options), connectorHttp("sap"));
    }

    @Test
    void anUnknownSkuOrCustomerHasNoPriceWhileTheOthersResolve() {
        String sku = data().items().iterator().next().sku();
        PriceKey known = new PriceKey(numbering.customerNumber(1), sku, BigDecimal.ONE);

        ErpBatch<PriceKey, ItemPrice> batch = sap()
            .prices(Set.of(known, new PriceKey(numbering.customerNumber(1), "NOPE-1", BigDecimal.ONE),
                    new PriceKey("not-a-partner", sku, BigDecimal.ONE)));

        assertThat(batch.values()).containsOnlyKeys(known);
    }

    // ---- create

    @Test
    void createdOrderIsReadableAndARetryWithTheSameKeyFindsIt() {
        String customer = numbering.customerNumber(7);
        String sku = data().items().iterator().next().sku();
        SalesOrderRequest request = new SalesOrderRequest("7f1c2a4e-1111-4a2b-9c3d-0123456789ab", customer, "OPP-42",
                LocalDate.of(2026, 11, 20), List.of(new SalesOrderRequest.Line(sku, new BigDecimal("5"), "CLE")));

        String number = sap().createSalesOrder(request);
        String again = sap().createSalesOrder(request);

        assertThat(again).isEqualTo(number);
        SalesOrder order = sap().ordersByNumber(Set.of(number)).values().get(number);
        assertThat(order.customerNumber()).isEqualTo(customer);
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.requestedDeliveryDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo(sku);
            assertThat(line.quantity()).isEqualByComparingTo("5");
            assertThat(line.unitPrice().amount())
                .isEqualByComparingTo(data().unitPrice(7, sku, new BigDecimal("5")).orElseThrow());
        });
        assertThat(requests()).containsEntry("csrf-token", 1L).containsEntry("create-order", 1L);
    }

    @Test
    void theCsrfTokenIsFetchedOnceAndReused() {
        String sku = data().items().iterator().next().sku();
        sap().createSalesOrder(request("reuse-1", sku));
        sap().createSalesOrder(request("reuse-2", sku));

        assertThat(requests().getOrDefault("csrf-token", 0L)).isLessThanOrEqualTo(1L);
        assertThat(requests()).containsEntry("create-order", 2L);
    }

    @Test
    void anExpiredCsrfSessionIsRefetchedOnce(@Autowired SapSandbox sapSandbox) {
        String sku = data().items().iterator().next().sku();
        sap().createSalesOrder(request("csrf-1", sku));
        sapSandbox.expireSessions();
        sandbox("sap").stats().reset();

        String number = sap().createSalesOrder(request("csrf-2", sku));

        assertThat(sap().ordersByNumber(Set.of(number)).values()).containsKey(number);
        // The cached token is refused (403, X-CSRF-Token: Required): one new fetch, then
        // the post again.
        assertThat(requests()).containsEntry("csrf-token", 1L).containsEntry("create-order", 2L);
    }

    @Test
    void aRejectedCreateCarriesSapsMessage() {
        assertThatThrownBy(() -> sap().createSalesOrder(request("bad-material", "NO-SUCH-MATERIAL")))
            .isInstanceOfSatisfying(ErpException.class, ex -> {
                assertThat(ex.kind()).isEqualTo(ErpException.Kind.REJECTED);
                assertThat(ex.erpSystemId()).isEqualTo("sap");
                assertThat(ex.erpMessage()).isEqualTo(
                        "Material NO-SUCH-MATERIAL is not defined for sales org.1710, distr.chan.10, language EN");
            });
    }

    private SalesOrderRequest request(String key, String sku) {
        return new SalesOrderRequest(key, numbering.customerNumber(8), null, null,
                List.of(new SalesOrderRequest.Line(sku, BigDecimal.ONE, null)));
    }

}
