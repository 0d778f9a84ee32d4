package dev.erpgraph.inventory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.StockLevel;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.StockRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpfields.FakeErp;
import dev.erpgraph.erpfields.FakeErpGateway;
import dev.erpgraph.erpfields.OneRequest;
import org.dataloader.DataLoader;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the stock loader's dispatches reach the ERPs: one call per ERP for every sku of a
 * dispatch, or one per sku without batching; what an ERP leaves out or does not know
 * stays on its own key.
 */
class InventoryLoaderTests {

    private final FakeErp sap = new FakeErp("sap");

    private final FakeErp netSuite = new FakeErp("netsuite");

    @Test
    void oneDispatchAsksEachErpOnceForAllItsSkus() {
        DataLoader<StockRef, ErpOutcome<List<StockLevel>>> loader = loader(true);
        List<CompletableFuture<ErpOutcome<List<StockLevel>>>> loads = List.of(loader.load(sapSku("A")),
                loader.load(sapSku("B")), loader.load(sapSku("C")), loader.load(netSuiteSku("A")),
                loader.load(netSuiteSku("D")));

        loader.dispatch();

        assertThat(sap.calls()).containsExactly(new FakeErp.Call("stock", Set.of("A", "B", "C")));
        assertThat(netSuite.calls()).containsExactly(new FakeErp.Call("stock", Set.of("A", "D")));
        assertThat(loads).allSatisfy(load -> assertThat(load).isCompletedWithValueMatching(ErpOutcome::isSuccess));
        assertThat(loads.get(3).join().freshness().erpSystemId()).isEqualTo("netsuite");
    }

    @Test
    void withoutBatchingEverySkuIsACallOfItsOwn() {
        DataLoader<StockRef, ErpOutcome<List<StockLevel>>> loader = loader(false);
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
        DataLoader<StockRef, ErpOutcome<List<StockLevel>>> loader = loader(true);
        CompletableFuture<ErpOutcome<List<StockLevel>>> answered = loader.load(sapSku("A"));
        CompletableFuture<ErpOutcome<List<StockLevel>>> leftOut = loader.load(sapSku("B"));

        loader.dispatch();

        assertThat(answered.join().value()).extracting(StockLevel::sku).containsExactly("A");
        assertThat(leftOut).isCompletedWithValue(null);
    }

    @Test
    void aSkuTheErpDoesNotKnowFailsAloneInItsBatch() {
        sap.knowsNot("B");
        DataLoader<StockRef, ErpOutcome<List<StockLevel>>> loader = loader(true);
        CompletableFuture<ErpOutcome<List<StockLevel>>> known = loader.load(sapSku("A"));
        CompletableFuture<ErpOutcome<List<StockLevel>>> unknown = loader.load(sapSku("B"));

        loader.dispatch();

        assertThat(sap.calls()).hasSize(1);
        assertThat(known.join().isSuccess()).isTrue();
        assertThat(unknown.join().failure().kind()).isEqualTo(ErpException.Kind.NOT_FOUND);
        assertThat(unknown.join().failure().erpSystemId()).isEqualTo("sap");
    }

    private DataLoader<StockRef, ErpOutcome<List<StockLevel>>> loader(boolean batching) {
        DefaultBatchLoaderRegistry registry = new DefaultBatchLoaderRegistry();
        new InventoryLoader(registry, new ErpFieldProperties(batching, 10, 10, 10), FakeErpGateway.over(sap, netSuite));
        return new OneRequest(registry).loader(InventoryLoader.NAME);
    }

    private static StockRef sapSku(String sku) {
        return new StockRef("sap", sku, null);
    }

    private static StockRef netSuiteSku(String sku) {
        return new StockRef("netsuite", sku, null);
    }

}
