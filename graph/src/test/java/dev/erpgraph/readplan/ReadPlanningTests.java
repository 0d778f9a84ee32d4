package dev.erpgraph.readplan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.erpgraph.benchmark.CriticalPath;
import dev.erpgraph.DemoTokens;
import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.SandboxRegistry;
import dev.erpgraph.sandbox.SandboxStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read planning (issue 19): what a query selects below its orders decides what the ERP is
 * asked for in the orders' own request. NetSuite reads headers and lines in one
 * statement, so a page of orders, lines and stock is two round trips on every ERP; a
 * Business Central reading the standard API's stock ({@code stockSource: standardApi})
 * expands the lines' item inventory in the orders' request, so its page of orders, lines,
 * stock and credit is one round trip, and the stock lands in the gateway cache as if read
 * on its own.
 *
 * <p>
 * This class has a context of its own, unlike the other HTTP tests: it is about a
 * connector option, read once when the connector is built. The ERPs answer after 50 ms,
 * so that requests sent side by side overlap and the round trips on the critical path are
 * what the query's levels make them.
 */
@TestPropertySource(properties = "demo.erp.systems.business-central.options.stockSource=standardApi")
class ReadPlanningTests extends HttpGraphQlTests {

    private static final long LATENCY_MS = 1000;

    @Autowired
    SandboxRegistry sandboxes;

    @Autowired
    ErpGateway gateway;

    @BeforeEach
    void warmThenCold() {
        // Tokens, connections and Business Central's location codes (read once per
        // connector) outside the counted window.
        graphQl.documentName("readPlanAcrossErps").variable("first", 20).execute().errors().verify();
        coldAndSlow();
    }

    @AfterEach
    void calm() {
        sandboxes.all().forEach(sandbox -> sandbox.faults(SandboxFaults.defaults(0, 0)));
    }

    @Test
    void theThreeErpPageIsTwoRoundTripsWithOneRequestPerErpAndResource() {
        graphQl.documentName("readPlanAcrossErps")
            .variable("first", 20)
            .execute()
            .errors()
            .verify()
            .path("netsuite.nodes")
            .entityList(Object.class)
            .hasSize(20);

        // SAP: the lines' skus make two URL-length chunks, sent side by side; its credit
        // is
        // the account and the exposure. Business Central: customers are its credit read
        // and the check of which customers exist, sent beside the orders.
        assertThat(requests("sap")).isEqualTo(Map.of("orders", 1L, "inventory", 2L, "credit", 2L));
        assertThat(requests("netsuite")).isEqualTo(Map.of("orders", 1L, "inventory", 1L, "credit", 1L));
        assertThat(requests("business-central")).isEqualTo(Map.of("orders", 1L, "customers", 2L));
        assertThat(roundTrips()).as(this::chain).isEqualTo(2);
    }

    @Test
    void aBusinessCentralPageOfOrdersLinesStockAndCreditIsOneRoundTrip() {
        List<Boolean> fromCache = graphQl.documentName("readPlanOneErp")
            .variable("erpSystemId", "business-central")
            .variable("first", 20)
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes[*].orders[*].lines[*].inventory[*].freshness.fromCache")
            .entityList(Boolean.class)
            .get();

        assertThat(requests("business-central")).isEqualTo(Map.of("orders", 1L, "customers", 2L));
        assertThat(roundTrips()).as(this::chain).isEqualTo(1);
        // Read in the orders' request and served from the cache it landed in.
        assertThat(fromCache).isNotEmpty().containsOnly(true);
    }

    @Test
    void stockThatCameEmbeddedIsACacheHitForAQueryOfStockAlone() {
        List<String> skus = graphQl.documentName("readPlanOneErp")
            .variable("erpSystemId", "business-central")
            .variable("first", 5)
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes[*].orders[*].lines[*].sku")
            .entityList(String.class)
            .get()
            .stream()
            .distinct()
            .toList();
        sandbox("business-central").stats().reset();

        List<Map<String, Object>> levels = graphQl.documentName("stockOnly")
            .variable("skus", skus)
            .variable("erpSystemId", "business-central")
            .execute()
            .errors()
            .verify()
            .path("inventory")
            .entityList(Object.class)
            .get()
            .stream()
            .map(level -> castToMap(level))
            .toList();

        assertThat(sandbox("business-central").stats().snapshot().requests()).isZero();
        assertThat(levels).hasSize(skus.size())
            .allSatisfy(level -> assertThat(level).containsEntry("warehouse", "ALL")
                .containsEntry("freshness", Map.of("fromCache", true)));
    }

    @Test
    void ordersAskedWithAndWithoutTheirLinesStockAreOneRead() {
        graphQl.documentName("readPlanTwoOrderFields")
            .variable("erpSystemId", "business-central")
            .variable("first", 20)
            .execute()
            .errors()
            .verify();

        assertThat(requests("business-central")).isEqualTo(Map.of("orders", 1L, "customers", 1L));
        assertThat(roundTrips()).as(this::chain).isEqualTo(1);
    }

