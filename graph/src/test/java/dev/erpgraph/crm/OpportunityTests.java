package dev.erpgraph.crm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code opportunity}, {@code opportunities}, {@code Account.opportunities},
 * {@code Opportunity.lines} and the opportunity mutations, over HTTP.
 */
class OpportunityTests extends HttpGraphQlTests {

    @Test
    void createsAnOpportunityWithLinesAndExactDecimals() {
        String accountId = createAccount("Kalamazoo Comfort Systems");
        GraphQlTester.Response response = create(Map.of("accountId", accountId, "name", "Boiler retrofit", "stage",
                "PROPOSAL", "amount", Map.of("amount", "12500.10", "currency", "USD"), "closeDate", "2026-09-30",
                "probability", 50, "ownerId", "rep-4", "lines",
                List.of(Map.of("sku", "WH-50G-NG", "quantity", "12.5"), Map.of("sku", "BV-1-NPT", "quantity", 40)),
                "clientMutationId", "o-1"));
        response.path("createOpportunity.clientMutationId").entity(String.class).isEqualTo("o-1");
        response.path("createOpportunity.opportunity.account.id").entity(String.class).isEqualTo(accountId);
        response.path("createOpportunity.opportunity.stage").entity(String.class).isEqualTo("PROPOSAL");
        response.path("createOpportunity.opportunity.amount.amount").entity(String.class).isEqualTo("12500.10");
        response.path("createOpportunity.opportunity.amount.currency").entity(String.class).isEqualTo("USD");
        response.path("createOpportunity.opportunity.closeDate").entity(String.class).isEqualTo("2026-09-30");
        response.path("createOpportunity.opportunity.erpOrderNumber").valueIsNull();
        response.path("createOpportunity.opportunity.lines")
            .entityList(Map.class)
            .containsExactly(Map.of("lineNumber", 1, "sku", "WH-50G-NG", "quantity", "12.5000"),
                    Map.of("lineNumber", 2, "sku", "BV-1-NPT", "quantity", "40.0000"));

        String id = response.path("createOpportunity.opportunity.id").entity(String.class).get();
        GraphQlTester.Response read = graphQl.documentName("opportunity")
            .fragmentName("opportunityFields")
            .variable("id", id)
            .execute();
        read.path("opportunity.amount.amount").entity(String.class).isEqualTo("12500.1000");
        read.path("opportunity.lines[*].sku").entityList(String.class).containsExactly("WH-50G-NG", "BV-1-NPT");
    }

    @Test
    void defaultsToProspectingWithoutLines() {
        GraphQlTester.Response response = create(
                Map.of("accountId", createAccount("Lakeshore HVAC Services"), "name", "Service van restock"));
        response.path("createOpportunity.opportunity.stage").entity(String.class).isEqualTo("PROSPECTING");
        response.path("createOpportunity.opportunity.amount").valueIsNull();
        response.path("createOpportunity.opportunity.lines").entityList(Object.class).hasSize(0);
    }

    @Test
    void refusesInvalidOpportunityInputNamingTheFieldAndWritesNothing() {
        String accountId = createAccount("Fox Valley Mechanical");
        assertInvalid(Map.of("accountId", accountId, "name", "Deal", "probability", 101), "probability");
        assertInvalid(Map.of("accountId", accountId, "name", "Deal", "probability", -1), "probability");
        assertInvalid(
                Map.of("accountId", accountId, "name", "Deal", "amount", Map.of("amount", "-0.01", "currency", "USD")),
                "amount.amount");
        assertInvalid(
                Map.of("accountId", accountId, "name", "Deal", "amount", Map.of("amount", "10", "currency", "usd")),
                "amount.currency");
        assertInvalid(
                Map.of("accountId", accountId, "name", "Deal", "amount", Map.of("amount", "10", "currency", "XYZ")),
                "amount.currency");
        assertInvalid(
                Map.of("accountId", accountId, "name", "Deal", "lines",
                        List.of(Map.of("sku", "A", "quantity", "1"), Map.of("sku", "B", "quantity", "0"))),
                "lines[1].quantity");
        assertInvalid(Map.of("accountId", accountId, "name", ""), "name");
        assertInvalid(Map.of("accountId", "garbage", "name", "Deal"), "accountId");
        graphQl.documentName("accountOpportunities")
            .variable("id", accountId)
            .execute()
            .path("account.opportunities.totalCount")
            .entity(Integer.class)
            .isEqualTo(0);
    }

