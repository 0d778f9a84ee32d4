package dev.erpgraph.orders;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.SalesOrder;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.OrderRef;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpfields.FakeErp;
import dev.erpgraph.erpfields.FakeErpGateway;
import dev.erpgraph.erpfields.OneRequest;
import org.dataloader.DataLoader;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code Opportunity.order} dispatches reach the ERPs. */
class OrderByNumberLoaderTests {

    private final FakeErp sap = new FakeErp("sap");

    private final FakeErp netSuite = new FakeErp("netsuite");

    @Test
    void oneDispatchAsksEachErpOnceForAllItsOrderNumbers() {
        DefaultBatchLoaderRegistry registry = new DefaultBatchLoaderRegistry();
        new OrderByNumberLoader(registry, new ErpFieldProperties(true, 10, 10, 10), FakeErpGateway.over(sap, netSuite));
        DataLoader<OrderRef, ErpOutcome<SalesOrder>> loader = new OneRequest(registry).loader(OrderByNumberLoader.NAME);
        CompletableFuture<ErpOutcome<SalesOrder>> first = loader.load(new OrderRef("sap", "4000001"));
        loader.load(new OrderRef("sap", "4000002"));
        CompletableFuture<ErpOutcome<SalesOrder>> other = loader.load(new OrderRef("netsuite", "SO1"));

        loader.dispatch();

        assertThat(sap.calls()).containsExactly(new FakeErp.Call("ordersByNumber", Set.of("4000001", "4000002")));
        assertThat(netSuite.calls()).containsExactly(new FakeErp.Call("ordersByNumber", Set.of("SO1")));
        assertThat(first.join().value().number()).isEqualTo("4000001");
        assertThat(other.join().value().number()).isEqualTo("SO1");
    }

}