    @Test
    void stockAskedForOneWarehouseIsReadOnItsOwn() {
        graphQl.documentName("account360OneErp")
            .variable("erpSystemId", "business-central")
            .variable("first", 5)
            .execute()
            .errors()
            .verify();

        assertThat(requests("business-central")).containsEntry("orders", 1L).containsKey("items");
    }

    @Test
    void eachErpsLineStockIsAskedForAsSoonAsItsOwnOrdersAreIn() {
        sandbox("netsuite").faults(SandboxFaults.defaults(LATENCY_MS / 10, 0));

        graphQl.documentName("readPlanAcrossErps").variable("first", 20).execute().errors().verify();

        // NetSuite answers in a tenth of the time: its stock read does not wait for SAP's
        // and Business Central's orders, nor for the completion of their lines.
        SandboxStats.Interval netSuiteStock = last("netsuite", "suiteql");
        SandboxStats.Interval sapOrders = last("sap", "A_SalesOrder");
        assertThat(netSuiteStock.startNanos()).as(this::chain).isLessThan(sapOrders.endNanos());
        assertThat(requests("sap")).isEqualTo(Map.of("orders", 1L, "inventory", 2L, "credit", 2L));
        assertThat(requests("netsuite")).isEqualTo(Map.of("orders", 1L, "inventory", 1L, "credit", 1L));
    }

    @Test
    void aCallerWithoutTheInventoryScopeHasNoStockReadForItsOrdersLines() {
        String ordersOnly = DemoTokens.fetch(port, DemoTokens.MANAGER, "crm:read", "erp:orders", "erp:credit");

        List<String> businessCentralSkus = graphQl.mutate()
            .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + ordersOnly))
            .build()
            .documentName("readPlanAcrossErps")
            // A page of 20 would be an answer of a thousand FORBIDDEN errors.
            .variable("first", 5)
            .execute()
            .errors()
            .satisfy(errors -> assertThat(errors).isNotEmpty()
                .allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")))
            .path("bc.nodes[*].orders[*].lines[*].sku")
            .entityList(String.class)
            .get()
            .stream()
            .distinct()
            .limit(50)
            .toList();

        assertThat(requests("sap")).isEqualTo(Map.of("orders", 1L, "credit", 2L));
        assertThat(requests("netsuite")).isEqualTo(Map.of("orders", 1L, "credit", 1L));
        assertThat(requests("business-central")).isEqualTo(Map.of("orders", 1L, "customers", 2L));
        // Business Central's orders came without their items' inventory expanded: a
        // query for that stock is a read of its own, not a cache hit.
        graphQl.documentName("stockOnly")
            .variable("skus", businessCentralSkus)
            .variable("erpSystemId", "business-central")
            .execute()
            .errors()
            .verify();
        assertThat(requests("business-central")).containsEntry("items", 1L);
    }

    /** The request of one system whose URL contains {@code path} that started last. */
    private SandboxStats.Interval last(String erpSystemId, String path) {
        return sandbox(erpSystemId).stats()
            .intervals()
            .stream()
            .filter(interval -> interval.request().contains(path))
            .max(Comparator.comparingLong(SandboxStats.Interval::startNanos))
            .orElseThrow(() -> new AssertionError("no " + path + " request of " + erpSystemId + ": " + chain()));
    }

    private void coldAndSlow() {
        for (Sandbox sandbox : sandboxes.all()) {
            sandbox.faults(SandboxFaults.defaults(LATENCY_MS, 0));
            sandbox.stats().reset();
        }
        for (ErpSystems.ErpSystem system : gateway.systems().all()) {
            for (ErpResource resource : ErpResource.values()) {
                gateway.evictAll(system.id(), resource);
            }
        }
    }

    private Map<String, Long> requests(String erpSystemId) {
        return sandbox(erpSystemId).stats().snapshot().byResource();
    }

    private int roundTrips() {
        return CriticalPath.roundTrips(intervals());
    }

    /** Every request with its start and end, for a failing assertion to show. */
    private String chain() {
        long start = intervals().stream().mapToLong(SandboxStats.Interval::startNanos).min().orElse(0);
        return intervals().stream()
            .sorted(Comparator.comparingLong(SandboxStats.Interval::startNanos))
            .map(interval -> (interval.startNanos() - start) / 1_000_000 + "-"
                    + (interval.endNanos() - start) / 1_000_000 + " ms " + interval.request())
            .toList()
            .toString();
    }

    private List<SandboxStats.Interval> intervals() {
        List<SandboxStats.Interval> intervals = new ArrayList<>();
        sandboxes.all().forEach(sandbox -> intervals.addAll(sandbox.stats().intervals()));
        return intervals;
    }

    private Sandbox sandbox(String id) {
        return sandboxes.find(id).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castToMap(Object level) {
        return (Map<String, Object>) level;
    }

}
