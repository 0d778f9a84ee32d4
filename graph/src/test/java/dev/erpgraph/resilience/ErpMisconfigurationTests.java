package dev.erpgraph.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.erpgraph.DemoTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A missing endpoint is not a missing record, over real HTTP against the sandbox ERPs:
 * each of the five demo systems has one option naming a resource its sandbox does not
 * have (as a deployment whose ERP lacks it would), and answers the field read through it
 * as {@code ERP_MISCONFIGURED} (null, with the ERP's words and the option in
 * {@code extensions.erpMessage}) while the rest of the answer stands; the self-check that
 * runs at start-up names it, and the system's health is {@code DEGRADED}.
 *
 * <p>
 * Its own context: the five misconfigurations, the start-up self-check on (the other test
 * contexts turn it off, as they count every ERP request), and a timeout generous enough
 * that a probe on a busy build machine is judged on what the ERP says, not on its speed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sandbox.latency-ms=0", "sandbox.latency-jitter-ms=0", "erp.timeout=10s",
                "erp.self-check.on-startup=true",
                "demo.erp.systems.sap.options[credit.accountPath]=" + ErpMisconfigurationTests.SAP_CREDIT,
                "demo.erp.systems.netsuite.options[customer-price-table]=" + ErpMisconfigurationTests.NETSUITE_PRICES,
                "demo.erp.systems.business-central.options[priceEntitySet]=" + ErpMisconfigurationTests.BC_PRICES,
                "demo.erp.systems.p21.options[priceView]=" + ErpMisconfigurationTests.P21_PRICES,
                "demo.erp.systems.sxe.options[operation.credit]=" + ErpMisconfigurationTests.SXE_CREDIT })
@AutoConfigureHttpGraphQlTester
class ErpMisconfigurationTests {

    static final String SAP_CREDIT = "API_CRDTMBUSINESSPARTNER/NoSuchCreditAccount";

    static final String NETSUITE_PRICES = "nosuchcustomerprices";

    static final String BC_PRICES = "noSuchPriceLines";

    static final String P21_PRICES = "no_such_price_view";

    static final String SXE_CREDIT = "sxapiargetcustomerdatacreditv9";

    /** Per system: the option set wrongly, and the field read through it. */
    private static final Map<String, Broken> BROKEN = Map.of("sap", new Broken("credit.accountPath", "creditStatus"),
            "netsuite", new Broken("customer-price-table", "price"), "business-central",
            new Broken("priceEntitySet", "price"), "p21", new Broken("priceView", "price"), "sxe",
            new Broken("operation.credit", "creditStatus"));

    private static final String PAGE = """
            query($erp: ID!) {
              accounts(first: 2, filter: { erpSystemId: $erp }) {
                nodes {
                  name
                  erpLinks { customerNumber }
                  orders(first: 1) { number }
                  creditStatus { onHold }
                  price(sku: "PVC-10000", quantity: 1) { unitPrice { amount } }
                }
              }
            }""";

    private static final String CHECKS = """
            { erpSystems { id health checks { resource status message option checkedAt } } }""";

    private HttpGraphQlTester graphQl;

    private HttpGraphQlTester rep;

    @Autowired
    void setGraphQl(HttpGraphQlTester tester, @Value("${local.server.port}") int port) {
        Duration timeout = Duration.ofSeconds(30);
        HttpGraphQlTester patient = tester.mutate()
            .webTestClient(client -> client.responseTimeout(timeout))
            .responseTimeout(timeout)
            .build();
        this.graphQl = patient.mutate()
            .header(HttpHeaders.AUTHORIZATION, DemoTokens.bearer(port, DemoTokens.MANAGER))
            .build();
        this.rep = patient.mutate().header(HttpHeaders.AUTHORIZATION, DemoTokens.bearer(port, "demo-rep")).build();
    }

    @Test
    void aMissingResourceFailsOnlyItsFieldAsMisconfiguredWithTheErpsWordsAndTheOption() {
        BROKEN.forEach((erp, broken) -> {
            GraphQlTester.Response response = graphQl.document(PAGE).variable("erp", erp).execute();
            String property = "erp.systems." + erp + ".options." + broken.option();
            response.errors().satisfy(errors -> {
                assertThat(errors).as(erp).isNotEmpty().allSatisfy(error -> {
                    assertThat(error.getExtensions()).as(erp)
                        .containsEntry("code", "ERP_MISCONFIGURED")
                        .containsEntry("erpSystemId", erp);
                    assertThat((String) error.getExtensions().get("erpMessage")).as(erp).contains(property);
                    assertThat(error.getParsedPath()).as(erp).last().isEqualTo(broken.field());
                });
            });
            List<Map<String, Object>> accounts = response.path("accounts.nodes").entityList(mapType()).get();
            assertThat(accounts).as(erp).hasSize(2).allSatisfy(account -> {
                // The field read through the missing resource is null; the rest stands.
                assertThat(account.get(broken.field())).as(erp).isNull();
                assertThat(account.get("name")).as(erp).isNotNull();
                assertThat((List<?>) account.get("erpLinks")).as(erp).isNotEmpty();
                assertThat(account.get("orders")).as(erp).isNotNull();
                String other = broken.field().equals("price") ? "creditStatus" : "price";
                assertThat(account).as(erp).containsKey(other);
            });
            assertThat(accounts).as(erp).anySatisfy(account -> {
                String other = broken.field().equals("price") ? "creditStatus" : "orders";
                assertThat(account.get(other)).as(erp).isNotNull();
            });
        });
    }

