package dev.erpgraph.ordersubmission;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.crm.erplink.ErpCustomerLink;
import dev.erpgraph.crm.erplink.ErpCustomerLinkRepository;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.sandbox.CreatedOrders;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.SandboxRegistry;
import dev.erpgraph.security.TrustedDocuments;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code submitOpportunityOrder} and {@code retryOpportunityOrder} over HTTP, against the
 * five sandbox ERPs: a won opportunity becomes exactly one order in its ERP, read back
 * live; a refusal is final; a lost answer is found by its reference instead of made
 * twice; a failed submission is sent again on request. The worker runs in the test's
 * application with short backoffs (see {@link HttpGraphQlTests}).
 */
class OrderSubmissionTests extends HttpGraphQlTests {

    private static final Duration SETTLED = Duration.ofSeconds(30);

    @Autowired
    SandboxRegistry sandboxes;

    @Autowired
    ErpCustomerLinkRepository links;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void calm() {
        sandboxes.all().forEach(sandbox -> sandbox.faults(SandboxFaults.defaults(0, 0)));
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @ParameterizedTest
    @ValueSource(strings = { "sap", "netsuite", "business-central", "p21", "sxe" })
    void aWonOpportunityBecomesExactlyOneOrderInItsErpReadBackLive(String erpSystemId) {
        Customer customer = customer(erpSystemId, false);
        Opportunity opportunity = opportunity(customer, "PROPOSAL");

        GraphQlTester.Response submitted = submit(opportunity,
                Map.of("customerPurchaseOrder", "PO-4471", "requestedDeliveryDate",
                        LocalDate.now(ZoneOffset.UTC).plusDays(10).toString(), "clientMutationId", "s-1"));

        submitted.path("submitOpportunityOrder.clientMutationId").entity(String.class).isEqualTo("s-1");
        submitted.path("submitOpportunityOrder.opportunity.stage").entity(String.class).isEqualTo("CLOSED_WON");
        submitted.path("submitOpportunityOrder.opportunity.version").entity(Integer.class).isEqualTo(1);
        submitted.path("submitOpportunityOrder.opportunity.orderSubmission.state")
            .entity(String.class)
            .isEqualTo("PENDING");
        submitted.path("submitOpportunityOrder.opportunity.orderSubmission.erpSystem.id")
            .entity(String.class)
            .isEqualTo(erpSystemId);
        String reference = submitted.path("submitOpportunityOrder.opportunity.orderSubmission.reference")
            .entity(String.class)
            .get();
        assertThat(reference).matches("CRM\\d+-[0-9A-Z]{6}");

        Map<String, Object> settled = settled(opportunity.id());
        String number = (String) settled.get("erpOrderNumber");
        assertThat(settled).containsEntry("state", "SUBMITTED")
            .containsEntry("attempts", 1)
            .containsEntry("reference", reference)
            .containsEntry("lastError", null)
            .containsEntry("errorCode", null);
        assertThat(settled.get("submittedAt")).isNotNull();
        GraphQlTester.Response read = graphQl.documentName("submittedOpportunity")
            .fragmentName("orderSubmissionFields")
            .variable("id", opportunity.id())
            .execute();
        read.path("opportunity.erpOrderNumber").entity(String.class).isEqualTo(number);
        read.path("opportunity.order.number").entity(String.class).isEqualTo(number);
        read.path("opportunity.order.lines[*].sku").entityList(String.class).isEqualTo(opportunity.skus());
        assertThat(created(erpSystemId, reference)).singleElement()
            .satisfies(order -> assertThat(order.orderNumber()).isEqualTo(number))
            .satisfies(order -> assertThat(order.customerNumber()).isEqualTo(customer.number()));
    }

    @Test
    void submittingAgainAnswersTheSameSubmissionAndSendsNothingMore() {
        Opportunity opportunity = opportunity(customer("netsuite", false), "NEGOTIATION");
        String reference = submit(opportunity, Map.of())
            .path("submitOpportunityOrder.opportunity.orderSubmission.reference")
            .entity(String.class)
            .get();
        settled(opportunity.id());

        GraphQlTester.Response again = submit(opportunity, Map.of());

        again.path("submitOpportunityOrder.opportunity.orderSubmission.reference")
            .entity(String.class)
            .isEqualTo(reference);
        again.path("submitOpportunityOrder.opportunity.orderSubmission.state")
            .entity(String.class)
            .isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select count(*) from order_submissions where opportunity_id = ?", Integer.class,
                GlobalId.decode(opportunity.id(), GlobalId.OPPORTUNITY, "id")))
            .isOne();
        assertThat(created("netsuite", reference)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "sap", "netsuite", "business-central", "p21", "sxe" })
    void aCustomerOnCreditHoldIsRejectedWithTheErpsOwnWordsAndNeverRetried(String erpSystemId) {
        Opportunity opportunity = opportunity(customer(erpSystemId, true), "PROPOSAL");
        String reference = submit(opportunity, Map.of())
            .path("submitOpportunityOrder.opportunity.orderSubmission.reference")
            .entity(String.class)
            .get();

        Map<String, Object> settled = settled(opportunity.id());

        assertThat(settled).containsEntry("state", "REJECTED")
            .containsEntry("errorCode", "ERP_REJECTED")
            .containsEntry("attempts", 1)
            .containsEntry("erpOrderNumber", null);
        // The ERP's own words: a credit hold, or Business Central's "blocked".
        assertThat((String) settled.get("lastError")).matches("(?is).*(credit|blocked).*");
        assertThat(created(erpSystemId, reference)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "sap", "netsuite", "business-central", "p21", "sxe" })
    void anOrderCommittedWhoseAnswerWasLostIsFoundByItsReferenceNotMadeTwice(String erpSystemId) {
        Opportunity opportunity = opportunity(customer(erpSystemId, false), "PROPOSAL");
        sandbox(erpSystemId).faults(faults(false, 1.0));

        String reference = submit(opportunity, Map.of())
            .path("submitOpportunityOrder.opportunity.orderSubmission.reference")
            .entity(String.class)
            .get();
        Map<String, Object> settled = settled(opportunity.id());

        assertThat(settled).containsEntry("state", "SUBMITTED").containsEntry("attempts", 2);
        assertThat(created(erpSystemId, reference)).singleElement()
            .satisfies(order -> assertThat(order.orderNumber()).isEqualTo(settled.get("erpOrderNumber")));
    }

    @Test
    void aSubmissionWhoseAttemptsRanOutIsFailedAndARetrySendsItOnce() {
        Opportunity opportunity = opportunity(customer("business-central", false), "PROPOSAL");
        sandbox("business-central").faults(faults(true, 0.0));

        String reference = submit(opportunity, Map.of())
            .path("submitOpportunityOrder.opportunity.orderSubmission.reference")
            .entity(String.class)
            .get();
        Map<String, Object> failed = settled(opportunity.id());
        assertThat(failed).containsEntry("state", "FAILED").containsEntry("attempts", 3);
        assertThat((String) failed.get("errorCode")).startsWith("ERP_");
        calm();

        graphQl.documentName("retryOpportunityOrder")
            .fragmentName("orderSubmissionFields")
            .variable("input", Map.of("opportunityId", opportunity.id(), "clientMutationId", "r-1"))
            .execute()
            .path("retryOpportunityOrder.clientMutationId")
            .entity(String.class)
            .isEqualTo("r-1")
            .path("retryOpportunityOrder.opportunity.orderSubmission.state")
            .entity(String.class)
            .isEqualTo("PENDING");

        Map<String, Object> settled = settled(opportunity.id());
        assertThat(settled).containsEntry("state", "SUBMITTED").containsEntry("attempts", 4);
        assertThat(created("business-central", reference)).hasSize(1);
    }

    @Test
    void onlyAFailedSubmissionCanBeRetried() {
        Opportunity opportunity = opportunity(customer("sap", false), "PROPOSAL");
        retry(opportunity).errors().satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "opportunityId"));
        submit(opportunity, Map.of());
        settled(opportunity.id());

        retry(opportunity).errors().satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "opportunityId"));
    }

    @Test
    void anOpportunityThatCannotBecomeAnOrderIsRefusedNamingWhatIsMissingAndNothingIsWritten() {
        Customer customer = customer("sap", false);
        Opportunity withoutLines = opportunity(customer, "PROPOSAL", List.of());
        refused(withoutLines, Map.of(), "BAD_USER_INPUT", "opportunityId");

        String unlinked = createAccount("Unlinked Supply " + uniqueWord());
        Opportunity ofUnlinkedAccount = opportunity(unlinked, "PROPOSAL", List.of(DistributorDataSet.skus().get(0)));
        refused(ofUnlinkedAccount, Map.of(), "BAD_USER_INPUT", "opportunityId");

        Opportunity opportunity = opportunity(customer, "PROPOSAL");
        refused(opportunity, Map.of("erpSystemId", "netsuite"), "BAD_USER_INPUT", "erpSystemId");
        refused(opportunity, Map.of("requestedDeliveryDate", "2020-01-01"), "BAD_USER_INPUT", "requestedDeliveryDate");
        refused(opportunity, Map.of("customerPurchaseOrder", "P".repeat(36)), "BAD_USER_INPUT",
                "customerPurchaseOrder");
        refused(opportunity.withVersion(7), Map.of(), "CONFLICT", null);

        Opportunity lost = opportunity(customer, "CLOSED_LOST");
        refused(lost, Map.of(), "BAD_USER_INPUT", "opportunityId");
    }

    @Test
    void aPartnerWithoutOrdersSubmitIsForbiddenAndNothingIsWritten() {
        Opportunity opportunity = opportunity(customerOfPartner("partner-1"), "PROPOSAL");

        as("demo-partner-1").document(TrustedDocuments.read("partnerSubmitOrder"))
            .variable("input", Map.of("opportunityId", opportunity.id(), "expectedVersion", 0))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "FORBIDDEN", null));

        assertThat(submissionCount(opportunity)).isZero();
    }

    @Test
    void aPartnerSubmitsItsOwnOpportunitiesAndAnotherPartnersLookMissing() {
        String key = graphQl.documentName("createApiKey")
            .fragmentName("apiKeyFields")
            .variable("input",
                    Map.of("name", uniqueWord(), "principalKind", "PARTNER", "partnerId", "partner-1", "scopes",
                            List.of("crm:read", "orders:submit")))
            .execute()
            .path("createApiKey.key")
            .entity(String.class)
            .get();
        HttpGraphQlTester partner = graphQl.mutate()
            .headers(headers -> headers.remove(HttpHeaders.AUTHORIZATION))
            .header("X-API-Key", key)
            .build();
        Opportunity others = opportunity(customerOfPartner("partner-2"), "PROPOSAL");
        Opportunity own = opportunity(customerOfPartner("partner-1"), "PROPOSAL");

        partner.document(TrustedDocuments.read("partnerSubmitOrder"))
            .variable("input", Map.of("opportunityId", others.id(), "expectedVersion", 0))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "NOT_FOUND", null));
        partner.document(TrustedDocuments.read("partnerSubmitOrder"))
            .variable("input", Map.of("opportunityId", own.id(), "expectedVersion", 0))
            .execute()
            .path("submitOpportunityOrder.opportunity.orderSubmission.state")
            .entity(String.class)
            .isEqualTo("PENDING");

        assertThat(submissionCount(others)).isZero();
        assertThat(settled(own.id())).containsEntry("state", "SUBMITTED");
        partner.document(TrustedDocuments.read("partnerOrderSubmission"))
            .variable("id", own.id())
            .execute()
            .path("opportunity.orderSubmission.state")
            .entity(String.class)
            .isEqualTo("SUBMITTED");
    }

    // ---- the test's opportunities

    private record Customer(String accountId, String erpSystemId, String number) {
    }

    private record Opportunity(String id, int version, List<String> skus) {

        Opportunity withVersion(int stale) {
            return new Opportunity(id, stale, skus);
        }

    }

    /**
     * A demo account linked to a customer of {@code erpSystemId} whose credit hold is
     * {@code onHold}.
     */
    private Customer customer(String erpSystemId, boolean onHold) {
        Sandbox sandbox = sandbox(erpSystemId);
        for (ErpCustomerLink link : links.findAll()) {
            if (!link.erpSystemId().equals(erpSystemId)) {
                continue;
            }
            OptionalInt index = sandbox.erp().customerIndex(link.customerNumber());
            if (index.isPresent() && sandbox.data()
                .customer(index.getAsInt())
                .map(DistributorDataSet.Customer::onHold)
                .orElse(!onHold) == onHold) {
                return new Customer(GlobalId.encode(GlobalId.ACCOUNT, link.accountId()), erpSystemId,
                        link.customerNumber());
            }
        }
        throw new AssertionError("the demo data links no customer of " + erpSystemId + " with onHold " + onHold);
    }

    /** A demo account of the partner linked to a customer who may order. */
    private Customer customerOfPartner(String partnerId) {
        for (ErpCustomerLink link : links.findAll()) {
            String partner = jdbc.queryForObject("select partner_id from accounts where id = ?", String.class,
                    link.accountId());
            Sandbox sandbox = sandbox(link.erpSystemId());
            OptionalInt index = sandbox.erp().customerIndex(link.customerNumber());
            if (partnerId.equals(partner) && index.isPresent()
                    && !sandbox.data().customer(index.getAsInt()).orElseThrow().onHold()) {
                return new Customer(GlobalId.encode(GlobalId.ACCOUNT, link.accountId()), link.erpSystemId(),
                        link.customerNumber());
            }
        }
        throw new AssertionError("the demo data links no customer of " + partnerId + " who may order");
    }

    private int submissionCount(Opportunity opportunity) {
        return jdbc.queryForObject("select count(*) from order_submissions where opportunity_id = ?", Integer.class,
                GlobalId.decode(opportunity.id(), GlobalId.OPPORTUNITY, "id"));
    }

    private Opportunity opportunity(Customer customer, String stage) {
        return opportunity(customer, stage,
                List.of(DistributorDataSet.skus().get(0), DistributorDataSet.skus().get(1)));
    }

    private Opportunity opportunity(Customer customer, String stage, List<String> skus) {
        return opportunity(customer.accountId(), stage, skus);
    }

    private Opportunity opportunity(String accountId, String stage, List<String> skus) {
        Map<String, Object> input = new HashMap<>(Map.of("accountId", accountId, "name", "Order " + uniqueWord(),
                "stage", stage, "lines", skus.stream().map(sku -> Map.of("sku", sku, "quantity", "3")).toList()));
        String id = graphQl.documentName("createOpportunity")
            .fragmentName("opportunityFields")
            .variable("input", input)
            .execute()
            .path("createOpportunity.opportunity.id")
            .entity(String.class)
            .get();
        return new Opportunity(id, 0, skus);
    }

    private GraphQlTester.Response submit(Opportunity opportunity, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(more);
        input.put("opportunityId", opportunity.id());
        input.put("expectedVersion", opportunity.version());
        return graphQl.documentName("submitOpportunityOrder")
            .fragmentName("orderSubmissionFields")
            .variable("input", input)
            .execute();
    }

    private GraphQlTester.Response retry(Opportunity opportunity) {
        return graphQl.documentName("retryOpportunityOrder")
            .fragmentName("orderSubmissionFields")
            .variable("input", Map.of("opportunityId", opportunity.id()))
            .execute();
    }

    private void refused(Opportunity opportunity, Map<String, Object> more, String code, String field) {
        submit(opportunity, more).errors().satisfy(errors -> assertSingleError(errors, code, field));
        assertThat(jdbc.queryForObject("select count(*) from order_submissions where opportunity_id = ?", Integer.class,
                GlobalId.decode(opportunity.id(), GlobalId.OPPORTUNITY, "id")))
            .isZero();
    }

    /** The submission once it left {@code PENDING}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> settled(String opportunityId) {
        return await().atMost(SETTLED)
            .until(() -> (Map<String, Object>) graphQl.documentName("submittedOpportunity")
                .fragmentName("orderSubmissionFields")
                .variable("id", opportunityId)
                .execute()
                .path("opportunity.orderSubmission")
                .entity(Map.class)
                .get(), submission -> !"PENDING".equals(submission.get("state")));
    }

    private List<CreatedOrders.View> created(String erpSystemId, String reference) {
        Sandbox sandbox = sandbox(erpSystemId);
        return sandbox.createdOrders()
            .views(sandbox)
            .stream()
            .filter(order -> reference.equals(order.reference()))
            .toList();
    }

    private Sandbox sandbox(String id) {
        return sandboxes.find(id).orElseThrow();
    }

    private static SandboxFaults faults(boolean down, double commitThenFail) {
        return new SandboxFaults(0, 0, down, 0.0, false, 0, 1, 3600, commitThenFail);
    }

}