    @Test
    void replacesLinesOnUpdateAndRefusesAStaleVersion() {
        String accountId = createAccount("Mahoning Pipe & Valve");
        String id = create(Map.of("accountId", accountId, "name", "PEX conversion", "lines",
                List.of(Map.of("sku", "PEX-A-34-300", "quantity", "3"), Map.of("sku", "BV-1-NPT", "quantity", "5"))))
            .path("createOpportunity.opportunity.id")
            .entity(String.class)
            .get();

        GraphQlTester.Response updated = update(Map.of("id", id, "expectedVersion", 0, "stage", "NEGOTIATION", "lines",
                List.of(Map.of("sku", "CU-L-12-20", "quantity", "7")), "clientMutationId", "u-3"));
        updated.path("updateOpportunity.clientMutationId").entity(String.class).isEqualTo("u-3");
        updated.path("updateOpportunity.opportunity.stage").entity(String.class).isEqualTo("NEGOTIATION");
        updated.path("updateOpportunity.opportunity.name").entity(String.class).isEqualTo("PEX conversion");
        updated.path("updateOpportunity.opportunity.version").entity(Integer.class).isEqualTo(1);
        updated.path("updateOpportunity.opportunity.lines")
            .entityList(Map.class)
            .containsExactly(Map.of("lineNumber", 1, "sku", "CU-L-12-20", "quantity", "7.0000"));

        update(Map.of("id", id, "expectedVersion", 0, "stage", "CLOSED_LOST", "lines", List.of())).errors()
            .satisfy(errors -> assertSingleError(errors, "CONFLICT", null));
        update(Map.of("id", id, "expectedVersion", 1, "lines", List.of(Map.of("sku", "X", "quantity", "-2")))).errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "lines[0].quantity"));
        GraphQlTester.Response read = graphQl.documentName("opportunity")
            .fragmentName("opportunityFields")
            .variable("id", id)
            .execute();
        read.path("opportunity.stage").entity(String.class).isEqualTo("NEGOTIATION");
        read.path("opportunity.lines[*].sku").entityList(String.class).containsExactly("CU-L-12-20");

        update(Map.of("id", AccountTests.encode("Opportunity:999999999"), "expectedVersion", 0)).errors()
            .satisfy(errors -> assertSingleError(errors, "NOT_FOUND", null));
    }

    @Test
    void filtersOpportunitiesByStageAccountAndCloseDate() {
        String accountId = createAccount("Olentangy Electric");
        String won = create(
                Map.of("accountId", accountId, "name", "Won", "stage", "CLOSED_WON", "closeDate", "2026-03-01"))
            .path("createOpportunity.opportunity.id")
            .entity(String.class)
            .get();
        create(Map.of("accountId", accountId, "name", "Open", "stage", "PROPOSAL", "closeDate", "2026-03-01"));
        String lateWon = create(
                Map.of("accountId", accountId, "name", "Late", "stage", "CLOSED_WON", "closeDate", "2026-12-01"))
            .path("createOpportunity.opportunity.id")
            .entity(String.class)
            .get();

        GraphQlTester.Response filtered = graphQl.documentName("opportunitiesPage")
            .variable("filter",
                    Map.of("accountId", accountId, "stage", List.of("CLOSED_WON", "CLOSED_LOST"), "closeDateFrom",
                            "2026-01-01", "closeDateTo", "2026-06-30"))
            .execute();
        filtered.path("opportunities.nodes[*].id").entityList(String.class).containsExactly(won);
        filtered.path("opportunities.totalCount").entity(Integer.class).isEqualTo(1);

        GraphQlTester.Response perAccount = graphQl.documentName("accountOpportunities")
            .variable("id", accountId)
            .variable("first", 1)
            .variable("filter", Map.of("stage", List.of("CLOSED_WON")))
            .execute();
        perAccount.path("account.opportunities.totalCount").entity(Integer.class).isEqualTo(2);
        perAccount.path("account.opportunities.nodes[*].id").entityList(String.class).containsExactly(won);
        String after = perAccount.path("account.opportunities.pageInfo.endCursor").entity(String.class).get();
        graphQl.documentName("accountOpportunities")
            .variable("id", accountId)
            .variable("first", 1)
            .variable("after", after)
            .variable("filter", Map.of("stage", List.of("CLOSED_WON")))
            .execute()
            .path("account.opportunities.nodes[*].id")
            .entityList(String.class)
            .containsExactly(lateWon);
    }

    @Test
    void pagesAllOpportunitiesAndCoversEveryStageInTheDemoData() {
        GraphQlTester.Response first = graphQl.documentName("opportunitiesPage").variable("first", 100).execute();
        first.path("opportunities.nodes").entityList(Object.class).hasSize(100);
        first.path("opportunities.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        for (String stage : List.of("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "CLOSED_WON",
                "CLOSED_LOST")) {
            graphQl.documentName("opportunitiesPage")
                .variable("first", 1)
                .variable("filter", Map.of("stage", List.of(stage)))
                .execute()
                .path("opportunities.totalCount")
                .entity(Integer.class)
                .satisfies(n -> {
                    assertThat(n).isGreaterThan(100);
                });
        }
        graphQl.documentName("opportunitiesPage")
            .variable("first", 0)
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "first"));
        graphQl.documentName("opportunitiesPage")
            .variable("after", "bad")
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "after"));
    }

    private void assertInvalid(Map<String, Object> input, String field) {
        create(input).errors().satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", field));
    }

    private GraphQlTester.Response create(Map<String, Object> input) {
        return graphQl.documentName("createOpportunity")
            .fragmentName("opportunityFields")
            .variable("input", input)
            .execute();
    }

    private GraphQlTester.Response update(Map<String, Object> input) {
        return graphQl.documentName("updateOpportunity")
            .fragmentName("opportunityFields")
            .variable("input", input)
            .execute();
    }

}
