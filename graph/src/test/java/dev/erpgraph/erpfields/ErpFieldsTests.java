package dev.erpgraph.erpfields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.SandboxRegistry;
import dev.erpgraph.sandbox.SandboxStats;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ERP-owned fields over real HTTP against the sandbox ERPs: only what is rendered is
 * fetched, one request per ERP and resource whatever the number of accounts, ERPs in
 * parallel, and failures confined to their own keys. Every test starts cold (gateway
 * cache evicted) with calm sandboxes and zeroed request counts.
 */
class ErpFieldsTests extends HttpGraphQlTests {

    @Autowired
    SandboxRegistry sandboxes;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ErpGateway gateway;

    @Autowired
    SchemaInspection schemaInspection;

    @BeforeEach
    @AfterEach
    void coldAndCalm() {
        ColdErps.reset(sandboxes, gateway);
    }

    @Test
    void everySchemaFieldHasAResolver() {
        assertThat(schemaInspection.unmappedFields()).isEmpty();
        assertThat(schemaInspection.report().unmappedArguments()).isEmpty();
    }

    @Test
    void aQueryWithoutErpFieldsSendsNoRequestToAnyErp() {
        graphQl.documentName("crmOnly")
            .variable("erpSystemId", "sap")
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes[0].erpLinks[0].erpSystem.id")
            .entity(String.class)
            .isEqualTo("sap")
            .path("accounts.nodes")
            .entityList(Object.class)
            .hasSize(50);

        for (Sandbox sandbox : sandboxes.all()) {
            assertThat(sandbox.stats().snapshot().requests()).as(sandbox.id()).isZero();
        }
    }

    @Test
    void twentyAccountsCostTheSameErpRequestsAsFive() {
        String after = graphQl.documentName("account360")
            .variable("erpSystemId", "sap")
            .variable("first", 5)
            .execute()
            .errors()
            .verify()
            .path("accounts.pageInfo.endCursor")
            .entity(String.class)
            .get();
        Map<String, Long> forFive = sandbox("sap").stats().snapshot().byResource();

        coldAndCalm();
        graphQl.documentName("account360")
            .variable("erpSystemId", "sap")
            .variable("first", 20)
            .variable("after", after)
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes")
            .entityList(Object.class)
            .hasSize(20);
        Map<String, Long> forTwenty = sandbox("sap").stats().snapshot().byResource();

        // SAP: orders with lines in one $expand read, stock in one, credit account +
        // exposure, price
        // validity + scales: a handful, the same for 5 and for 20 accounts.
        assertThat(forFive).isEqualTo(Map.of("orders", 1L, "inventory", 1L, "credit", 2L, "prices", 2L));
        assertThat(forTwenty).isEqualTo(forFive);
        for (Sandbox other : sandboxes.all()) {
            if (!other.id().equals("sap")) {
                assertThat(other.stats().snapshot().requests()).as(other.id()).isZero();
            }
        }
    }

    @Test
    void threeErpsAreReadConcurrently() {
        // Tokens and connections are warmed first, so each ERP then sees only its credit
        // reads.
        graphQl.documentName("creditAcrossErps").execute().errors().verify();
        coldAndCalm();
        List<String> ids = List.of("sap", "business-central", "netsuite");
        // Long enough that reads one after another could never overlap, even on a loaded
        // machine.
        ids.forEach(id -> sandbox(id).faults(SandboxFaults.defaults(1500, 0)));

        graphQl.documentName("creditAcrossErps")
            .execute()
            .errors()
            .verify()
            .path("ns.nodes[0].creditStatus.onHold")
            .hasValue();

        List<SandboxStats.Interval> first = new ArrayList<>();
        StringBuilder timeline = new StringBuilder();
        long origin = Long.MAX_VALUE;
        for (String id : ids) {
            for (SandboxStats.Interval interval : sandbox(id).stats().intervals()) {
                origin = Math.min(origin, interval.startNanos());
            }
        }
        for (String id : ids) {
            List<SandboxStats.Interval> intervals = sandbox(id).stats().intervals();
            first.add(intervals.stream().min((a, b) -> Long.compare(a.startNanos(), b.startNanos())).orElseThrow());
            for (SandboxStats.Interval interval : intervals) {
                timeline.append(String.format("%s %d..%d ms; ", id, (interval.startNanos() - origin) / 1_000_000,
                        (interval.endNanos() - origin) / 1_000_000));
            }
        }
        long latestStart = first.stream().mapToLong(SandboxStats.Interval::startNanos).max().orElseThrow();
        long earliestEnd = first.stream().mapToLong(SandboxStats.Interval::endNanos).min().orElseThrow();
        assertThat(latestStart).as("every ERP's first request starts before any of them ends: " + timeline)
            .isLessThan(earliestEnd);
    }

