package dev.erpgraph.erpfields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.SandboxRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Account.shipments}, {@code Account.invoices}, {@code Order.shipments} and
 * {@code Order.invoices} over real HTTP against the sandbox ERPs: read live, consistent
 * with the orders they belong to, a constant number of requests per ERP whatever the
 * number of accounts, and guarded by their scopes. Every test starts cold with calm
 * sandboxes.
 */
class ShipmentsAndInvoicesTests extends HttpGraphQlTests {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    SandboxRegistry sandboxes;

    @Autowired
    ErpGateway gateway;

    @BeforeEach
    @AfterEach
    void coldAndCalm() {
        ColdErps.reset(sandboxes, gateway);
    }

    @Test
    void twentyAccountsShipmentsAndInvoicesCostEachErpTheRequestsOfFive() {
        for (String erp : List.of("sap", "netsuite", "business-central")) {
            // Tokens and master data (BC's locations) outside the counted pages.
            page(erp, 1, null);
            coldAndCalm();
            Map<String, Long> forFive = page(erp, 5, null);
            String after = lastCursor;
            coldAndCalm();
            Map<String, Long> forTwenty = page(erp, 20, after);
            coldAndCalm();
            assertThat(forFive).as(erp).containsKeys("shipments", "invoices");
            if (erp.equals("business-central")) {
                // BC's URL limit (option maxUrlLength) cuts the chain of 60 order numbers
                // of Order.shipments and Order.invoices in two: one more request each,
                // never one per account.
                assertThat(forTwenty.get("shipments")).as(erp)
                    .isBetween(forFive.get("shipments"), forFive.get("shipments") + 1);
                assertThat(forTwenty.get("invoices")).as(erp)
                    .isBetween(forFive.get("invoices"), forFive.get("invoices") + 1);
            }
            else {
                assertThat(forTwenty).as(erp).isEqualTo(forFive);
            }
        }
    }

    @Test
    void shipmentsAndInvoicesBelongToTheOrdersTheyShipAndBill() {
        for (String erp : List.of("sap", "business-central", "netsuite", "p21", "sxe")) {
            List<Map<String, Object>> accounts = graphQl.documentName("account360Documents")
                .variable("erpSystemId", erp)
                .variable("first", 10)
                .execute()
                .errors()
                .verify()
                .path("accounts.nodes")
                .entityList(OBJECT)
                .get();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            int shipmentsSeen = 0;
            int invoicesSeen = 0;
            for (Map<String, Object> account : accounts) {
                for (Map<String, Object> order : list(account, "orders")) {
                    for (Map<String, Object> shipment : list(order, "shipments")) {
                        shipmentsSeen++;
                        for (Map<String, Object> line : list(shipment, "lines")) {
                            assertThat(line.get("orderNumber")).as(erp).isEqualTo(order.get("number"));
                            assertThat(list(order, "lines")).as(erp)
                                .anySatisfy(orderLine -> assertThat(orderLine)
                                    .containsEntry("lineNumber", line.get("orderLineNumber"))
                                    .containsEntry("sku", line.get("sku")));
                        }
                    }
                    for (Map<String, Object> invoice : list(order, "invoices")) {
                        invoicesSeen++;
                        assertThat(invoice.get("orderNumber")).as(erp).isEqualTo(order.get("number"));
                    }
                }
                for (Map<String, Object> invoice : list(account, "invoices")) {
                    BigDecimal remaining = amount(invoice, "amountRemaining");
                    LocalDate due = invoice.get("dueDate") == null ? null
                            : LocalDate.parse((String) invoice.get("dueDate"));
                    String expected = remaining.signum() == 0 ? "PAID"
                            : due != null && due.isBefore(today) ? "OVERDUE" : "OPEN";
                    assertThat(invoice.get("status")).as(erp + " " + invoice.get("number")).isEqualTo(expected);
                    assertThat(remaining).isLessThanOrEqualTo(amount(invoice, "total"));
                }
            }
            assertThat(shipmentsSeen).as(erp + " order shipments").isPositive();
            assertThat(invoicesSeen).as(erp + " order invoices").isPositive();
        }
    }

    @Test
    void aStatusFilterAnswersOnlyWhatIsStillOwed() {
        List<Map<String, Object>> accounts = graphQl.documentName("openInvoices")
            .variable("erpSystemId", "netsuite")
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes")
            .entityList(OBJECT)
            .get();

        assertThat(accounts).flatExtracting(account -> list(account, "invoices")).isNotEmpty().allSatisfy(invoice -> {
            assertThat(invoice.get("status")).isIn("OPEN", "OVERDUE");
            assertThat(amount(invoice, "amountRemaining")).isPositive();
        });
    }

    @Test
    void invoicesNeedTheCreditScopeAndAreNotReadWithoutIt() {
        String ordersOnly = DemoTokens.fetch(port, DemoTokens.MANAGER, "crm:read", "erp:orders");
        GraphQlTester.Response response = graphQl.mutate()
            .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + ordersOnly))
            .build()
            .documentName("openInvoices")
            .variable("erpSystemId", "sap")
            .execute();

        response.errors()
            .satisfy(errors -> assertThat(errors).isNotEmpty()
                .allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN"))
                .allSatisfy(error -> assertThat(error.getPath()).endsWith("invoices")));
        response.path("accounts.nodes[0].invoices").entityList(Object.class).hasSize(0);
        response.path("accounts.nodes[0].shipments").hasValue();
        assertThat(sandbox("sap").stats().snapshot().byResource()).doesNotContainKey("invoices")
            .containsKey("shipments");
    }

    @Test
    void anErpThatIsDownFailsItsAccountsShipmentsAloneWithATypedError() {
        sandbox("sxe").faults(new SandboxFaults(0, 0, true, 0.0, false, 0, 1, 3600));
        GraphQlTester.Response response = graphQl.document("{ sxe: accounts(first: 2, filter: { erpSystemId: \"sxe\" })"
                + " { nodes { name shipments { number } } } sap: accounts(first: 2, filter: { erpSystemId: \"sap\" })"
                + " { nodes { name shipments { number } } } }")
            .execute();

        response.errors()
            .satisfy(errors -> assertThat(errors).hasSize(2)
                .allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "ERP_UNAVAILABLE")
                    .containsEntry("erpSystemId", "sxe")));
        response.path("sxe.nodes[0].name").hasValue();
        response.path("sxe.nodes[0].shipments").entityList(Object.class).hasSize(0);
        response.path("sap.nodes[0].shipments").entityList(Object.class).hasSizeGreaterThan(0);
    }

    private String lastCursor;

    /** One account-360 page with documents; the requests each resource cost the ERP. */
    private Map<String, Long> page(String erp, int first, String after) {
        lastCursor = graphQl.documentName("account360Documents")
            .variable("erpSystemId", erp)
            .variable("first", first)
            .variable("after", after)
            .execute()
            .errors()
            .verify()
            .path("accounts.pageInfo.endCursor")
            .entity(String.class)
            .get();
        return sandbox(erp).stats().snapshot().byResource();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String field) {
        return (List<Map<String, Object>>) parent.get(field);
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal amount(Map<String, Object> parent, String field) {
        return new BigDecimal(String.valueOf(((Map<String, Object>) parent.get(field)).get("amount")));
    }

    private Sandbox sandbox(String id) {
        return sandboxes.find(id).orElseThrow();
    }

}
