package dev.erpgraph.credit;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpException;
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
 * How {@code Account.creditStatus} dispatches reach the ERPs: each account's first link,
 * one call per ERP; no link, no credit status.
 */
class CreditStatusLoaderTests {

    private final FakeErp sap = new FakeErp("sap");

    private final FakeErp netSuite = new FakeErp("netsuite");

    private final LinkedAccounts accounts = new LinkedAccounts().link(1, new CustomerRef("sap", "C1"))
        .link(2, new CustomerRef("sap", "C2"))
        .link(3, new CustomerRef("netsuite", "N3"), new CustomerRef("sap", "C3"));

    @Test
    void oneDispatchAsksEachErpOnceForItsAccountsFirstLinks() {
        DataLoader<Long, ErpOutcome<CreditStatus>> loader = loader(true);
        CompletableFuture<ErpOutcome<CreditStatus>> first = loader.load(1L);
        loader.load(2L);
        CompletableFuture<ErpOutcome<CreditStatus>> twoLinks = loader.load(3L);

        loader.dispatch();

        assertThat(accounts.statements()).isOne();
        assertThat(sap.calls()).containsExactly(new FakeErp.Call("credit", Set.of("C1", "C2")));
        assertThat(netSuite.calls()).containsExactly(new FakeErp.Call("credit", Set.of("N3")));
        assertThat(first.join().freshness().erpSystemId()).isEqualTo("sap");
        assertThat(twoLinks.join().freshness().erpSystemId()).isEqualTo("netsuite");
    }

    @Test
    void withoutBatchingEveryAccountIsACallOfItsOwn() {
        DataLoader<Long, ErpOutcome<CreditStatus>> loader = loader(false);
        loader.load(1L);
        loader.load(2L);

        loader.dispatch();

        assertThat(sap.calls()).containsExactlyInAnyOrder(new FakeErp.Call("credit", Set.of("C1")),
                new FakeErp.Call("credit", Set.of("C2")));
    }

    @Test
    void anAccountWithoutLinksResolvesToNullBesideTheOthers() {
        DataLoader<Long, ErpOutcome<CreditStatus>> loader = loader(true);
        CompletableFuture<ErpOutcome<CreditStatus>> linked = loader.load(1L);
        CompletableFuture<ErpOutcome<CreditStatus>> unlinked = loader.load(9L);

        loader.dispatch();

        assertThat(linked.join().isSuccess()).isTrue();
        assertThat(unlinked).isCompletedWithValue(null);
    }

    @Test
    void aCustomerTheErpDoesNotKnowFailsAloneInItsBatch() {
        sap.knowsNot("C2");
        DataLoader<Long, ErpOutcome<CreditStatus>> loader = loader(true);
        CompletableFuture<ErpOutcome<CreditStatus>> known = loader.load(1L);
        CompletableFuture<ErpOutcome<CreditStatus>> unknown = loader.load(2L);

        loader.dispatch();

        assertThat(sap.calls()).hasSize(1);
        assertThat(known.join().isSuccess()).isTrue();
        assertThat(unknown.join().failure().kind()).isEqualTo(ErpException.Kind.NOT_FOUND);
    }

    private DataLoader<Long, ErpOutcome<CreditStatus>> loader(boolean batching) {
        DefaultBatchLoaderRegistry registry = new DefaultBatchLoaderRegistry();
        new CreditStatusLoader(registry, new ErpFieldProperties(batching, 10, 10, 10), accounts.links(),
                FakeErpGateway.over(sap, netSuite));
        return new OneRequest(registry).loader(CreditStatusLoader.NAME);
    }

}