    @Test
    void aSlowErpCostsNoErpAnExtraRequest() {
        graphQl.documentName("stockAcrossErps").variable("first", 1).execute().errors().verify();
        coldAndCalm();
        graphQl.documentName("stockAcrossErps").variable("first", 5).execute().errors().verify();
        Map<String, Map<String, Long>> whenQuick = Map.of("sap", sandbox("sap").stats().snapshot().byResource(),
                "netsuite", sandbox("netsuite").stats().snapshot().byResource());

        coldAndCalm();
        // NetSuite reads orders in two round trips (headers, then lines), each slow here;
        // SAP answers at once.
        sandbox("netsuite").faults(SandboxFaults.defaults(1000, 0));
        graphQl.documentName("stockAcrossErps")
            .variable("first", 5)
            .execute()
            .errors()
            .verify()
            .path("sap.nodes[0].orders[0].lines[0].inventory[0].warehouse")
            .hasValue()
            .path("ns.nodes[0].orders[0].lines[0].inventory[0].warehouse")
            .hasValue();

        // The lines' stock goes out in one dispatch once every ERP's orders are in: one
        // stock read per ERP for all the lines of the page, however late one ERP's orders
        // come.
        whenQuick.forEach((id, requests) -> assertThat(sandbox(id).stats().snapshot().byResource()).as(id)
            .isEqualTo(requests)
            .containsEntry("inventory", 1L));
    }

    @Test
    void threeErpsOnOnePageCostEachErpWhatItsOwnPageCosts() {
        // Tokens and what a connector keeps for its life (Business Central's locations)
        // are read first.
        graphQl.documentName("account360AcrossErps").variable("first", 1).execute().errors().verify();
        Map<String, String> aliases = Map.of("sap", "sap", "business-central", "bc", "netsuite", "ns");
        Map<String, Map<String, Long>> alone = new HashMap<>();
        for (String id : aliases.keySet()) {
            coldAndCalm();
            GraphQlTester.Request<?> onlyThisErp = graphQl.documentName("account360AcrossErps").variable("first", 10);
            aliases.forEach((other, alias) -> onlyThisErp.variable(alias, other.equals(id)));
            onlyThisErp.execute().errors().verify();
            alone.put(id, sandbox(id).stats().snapshot().byResource());
        }

        coldAndCalm();
        graphQl.documentName("account360AcrossErps")
            .variable("first", 10)
            .execute()
            .errors()
            .verify()
            .path("ns.nodes[0].orders[0].lines[0].inventory[0].warehouse")
            .hasValue();

        // Each ERP's stock goes out in one batch for all its lines, as on its own page.
        for (String id : aliases.keySet()) {
            assertThat(sandbox(id).stats().snapshot().byResource()).as(id)
                .isEqualTo(alone.get(id))
                .containsKey("inventory");
        }
    }

