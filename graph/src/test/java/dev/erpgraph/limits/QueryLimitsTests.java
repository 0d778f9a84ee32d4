package dev.erpgraph.limits;

import java.util.List;

import dev.erpgraph.crm.HttpGraphQlTests;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erpfields.ColdErps;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runaway query is refused before it runs, with {@code QUERY_TOO_COMPLEX} and a message
 * saying what to ask for instead; one inside the limits runs. Documents are parsed once
 * and then cached, so the limits must hold on every request of a cached document, with
 * that request's own variables.
 */
class QueryLimitsTests extends HttpGraphQlTests {

    @Autowired
    SandboxRegistry sandboxes;

    @Autowired
    ErpGateway gateway;

    /** 16 levels: accounts → nodes → contacts → nodes → account → contacts → ... */
    private static final String TOO_DEEP = "{ accounts(first: 1) { nodes { contacts(first: 1) { nodes { account {"
            + " contacts(first: 1) { nodes { account { contacts(first: 1) { nodes { account { contacts(first: 1) {"
            + " nodes { account { contacts(first: 1) { nodes { id } } } } } } } } } } } } } } } } }";

    private static final String PAGE_OF_ORDERS = "query($accounts: Int!, $orders: Int!) {"
            + " accounts(first: $accounts) { nodes { id orders(first: $orders) {"
            + " number lines { sku inventory { available } } } } } }";

    @Test
    void aQueryDeeperThanTheLimitIsRefused() {
        graphQl.document(TOO_DEEP)
            .execute()
            .errors()
            .satisfy(errors -> assertTooComplex(errors, "levels deep"))
            .path("accounts")
            .pathDoesNotExist();
    }

    @Test
    void theSameCachedDocumentIsCostedWithEachRequestsVariables() {
        graphQl.document(PAGE_OF_ORDERS)
            .variable("accounts", 2)
            .variable("orders", 2)
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes")
            .entityList(Object.class)
            .hasSize(2);

        graphQl.document(PAGE_OF_ORDERS)
            .variable("accounts", 100)
            .variable("orders", 100)
            .execute()
            .errors()
            .satisfy(errors -> assertTooComplex(errors, "cost is"))
            .path("accounts")
            .pathDoesNotExist();
    }

    @Test
    void theReadmeAccount360PageOfFiftyAccountsWithFiftyOrdersIsAdmitted() {
        graphQl.documentName("account360Readme")
            .variable("accounts", 50)
            .variable("orders", 50)
            .execute()
            .errors()
            .verify()
            .path("accounts.nodes")
            .entityList(Object.class)
            .hasSize(50);
    }

    @Test
    void aDocumentEstimatedAtMillionsOfFieldsIsRefusedBeforeAnyErpIsCalled() {
        ColdErps.reset(sandboxes, gateway);
        graphQl.documentName("abusivePage")
            .execute()
            .errors()
            .satisfy(errors -> assertTooComplex(errors, "cost is at least"))
            .path("accounts")
            .pathDoesNotExist();
        for (Sandbox sandbox : sandboxes.all()) {
            assertThat(sandbox.stats().snapshot().requests()).as(sandbox.id()).isZero();
        }
    }

    @Test
    void anOversizedDocumentIsRefusedUnparsed() {
        String padding = " ".repeat(20_001);
        graphQl.document("{ erpSystems { id } }" + padding)
            .execute()
            .errors()
            .satisfy(errors -> assertTooComplex(errors, "characters"));
    }

    @Test
    void aBrokenDocumentIsAnsweredTheSameEveryTime() {
        for (int attempt = 0; attempt < 2; attempt++) {
            graphQl.document("{ accounts(first: 1) { nodes { noSuchField } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(error.getMessage()).contains("noSuchField");
                }));
        }
    }

    private static void assertTooComplex(List<ResponseError> errors, String saying) {
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
            assertThat(error.getMessage()).contains(saying);
        });
    }

}
