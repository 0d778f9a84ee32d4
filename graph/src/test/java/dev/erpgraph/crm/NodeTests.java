package dev.erpgraph.crm;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/** {@code Query.node} for every {@code Node} type, over HTTP. */
class NodeTests extends HttpGraphQlTests {

    @Test
    void resolvesEveryNodeType() {
        String accountId = createAccount("Tri-County Fire Protection");
        String contactId = graphQl.documentName("createContact")
            .fragmentName("contactFields")
            .variable("input", Map.of("accountId", accountId, "firstName", "Pat", "lastName", "Murphy"))
            .execute()
            .path("createContact.contact.id")
            .entity(String.class)
            .get();
        String opportunityId = graphQl.documentName("createOpportunity")
            .fragmentName("opportunityFields")
            .variable("input", Map.of("accountId", accountId, "name", "Sprinkler riser package"))
            .execute()
            .path("createOpportunity.opportunity.id")
            .entity(String.class)
            .get();

        assertNode(accountId, "Account").path("node.name").entity(String.class).isEqualTo("Tri-County Fire Protection");
        assertNode(contactId, "Contact").path("node.firstName").entity(String.class).isEqualTo("Pat");
        assertNode(opportunityId, "Opportunity").path("node.name")
            .entity(String.class)
            .isEqualTo("Sprinkler riser package");
    }

    @Test
    void answersNullWithNotFoundForAnUnknownNode() {
        graphQl.documentName("node")
            .variable("id", AccountTests.encode("Contact:999999999"))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "NOT_FOUND", null))
            .path("node")
            .valueIsNull();
    }

    @Test
    void refusesAGarbageOrUnknownTypeId() {
        for (String id : new String[] { "!!", AccountTests.encode("Order:1"), AccountTests.encode("Account:-1") }) {
            graphQl.documentName("node")
                .variable("id", id)
                .execute()
                .errors()
                .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "id"));
        }
    }

    private GraphQlTester.Response assertNode(String id, String type) {
        GraphQlTester.Response response = graphQl.documentName("node").variable("id", id).execute();
        response.path("node.__typename").entity(String.class).isEqualTo(type);
        response.path("node.id").entity(String.class).isEqualTo(id);
        return response;
    }

}
