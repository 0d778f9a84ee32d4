package dev.erpgraph.pricing;

import java.math.BigDecimal;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.gateway.CustomerRef;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erpfields.ErpFieldProperties;
import dev.erpgraph.erpfields.FakeErp;
import dev.erpgraph.erpfields.FakeErpGateway;
import dev.erpgraph.erpfields.OneRequest;
import dev.erpgraph.erpsystems.LinkedAccounts;
import org.dataloader.DataLoader;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code Account.price} dispatches reach the ERPs: every (customer, sku, quantity) of
 * a dispatch in one call per ERP.
 */
class PriceLoaderTests {

    private final FakeErp sap = new FakeErp("sap");

    private final FakeErp netSuite = new FakeErp("netsuite");

    private final LinkedAccounts accounts = new LinkedAccounts().link(1, new CustomerRef("sap", "C1"))
        .link(2, new CustomerRef("netsuite", "N2"));

    @Test
    void oneDispatchAsksEachErpOnceForEveryPriceOfItsCustomers() {
        DataLoader<PriceFieldKey, ErpOutcome<ItemPrice>> loader = loader();
        CompletableFuture<ErpOutcome<ItemPrice>> ten = loader.load(price(1, "PVC-1", "10"));
        loader.load(price(1, "PVC-2", "25"));
        CompletableFuture<ErpOutcome<ItemPrice>> other = loader.load(price(2, "PVC-1", "10"));

        loader.dispatch();

        assertThat(accounts.statements()).isOne();
        assertThat(sap.calls()).containsExactly(new FakeErp.Call("prices", Set.of("C1")));
        assertThat(netSuite.calls()).containsExactly(new FakeErp.Call("prices", Set.of("N2")));
        assertThat(ten.join().value().sku()).isEqualTo("PVC-1");
        assertThat(other.join().freshness().erpSystemId()).isEqualTo("netsuite");
    }

    @Test
    void anAccountWithoutLinksHasNoPrice() {
        DataLoader<PriceFieldKey, ErpOutcome<ItemPrice>> loader = loader();
        CompletableFuture<ErpOutcome<ItemPrice>> unlinked = loader.load(price(9, "PVC-1", "10"));

        loader.dispatch();

        assertThat(unlinked).isCompletedWithValue(null);
        assertThat(sap.calls()).isEmpty();
    }

    private DataLoader<PriceFieldKey, ErpOutcome<ItemPrice>> loader() {
        DefaultBatchLoaderRegistry registry = new DefaultBatchLoaderRegistry();
        new PriceLoader(registry, new ErpFieldProperties(true, 10, 10, 10), accounts.links(),
                FakeErpGateway.over(sap, netSuite));
        return new OneRequest(registry).loader(PriceLoader.NAME);
    }

    private static PriceFieldKey price(long accountId, String sku, String quantity) {
        return new PriceFieldKey(PriceFieldKey.Owner.ACCOUNT, accountId, sku, new BigDecimal(quantity));
    }

}
