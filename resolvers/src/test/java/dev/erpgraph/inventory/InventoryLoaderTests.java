package dev.erpgraph.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.StockRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpfields.FakeErp;
import dev.erpgraph.erpfields.FakeErpGateway;
import dev.erpgraph.erpfields.OneRequest;
import org.dataloader.DataLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the stock loader's dispatches reach the ERPs: one call per ERP for every sku of a
 * dispatch, or one per sku without batching; what an ERP leaves out or does not know
 * stays on its own key; each key is answered once its own ERP has answered.
 */
class InventoryLoaderTests {

    private final FakeErp sap = new FakeErp("sap");

    private final FakeErp netSuite = new FakeErp("netsuite");

    private final ExecutorService reads = Executors.newCachedThreadPool();

    @AfterEach
    void stopReads() {
        reads.shutdownNow();
    }

    @Test
    void oneDispatchAsksEachErpOnceForAllItsSkus() {
        DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader = loader(true);
        List<CompletableFuture<ErpOutcome<List<StockLevel>>>> loads = List.of(load(loader, sapSku("A")),
                load(loader, sapSku("B")), load(loader, sapSku("C")), load(loader, netSuiteSku("A")),
                load(loader, netSuiteSku("D")));

        loader.dispatch();

        assertThat(sap.calls()).containsExactly(new FakeErp.Call("stock", Set.of("A", "B", "C")));
        assertThat(netSuite.calls()).containsExactly(new FakeErp.Call("stock", Set.of("A", "D")));
        assertThat(loads).allSatisfy(load -> assertThat(load).isCompletedWithValueMatching(ErpOutcome::isSuccess));
        assertThat(loads.get(3).join().freshness().erpSystemId()).isEqualTo("netsuite");
    }

    @Test
    void withoutBatchingEverySkuIsACallOfItsOwn() {
        DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader = loader(false);
        loader.load(sapSku("A"));
        loader.load(sapSku("B"));
        loader.load(sapSku("C"));

        loader.dispatch();

        assertThat(sap.calls()).containsExactlyInAnyOrder(new FakeErp.Call("stock", Set.of("A")),
                new FakeErp.Call("stock", Set.of("B")), new FakeErp.Call("stock", Set.of("C")));
    }

    @Test
    void aSkuLeftOutOfTheAnswerResolvesToNull() {
        sap.leavesOut("B");
        DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader = loader(true);
        CompletableFuture<ErpOutcome<List<StockLevel>>> answered = load(loader, sapSku("A"));
        CompletableFuture<ErpOutcome<List<StockLevel>>> leftOut = load(loader, sapSku("B"));

        loader.dispatch();

        assertThat(answered.join().value()).extracting(StockLevel::sku).containsExactly("A");
        assertThat(leftOut).isCompletedWithValue(null);
    }

    @Test
    void aSkuTheErpDoesNotKnowFailsAloneInItsBatch() {
        sap.knowsNot("B");
        DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader = loader(true);
        CompletableFuture<ErpOutcome<List<StockLevel>>> known = load(loader, sapSku("A"));
        CompletableFuture<ErpOutcome<List<StockLevel>>> unknown = load(loader, sapSku("B"));

        loader.dispatch();

        assertThat(sap.calls()).hasSize(1);
        assertThat(known.join().isSuccess()).isTrue();
        assertThat(unknown.join().failure().kind()).isEqualTo(ErpException.Kind.NOT_FOUND);
        assertThat(unknown.join().failure().erpSystemId()).isEqualTo("sap");
    }

    @Test
    void aKeyIsAnsweredOnceItsOwnErpHasAnsweredWhileAnotherErpOfTheDispatchIsStillReading() {
        CountDownLatch sapAnswers = new CountDownLatch(1);
        sap.answersStockAfter(sapAnswers);
        DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader = loader(true, reads);
        CompletableFuture<ErpOutcome<List<StockLevel>>> netSuiteStock = load(loader, netSuiteSku("A"));
        CompletableFuture<ErpOutcome<List<StockLevel>>> sapStock = load(loader, sapSku("A"));

        loader.dispatch();

        await().atMost(Duration.ofSeconds(5)).until(netSuiteStock::isDone);
        assertThat(netSuiteStock.join().value()).extracting(StockLevel::sku).containsExactly("A");
        assertThat(sapStock).isNotDone();
        sapAnswers.countDown();
        await().atMost(Duration.ofSeconds(5)).until(sapStock::isDone);
        assertThat(sapStock.join().freshness().erpSystemId()).isEqualTo("sap");
        assertThat(sap.calls()).containsExactly(new FakeErp.Call("stock", Set.of("A")));
    }

    @Test
    void stockTheRequestsOrdersStartedReadingIsAnsweredFromThatReadEvenWithNothingCached() {
        sap.ordersHaveALineOf("A");
        DefaultBatchLoaderRegistry registry = new DefaultBatchLoaderRegistry();
        // The fakes' gateway caches nothing, as a TTL of 0 would.
        ErpGateway gateway = FakeErpGateway.over(sap, netSuite);
        new InventoryLoader(registry, new ErpFieldProperties(true, 10, 10, 10), gateway);
        OneRequest request = new OneRequest(registry);
        gateway
            .orders(Set.of(new CustomerRef("sap", "C1")), OrderQuery.latest(5).withLineStock(true),
                    RequestStockReads.of(request.context())::add)
            .join();
        DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader = request
            .loader(InventoryLoader.NAME);
        CompletableFuture<ErpOutcome<List<StockLevel>>> lineStock = load(loader, sapSku("A"));
        CompletableFuture<ErpOutcome<List<StockLevel>>> otherStock = load(loader, sapSku("B"));

        loader.dispatch();

        assertThat(sap.calls()).containsExactly(new FakeErp.Call("orders", Set.of("C1")),
                new FakeErp.Call("stock", Set.of("A")), new FakeErp.Call("stock", Set.of("B")));
        assertThat(lineStock.join().value()).extracting(StockLevel::sku).containsExactly("A");
        assertThat(otherStock.join().value()).extracting(StockLevel::sku).containsExactly("B");
    }

    /** What {@code OrderLine.inventory} gets for a key. */
    private static CompletableFuture<ErpOutcome<List<StockLevel>>> load(
            DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader, StockRef key) {
        return loader.load(key).thenCompose(Function.identity());
    }

    private DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader(boolean batching) {
        return loader(batching, Runnable::run);
    }

    private DataLoader<StockRef, CompletableFuture<ErpOutcome<List<StockLevel>>>> loader(boolean batching,
            Executor reads) {
        DefaultBatchLoaderRegistry registry = new DefaultBatchLoaderRegistry();
        new InventoryLoader(registry, new ErpFieldProperties(batching, 10, 10, 10),
                FakeErpGateway.over(reads, sap, netSuite));
        return new OneRequest(registry).loader(InventoryLoader.NAME);
    }

    private static StockRef sapSku(String sku) {
        return new StockRef("sap", sku, null);
    }

    private static StockRef netSuiteSku(String sku) {
        return new StockRef("netsuite", sku, null);
    }

}
