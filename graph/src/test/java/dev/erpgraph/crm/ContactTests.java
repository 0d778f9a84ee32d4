package dev.erpgraph.crm;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code contact}, {@code Account.contacts}, {@code Contact.account} and the contact
 * mutations, over HTTP.
 */
class ContactTests extends HttpGraphQlTests {

    @Test
    void createsAContactAtAnAccount() {
        String accountId = createAccount("Scioto Mechanical");
        GraphQlTester.Response response = create(Map.of("accountId", accountId, "firstName", "Lisa", "lastName",
                "Kowalski", "email", "lkowalski@sciotomech.example", "title", "Purchasing Manager", "role", "Buyer",
                "clientMutationId", "c-1"));
        response.path("createContact.clientMutationId").entity(String.class).isEqualTo("c-1");
        response.path("createContact.contact.account.id").entity(String.class).isEqualTo(accountId);
        response.path("createContact.contact.account.name").entity(String.class).isEqualTo("Scioto Mechanical");
        response.path("createContact.contact.email").entity(String.class).isEqualTo("lkowalski@sciotomech.example");
        response.path("createContact.contact.version").entity(Integer.class).isEqualTo(0);

        String id = response.path("createContact.contact.id").entity(String.class).get();
        graphQl.documentName("contact")
            .fragmentName("contactFields")
            .variable("id", id)
            .execute()
            .path("contact.title")
            .entity(String.class)
            .isEqualTo("Purchasing Manager");
    }

    @Test
    void answersNullWithNotFoundForAnUnknownContactAndRefusesAnAccountId() {
        graphQl.documentName("contact")
            .fragmentName("contactFields")
            .variable("id", AccountTests.encode("Contact:999999999"))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "NOT_FOUND", null))
            .path("contact")
            .valueIsNull();
        graphQl.documentName("contact")
            .fragmentName("contactFields")
            .variable("id", createAccount("Huron Sheet Metal"))
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "id"));
    }

    @Test
    void pagesAnAccountsContacts() {
        String accountId = createAccount("Saginaw Hydronics");
        for (String name : new String[] { "Mike", "Dave", "Tom" }) {
            create(Map.of("accountId", accountId, "firstName", name, "lastName", "Novak"));
        }
        GraphQlTester.Response first = graphQl.documentName("accountContacts")
            .variable("id", accountId)
            .variable("first", 2)
            .execute();
        first.path("account.contacts.totalCount").entity(Integer.class).isEqualTo(3);
        first.path("account.contacts.edges[*].node.firstName").entityList(String.class).containsExactly("Mike", "Dave");
        first.path("account.contacts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String after = first.path("account.contacts.pageInfo.endCursor").entity(String.class).get();

        GraphQlTester.Response last = graphQl.documentName("accountContacts")
            .variable("id", accountId)
            .variable("first", 2)
            .variable("after", after)
            .execute();
        last.path("account.contacts.edges[*].node.firstName").entityList(String.class).containsExactly("Tom");
        last.path("account.contacts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        last.path("account.contacts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        last.path("account.contacts.totalCount").entity(Integer.class).isEqualTo(3);

        graphQl.documentName("accountContacts")
            .variable("id", accountId)
            .variable("first", 101)
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "first"));
        graphQl.documentName("accountContacts")
            .variable("id", accountId)
            .variable("after", "%%")
            .execute()
            .errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "after"));
    }

    @Test
    void updatesAContactAndRefusesAStaleVersion() {
        String accountId = createAccount("Muskegon Electric");
        String id = create(Map.of("accountId", accountId, "firstName", "Amy", "lastName", "Larson"))
            .path("createContact.contact.id")
            .entity(String.class)
            .get();
        GraphQlTester.Response updated = update(
                Map.of("id", id, "expectedVersion", 0, "title", "Controller", "clientMutationId", "u-2"));
        updated.path("updateContact.clientMutationId").entity(String.class).isEqualTo("u-2");
        updated.path("updateContact.contact.title").entity(String.class).isEqualTo("Controller");
        updated.path("updateContact.contact.firstName").entity(String.class).isEqualTo("Amy");
        updated.path("updateContact.contact.version").entity(Integer.class).isEqualTo(1);

        update(Map.of("id", id, "expectedVersion", 0, "title", "Owner")).errors()
            .satisfy(errors -> assertSingleError(errors, "CONFLICT", null));
        graphQl.documentName("contact")
            .fragmentName("contactFields")
            .variable("id", id)
            .execute()
            .path("contact.title")
            .entity(String.class)
            .isEqualTo("Controller");
    }

    @Test
    void refusesInvalidContactInputAndUnknownRecords() {
        String accountId = createAccount("Badger Plumbing Supply");
        create(Map.of("accountId", accountId, "firstName", "Jim", "lastName", "Becker", "email", "jim@")).errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "email"));
        create(Map.of("accountId", accountId, "firstName", " ", "lastName", "Becker")).errors()
            .satisfy(errors -> assertSingleError(errors, "BAD_USER_INPUT", "firstName"));
        graphQl.documentName("accountContacts")
            .variable("id", accountId)
            .execute()
            .path("account.contacts.totalCount")
            .entity(Integer.class)
            .isEqualTo(0);

        create(Map.of("accountId", AccountTests.encode("Account:999999999"), "firstName", "Jim", "lastName", "B"))
            .errors()
            .satisfy(errors -> assertSingleError(errors, "NOT_FOUND", null));
        update(Map.of("id", AccountTests.encode("Contact:999999999"), "expectedVersion", 0)).errors()
            .satisfy(errors -> assertSingleError(errors, "NOT_FOUND", null));
    }

    private GraphQlTester.Response create(Map<String, Object> input) {
        return graphQl.documentName("createContact").fragmentName("contactFields").variable("input", input).execute();
    }

    private GraphQlTester.Response update(Map<String, Object> input) {
        return graphQl.documentName("updateContact").fragmentName("contactFields").variable("input", input).execute();
    }

}
