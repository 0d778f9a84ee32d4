package dev.erpgraph.orders;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SalesOrder;
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
 * How {@code Account.orders} dispatches reach the ERPs: one links statement and one
 * orders call per ERP and argument set, whatever the number of accounts; an account
 * linked to two ERPs answers both, each ERP's failure on its own outcome.
 */
class AccountOrdersLoaderTests {

    private static final OrderQuery LATEST = OrderQuery.latest(2);

    private final FakeErp sap = new FakeErp("sap");

    private final FakeErp netSuite = new FakeErp("netsuite");

    private final LinkedAccounts accounts = new LinkedAccounts().link(1, sap("C1"))
        .link(2, sap("C2"))
        .link(3, netSuite("N3"))
        .link(4, sap("C4"), netSuite("N4"));

    @Test
    void oneDispatchAsksEachErpOnceForAllItsCustomers() {
        DataLoader<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> loader = loader(true);
        List<CompletableFuture<List<ErpOutcome<List<SalesOrder>>>>> loads = List.of(
                loader.load(new AccountOrdersKey(1, LATEST)), loader.load(new AccountOrdersKey(2, LATEST)),
                loader.load(new AccountOrdersKey(3, LATEST)), loader.load(new AccountOrdersKey(4, LATEST)));

        loader.dispatch();

        assertThat(accounts.statements()).isOne();
        assertThat(sap.calls()).containsExactly(new FakeErp.Call("orders", Set.of("C1", "C2", "C4")));
        assertThat(netSuite.calls()).containsExactly(new FakeErp.Call("orders", Set.of("N3", "N4")));
        assertThat(numbers(loads.get(0))).containsExactly("C1-1");
        assertThat(numbers(loads.get(2))).containsExactly("N3-1");
        assertThat(numbers(loads.get(3))).containsExactly("C4-1", "N4-1");
    }

    @Test
    void eachArgumentSetOfADispatchIsOneCallPerErp() {
        DataLoader<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> loader = loader(true);
        loader.load(new AccountOrdersKey(1, LATEST));
        loader.load(new AccountOrdersKey(2, LATEST));
        loader.load(new AccountOrdersKey(1, OrderQuery.latest(5)));

        loader.dispatch();

        assertThat(accounts.statements()).isOne();
        assertThat(sap.calls()).containsExactlyInAnyOrder(new FakeErp.Call("orders", Set.of("C1", "C2")),
                new FakeErp.Call("orders", Set.of("C1")));
    }

    @Test
    void withoutBatchingEveryAccountIsACallOfItsOwn() {
        DataLoader<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> loader = loader(false);
        loader.load(new AccountOrdersKey(1, LATEST));
        loader.load(new AccountOrdersKey(2, LATEST));

        loader.dispatch();

        assertThat(sap.calls()).containsExactlyInAnyOrder(new FakeErp.Call("orders", Set.of("C1")),
                new FakeErp.Call("orders", Set.of("C2")));
    }

    @Test
    void anAccountWithoutLinksHasNoOrdersAndAsksNoErp() {
        DataLoader<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> loader = loader(true);
        CompletableFuture<List<ErpOutcome<List<SalesOrder>>>> unlinked = loader.load(new AccountOrdersKey(9, LATEST));

        loader.dispatch();

        assertThat(unlinked).isCompletedWithValue(List.of());
        assertThat(sap.calls()).isEmpty();
        assertThat(netSuite.calls()).isEmpty();
    }

    @Test
    void anErpThatDoesNotKnowACustomerLeavesTheOtherErpsOrdersInPlace() {
        netSuite.knowsNot("N4");
        DataLoader<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> loader = loader(true);
        CompletableFuture<List<ErpOutcome<List<SalesOrder>>>> both = loader.load(new AccountOrdersKey(4, LATEST));
        CompletableFuture<List<ErpOutcome<List<SalesOrder>>>> other = loader.load(new AccountOrdersKey(3, LATEST));

        loader.dispatch();

        assertThat(both.join()).hasSize(2);
        assertThat(both.join().get(0).value()).extracting(SalesOrder::number).containsExactly("C4-1");
        assertThat(both.join().get(1).failure().kind()).isEqualTo(ErpException.Kind.NOT_FOUND);
        assertThat(numbers(other)).containsExactly("N3-1");
    }

    private DataLoader<AccountOrdersKey, List<ErpOutcome<List<SalesOrder>>>> loader(boolean batching) {
        DefaultBatchLoaderRegistry registry = new DefaultBatchLoaderRegistry();
        new AccountOrdersLoader(registry, new ErpFieldProperties(batching, 10, 10, 10), accounts.links(),
                FakeErpGateway.over(sap, netSuite));
        return new OneRequest(registry).loader(AccountOrdersLoader.NAME);
    }

    private static List<String> numbers(CompletableFuture<List<ErpOutcome<List<SalesOrder>>>> load) {
        return load.join().stream().flatMap(outcome -> outcome.value().stream()).map(SalesOrder::number).toList();
    }

    private static CustomerRef sap(String customer) {
        return new CustomerRef("sap", customer);
    }

    private static CustomerRef netSuite(String customer) {
        return new CustomerRef("netsuite", customer);
    }

}