    @Test
    void anErpThatIsDownLeavesEveryOtherErpAndEveryCrmFieldIntact() {
        sandbox("netsuite").faults(new SandboxFaults(0, 0, true, 0.0, false, 0, 1, 3600));

        graphQl.documentName("creditAcrossErps")
            .execute()
            .errors()
            .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getPath()).isEqualTo("ns.nodes[0].creditStatus");
                assertThat(error.getExtensions()).containsEntry("code", "ERP_UNAVAILABLE")
                    .containsEntry("erpSystemId", "netsuite");
                assertThat(error.getMessage()).doesNotContain("Exception").doesNotContain("at dev.");
            }))
            .path("ns.nodes[0].name")
            .hasValue()
            .path("ns.nodes[0].creditStatus")
            .valueIsNull()
            .path("sap.nodes[0].creditStatus.onHold")
            .hasValue()
            .path("bc.nodes[0].creditStatus.onHold")
            .hasValue();
    }

    @Test
    void aCustomerTheErpDoesNotKnowFailsAloneInItsBatch() {
        String known = graphQl.document("{ accounts(first: 1, filter: { erpSystemId: \"sap\" }) { nodes { id } } }")
            .execute()
            .path("accounts.nodes[0].id")
            .entity(String.class)
            .get();
        String unknown = createAccount(uniqueWord());
        graphQl
            .document("mutation($id: ID!) { linkErpCustomer(input: { accountId: $id, erpSystemId: \"sap\","
                    + " customerNumber: \"17199999\" }) { erpLink { customerNumber } } }")
            .variable("id", unknown)
            .execute()
            .errors()
            .verify();

        graphQl
            .document("query($a: ID!, $b: ID!) { a: account(id: $a) { creditStatus { onHold } }"
                    + " b: account(id: $b) { name creditStatus { onHold } } }")
            .variable("a", known)
            .variable("b", unknown)
            .execute()
            .errors()
            .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getPath()).isEqualTo("b.creditStatus");
                assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")
                    .containsEntry("erpSystemId", "sap");
            }))
            .path("a.creditStatus.onHold")
            .hasValue()
            .path("b.name")
            .hasValue()
            .path("b.creditStatus")
            .valueIsNull();
    }

    @Test
    void inventoryAtClevelandComesFromEveryErp() {
        List<Map<String, Object>> levels = graphQl
            .document("{ inventory(skus: [\"PVC-10000\"], warehouse: \"CLE\")"
                    + " { sku warehouse freshness { erpSystem { id } } } }")
            .execute()
            .errors()
            .verify()
            .path("inventory")
            .entityList(new ParameterizedTypeReference<Map<String, Object>>() {
            })
            .get();

        assertThat(levels)
            .allSatisfy(level -> assertThat(level).containsEntry("warehouse", "CLE").containsEntry("sku", "PVC-10000"));
        assertThat(levels)
            .extracting(level -> (String) ((Map<?, ?>) ((Map<?, ?>) level.get("freshness")).get("erpSystem")).get("id"))
            .containsExactlyInAnyOrder("sap", "business-central", "netsuite", "sxe", "p21");
        for (Sandbox sandbox : sandboxes.all()) {
            assertThat(sandbox.stats().snapshot().byResource().getOrDefault("inventory", 0L)).as(sandbox.id())
                .isEqualTo(1L);
        }
    }

    @Test
    void aHostileSkuFindsNothingAndWidensNoQuery() {
        graphQl
            .document("{ inventory(skus: [\"PVC-10000' or '1'='1\", \"x) or (1 eq 1\", \"'; drop table item\"])"
                    + " { sku warehouse } }")
            .execute()
            .errors()
            .verify()
            .path("inventory")
            .entityList(Object.class)
            .hasSize(0);
    }

    @Test
    void argumentsOutOfRangeAreRefusedWithTheFieldNamed() {
        graphQl.document("{ accounts(first: 1) { nodes { orders(first: 101) { number } } } }")
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "first"));
        graphQl.document("{ inventory(skus: []) { sku } }")
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "skus"));
        graphQl.document("{ inventory(skus: [\"PVC-10000\"], erpSystemId: \"nope\") { sku } }")
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "erpSystemId"));
    }

    @Test
    void linkingToAnUnknownErpSystemIsRefused() {
        String account = createAccount(uniqueWord());
        graphQl
            .document("mutation($id: ID!) { linkErpCustomer(input: { accountId: $id, erpSystemId: \"nope\","
                    + " customerNumber: \"1\" }) { erpLink { customerNumber } } }")
            .variable("id", account)
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "erpSystemId"));
        graphQl.document("query($id: ID!) { account(id: $id) { erpLinks { customerNumber } } }")
            .variable("id", account)
            .execute()
            .errors()
            .verify()
            .path("account.erpLinks")
            .entityList(Object.class)
            .hasSize(0);
    }

    @Test
    void aSecondLinkInTheSameRequestIsSeenByItsPayload() {
        String account = createAccount(uniqueWord());
        graphQl
            .document("mutation($id: ID!, $sap: String!, $netsuite: String!) {"
                    + " first: linkErpCustomer(input: { accountId: $id, erpSystemId: \"sap\", customerNumber: $sap })"
                    + " { account { erpLinks { erpSystem { id } } } }"
                    + " second: linkErpCustomer(input: { accountId: $id, erpSystemId: \"netsuite\","
                    + " customerNumber: $netsuite }) { account { erpLinks { erpSystem { id } } } } }")
            .variable("id", account)
            .variable("sap", uniqueWord())
            .variable("netsuite", uniqueWord())
            .execute()
            .errors()
            .verify()
            .path("first.account.erpLinks[*].erpSystem.id")
            .entityList(String.class)
            .containsExactly("sap")
            .path("second.account.erpLinks[*].erpSystem.id")
            .entityList(String.class)
            .containsExactly("sap", "netsuite");
    }

    @Test
    void requestsAreTimedButNotEachField() {
        graphQl
            .document("{ accounts(first: 3, filter: { erpSystemId: \"sap\" }) { nodes { orders(first: 2)"
                    + " { lines { inventory { available } } } } } }")
            .execute()
            .errors()
            .verify();

        assertThat(meters.find("graphql.request").timer()).isNotNull();
        assertThat(meters.find("graphql.datafetcher").timer()).isNull();
    }

    /**
     * What one account-360 page costs SX.e, call by call, cold: SX.API reads one customer
     * or one order per call, so this is the page that shows whether its multi-key calls
     * are used. Five accounts with credit, a price, three orders with lines and the
     * lines' Cleveland stock cost 92 calls when stock was one
     * {@code sxapiicproductavailbywhse} per sku (5 order lists, 13 single orders, 59
     * stock, 5 + 5 credit, 5 pricing); with the multi-product availability call they cost
     * 34 (issue 16).
     */
    @Test
    void aFiveAccountPageCostsSxeThirtyFourCalls() {
        List<Map<String, Object>> accounts = graphQl.documentName("account360OneErp")
            .variable("erpSystemId", "sxe")
            .variable("first", 5)
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes")
            .entityList(new ParameterizedTypeReference<Map<String, Object>>() {
            })
            .hasSize(5)
            .get();

        Map<String, Long> calls = new HashMap<>(sandbox("sxe").stats().snapshot().byResource());
        calls.remove("token"); // the gateway's, renewed whenever it runs out
        // Per resource: a list per customer, a detail per order shown, ONE stock call
        // for every line of the page, two credit calls and one pricing call per
        // customer.
        assertThat(calls).isEqualTo(Map.of("orders", 5L, "order-lines", 13L, "inventory", 1L, "credit", 5L,
                "credit-balance", 5L, "prices", 5L));
        assertThat(calls.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(34L);
        assertThat(accounts).allSatisfy(account -> assertThat(account.get("creditStatus")).isNotNull());
    }

    @Test
    void sxeLinesComeWithTheirDescriptionAndTheirOrdersWarehouse() {
        GraphQlTester.Traversable response = graphQl.documentName("account360OneErp")
            .variable("erpSystemId", "sxe")
            .variable("first", 5)
            .execute()
            .errors()
            .verify();

        List<String> descriptions = response.path("accounts.nodes[*].orders[*].lines[*].description")
            .entityList(String.class)
            .get();
        List<String> warehouses = response.path("accounts.nodes[*].orders[*].lines[*].warehouse")
            .entityList(String.class)
            .get();
        assertThat(descriptions).isNotEmpty().doesNotContainNull().noneMatch(String::isBlank);
        assertThat(warehouses).hasSameSizeAs(descriptions).doesNotContainNull();
    }

    private Sandbox sandbox(String id) {
        return sandboxes.find(id).orElseThrow();
    }

}