    @Test
    void theStartupSelfCheckNamesEachMissingResourceAndTheSystemIsDegraded() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<Map<String, Object>> systems = graphQl.document(CHECKS)
                .execute()
                .errors()
                .verify()
                .path("erpSystems")
                .entityList(mapType())
                .get();
            assertThat(systems).hasSize(5).allSatisfy(this::assertNamesItsMissingResource);
        });
    }

    @Test
    void checkErpSystemRunsTheSelfCheckNowForAnAdminOnly() {
        for (String erp : BROKEN.keySet()) {
            Map<String, Object> system = graphQl
                .document("mutation($id: ID!) { checkErpSystem(input: { id: $id, clientMutationId: \"c1\" }) {"
                        + " clientMutationId erpSystem { id health checks { resource status message option"
                        + " checkedAt } } } }")
                .variable("id", erp)
                .execute()
                .errors()
                .verify()
                .path("checkErpSystem.erpSystem")
                .entity(mapType())
                .get();
            assertNamesItsMissingResource(system);
        }

        String check = "mutation($id: ID!) { checkErpSystem(input: { id: $id }) { erpSystem { id } } }";
        rep.document(check).variable("id", "sap").execute().errors().satisfy(errors -> assertCode(errors, "FORBIDDEN"));
        graphQl.document(check)
            .variable("id", "nope")
            .execute()
            .errors()
            .satisfy(errors -> assertCode(errors, "NOT_FOUND"));
    }

    @Test
    void aCustomerTheErpDoesNotKnowIsStillNotFound() {
        String account = graphQl
            .document(
                    "mutation { createAccount(input: { name: \"zz-misconfigured-unknown\" })" + " { account { id } } }")
            .execute()
            .path("createAccount.account.id")
            .entity(String.class)
            .get();
        graphQl
            .document("mutation($id: ID!) { linkErpCustomer(input: { accountId: $id, erpSystemId: \"p21\","
                    + " customerNumber: \"999999\" }) { erpLink { customerNumber } } }")
            .variable("id", account)
            .execute()
            .errors()
            .verify();

        GraphQlTester.Response response = graphQl
            .document("query($id: ID!) { account(id: $id) { name creditStatus { onHold } } }")
            .variable("id", account)
            .execute();

        response.errors()
            .satisfy(errors -> assertThat(errors).singleElement()
                .extracting(ResponseError::getExtensions)
                .satisfies(extensions -> assertThat(extensions).containsEntry("code", "NOT_FOUND")
                    .containsEntry("erpSystemId", "p21")));
        response.path("account.name").entity(String.class).isEqualTo("zz-misconfigured-unknown");
        response.path("account.creditStatus").valueIsNull();
    }

    private static void assertCode(List<ResponseError> errors, String code) {
        assertThat(errors).singleElement()
            .extracting(ResponseError::getExtensions)
            .satisfies(extensions -> assertThat(extensions).containsEntry("code", code));
    }

    @SuppressWarnings("unchecked")
    private void assertNamesItsMissingResource(Map<String, Object> system) {
        String erp = (String) system.get("id");
        Broken broken = BROKEN.get(erp);
        String property = "erp.systems." + erp + ".options." + broken.option();
        List<Map<String, Object>> checks = (List<Map<String, Object>>) system.get("checks");
        assertThat(system.get("health")).as(erp).isEqualTo("DEGRADED");
        assertThat(checks).as(erp)
            .filteredOn(check -> !"USABLE".equals(check.get("status")))
            .singleElement()
            .satisfies(check -> {
                assertThat(check.get("status")).as(erp).isEqualTo("MISSING");
                assertThat(check.get("option")).as(erp).isEqualTo(property);
                assertThat((String) check.get("message")).as(erp).contains(property);
                assertThat(check.get("checkedAt")).as(erp).isNotNull();
            });
        assertThat(checks).as(erp)
            .filteredOn(check -> "USABLE".equals(check.get("status")))
            .isNotEmpty()
            .allSatisfy(check -> assertThat(check.get("message")).isNull());
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }

    /**
     * @param option the option set to a resource the ERP does not have
     * @param field the account field read through it
     */
    private record Broken(String option, String field) {
    }

}
